import type { ConceptFact, RelationFact } from './facts';

/** The fields of `ConceptsPage` a client's cache gives back, whichever client holds them. */
export interface ConceptsPageData {
  concepts: {
    totalCount: number;
    edges: {
      cursor: string;
      node: { id: string; slug: string; kind: string; source: string; tags: readonly string[] };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** One edge of `related`: a related concept, once, with every way it relates to the hub. */
export interface RelatedEdgeData {
  node: { id: string; slug: string };
  relations: readonly { type: string; direction: string; source: string }[];
}

/** The fields of `HubRelations` a client's cache gives back. */
export interface HubRelationsData {
  concept: {
    id: string;
    slug: string;
    related: {
      totalCount: number;
      edges: RelatedEdgeData[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

export const conceptFacts = (data: ConceptsPageData): ConceptFact[] =>
  data.concepts.edges.map(({ node }) => ({
    slug: node.slug,
    kind: node.kind,
    source: node.source,
    tags: [...node.tags],
  }));

/** The relations a list of edges holds, one fact per relation of each edge. */
export const edgeFacts = (edges: readonly RelatedEdgeData[]): RelationFact[] =>
  edges.flatMap((edge) =>
    edge.relations.map((relation) => ({
      other: edge.node.slug,
      type: relation.type,
      direction: relation.direction as RelationFact['direction'],
      source: relation.source,
    })),
  );

export const relationFacts = (data: HubRelationsData): RelationFact[] => edgeFacts(data.concept?.related.edges ?? []);

/** The related concepts a list of edges holds, in edge order (each must appear once). */
export const edgeNodes = (data: HubRelationsData): string[] =>
  (data.concept?.related.edges ?? []).map((edge) => edge.node.slug);
