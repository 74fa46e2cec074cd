import {
  type ConcreteRequest,
  type GraphQLResponse,
  Environment,
  Network,
  type ReaderFragment,
  RecordSource,
  Store,
  createOperationDescriptor,
  fetchQuery,
  getSelector,
} from 'relay-runtime';

import { useTestServer } from '../support/server';
import { countingFetch } from './support/counting-fetch';
import { HUB, relatedConcepts, sortConcepts, sortRelations, storedConcepts, storedRelations } from './support/facts';
import { CONCEPT_PAGE, RELATED_PAGE_SIZES } from './support/operations';
import { reportReading } from './support/report';
import { type RelatedEdgeData, edgeFacts } from './support/shapes';
import { describeWithTool } from './support/tools';
import { compileRelayArtifacts, loadArtifact, relayCompilerUnavailable } from './relay/compile';

type Variables = Record<string, unknown>;
interface Connection<E> {
  totalCount: number;
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type ConceptEdge = { node: { id: string; slug: string; kind: string; source: string; tags: readonly string[] } };

describeWithTool(
  'relay-runtime with artifacts from relay-compiler (@connection, @refetchable)',
  relayCompilerUnavailable,
  () => {
    const server = useTestServer();
    let compiled: ReturnType<typeof compileRelayArtifacts>;
    let environment: Environment;
    const http = countingFetch();

    /** A fresh store per test, as a page load gets. */
    function newEnvironment(): Environment {
      const network = Network.create(async (params, variables) => {
        const response = await http.fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: params.text, variables }),
        });
        return (await response.json()) as GraphQLResponse;
      });
      return new Environment({ network, store: new Store(new RecordSource()) });
    }

    const artifact = <T>(name: string) => loadArtifact<T>(compiled.artifacts, name);

    beforeAll(async () => {
      compiled = compileRelayArtifacts();
    });

    afterAll(async () => {
      compiled?.cleanup();
    });

    /** Fetches a query and keeps its data in the store (a mounted component would retain it the same way). */
    async function fetchRetained(request: ConcreteRequest, variables: Variables): Promise<void> {
      await fetchQuery(environment, request, variables).toPromise();
      environment.retain(createOperationDescriptor(request, variables));
    }

    /** Reads a fragment from the store as a component would: through the fragment reference its query left there. */
    function readFragment<T>(fragment: ReaderFragment, reference: unknown): T {
      const selector = getSelector(fragment, reference);
      return environment.lookup(selector as never).data as T;
    }

    beforeEach(() => {
      environment = newEnvironment();
    });

    it('holds every concept after paginating the @connection, as stored', async () => {
      const stored = await storedConcepts(server.atlas.database.gateway);
      const query = artifact<ConcreteRequest>('ConceptListQuery');
      const pagination = artifact<ConcreteRequest>('ConceptListPaginationQuery');
      const fragment = artifact<ReaderFragment>('ConceptList_query');
      const before = http.requests();
      await fetchRetained(query, { count: CONCEPT_PAGE });
      const root = environment.lookup(createOperationDescriptor(query, { count: CONCEPT_PAGE }).fragment).data;
      let list = readFragment<{ concepts: Connection<ConceptEdge> }>(fragment, root).concepts;
      while (list.pageInfo.hasNextPage) {
        await fetchRetained(pagination, { count: CONCEPT_PAGE, cursor: list.pageInfo.endCursor });
        list = readFragment<{ concepts: Connection<ConceptEdge> }>(fragment, root).concepts;
      }
      const facts = list.edges.map(({ node }) => ({
        slug: node.slug,
        kind: node.kind,
        source: node.source,
        tags: [...node.tags],
      }));
      reportReading('relay', 'concepts', {
        facts: facts.length,
        pages: http.requests() - before,
        stored: stored.length,
      });
      expect(facts.length).toBe(stored.length);
      expect(sortConcepts(facts)).toEqual(stored);
    });

    it.each(RELATED_PAGE_SIZES)(
      `holds every relation of ${HUB} after paginating the @connection %i at a time, as stored`,
      async (size) => {
        const stored = await storedRelations(server.atlas.database.gateway);
        const query = artifact<ConcreteRequest>('HubRelationsQuery');
        const pagination = artifact<ConcreteRequest>('HubRelationsPaginationQuery');
        const fragment = artifact<ReaderFragment>('HubRelations_concept');
        const before = http.requests();
        const variables = { slug: HUB, count: size };
        await fetchRetained(query, variables);
        const root = environment.lookup(createOperationDescriptor(query, variables).fragment).data as {
          concept: { id: string };
        };
        let related = readFragment<{ related: Connection<RelatedEdgeData> }>(fragment, root.concept).related;
        while (related.pageInfo.hasNextPage) {
          await fetchRetained(pagination, { count: size, cursor: related.pageInfo.endCursor, id: root.concept.id });
          related = readFragment<{ related: Connection<RelatedEdgeData> }>(fragment, root.concept).related;
        }
        const facts = edgeFacts(related.edges);
        reportReading('relay', `relations of ${HUB} by ${size}`, {
          facts: facts.length,
          pages: http.requests() - before,
          stored: stored.length,
        });
        expect(related.edges.map((edge) => edge.node.slug).sort()).toEqual(relatedConcepts(stored));
        expect(sortRelations(facts)).toEqual(stored);
      },
    );
  },
);
