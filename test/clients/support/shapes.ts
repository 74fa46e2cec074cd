import type { ConceptFact, RelationFact } from './facts';

/** The fields of `ConceptsPage` a client's cache gives back, whichever client holds them. */
export interface ConceptsPageData {
  concepts: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; slug: string; kind: string; source: string; tags: readonly string[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The fields of `HubRelations` a client's cache gives back. */
export interface HubRelationsData {
  concept: {
    id: string;
    slug: string;
    related: {
      totalCount: number;
      edges: { cursor: string; node: { id: string; slug: string }; type: string; direction: string; source: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

export const conceptFacts = (data: ConceptsPageData): ConceptFact[] =>
  data.concepts.edges.map(({ node }) => ({ slug: node.slug, kind: node.kind, source: node.source, tags: [...node.tags] }));

export const relationFacts = (data: HubRelationsData): RelationFact[] =>
  (data.concept?.related.edges ?? []).map((edge) => ({
    other: edge.node.slug,
    type: edge.type,
    direction: edge.direction as RelationFact['direction'],
    source: edge.source,
  }));
