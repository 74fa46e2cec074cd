import type {
  ConceptsPageQuery,
  ConceptsPageQueryVariables,
  HubRelationsQuery,
  HubRelationsQueryVariables,
} from './operations.generated';

/*
 * A small client typed only by GraphQL Code Generator's output, as a frontend would write it. It is compiled with
 * `tsc --strict` against fresh output on every test run, and run against the live server.
 */

async function send<TData, TVariables>(url: string, query: string, variables: TVariables): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: { message: string }[] };
  if (body.errors?.length || body.data === undefined)
    throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status} without data`);
  return body.data;
}

type ConceptNode = ConceptsPageQuery['concepts']['edges'][number]['node'];

/** Every concept, following endCursor; also says how many pages it took. */
export async function allConcepts(
  url: string,
  query: string,
  first: number,
): Promise<{ concepts: ConceptNode[]; pages: number }> {
  const concepts: ConceptNode[] = [];
  let pages = 0;
  let variables: ConceptsPageQueryVariables = { first };
  for (;;) {
    const data = await send<ConceptsPageQuery, ConceptsPageQueryVariables>(url, query, variables);
    pages += 1;
    concepts.push(...data.concepts.edges.map((edge) => edge.node));
    if (!data.concepts.pageInfo.hasNextPage || !data.concepts.pageInfo.endCursor) return { concepts, pages };
    variables = { first, after: data.concepts.pageInfo.endCursor };
  }
}

type RelatedEdge = NonNullable<HubRelationsQuery['concept']>['related']['edges'][number];

/** Every relation edge of one concept, following endCursor; null when no concept has the slug. */
export async function allRelations(
  url: string,
  query: string,
  slug: string,
  first: number,
): Promise<{ edges: RelatedEdge[]; pages: number } | null> {
  const edges: RelatedEdge[] = [];
  let pages = 0;
  let variables: HubRelationsQueryVariables = { slug, first };
  for (;;) {
    const data = await send<HubRelationsQuery, HubRelationsQueryVariables>(url, query, variables);
    pages += 1;
    if (!data.concept) return null;
    edges.push(...data.concept.related.edges);
    const { hasNextPage, endCursor } = data.concept.related.pageInfo;
    if (!hasNextPage || !endCursor) return { edges, pages };
    variables = { slug, first, after: endCursor };
  }
}
