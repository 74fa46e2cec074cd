import { RelationType, SYMMETRIC_RELATIONS } from '../../src/graph/vocabulary';

/**
 * The type definitions the peer (@neo4j/graphql) serves: the same storage model as ours (:Concept nodes, one
 * relationship type per RelationType), written the way that library is meant to be used. Every relation type becomes
 * a relationship field: `isA` follows it outgoing, `isAIn` incoming, and a symmetric type is one undirected field.
 * The API is read-only (no mutations, no nested writes, no aggregations), as ours is.
 */

/** IS_A -> isA, HAS_STAGE -> hasStage. */
export function camel(type: RelationType): string {
  return type.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export interface PeerRelationField {
  field: string;
  type: RelationType;
  /** OUTGOING/INCOMING as ours reports it; symmetric relations report OUTGOING from both ends, as ours does. */
  direction: 'OUTGOING' | 'INCOMING';
}

/** Every relationship field of the peer's Concept, in vocabulary order. */
export const PEER_RELATION_FIELDS: PeerRelationField[] = Object.values(RelationType).flatMap((type) =>
  SYMMETRIC_RELATIONS.has(type)
    ? [{ field: camel(type), type, direction: 'OUTGOING' as const }]
    : [
        { field: camel(type), type, direction: 'OUTGOING' as const },
        { field: `${camel(type)}In`, type, direction: 'INCOMING' as const },
      ],
);

function relationshipField({ field, type, direction }: PeerRelationField): string {
  const symmetric = SYMMETRIC_RELATIONS.has(type);
  const args = [
    `type: "${type}"`,
    `direction: ${direction === 'INCOMING' ? 'IN' : 'OUT'}`,
    ...(symmetric ? ['queryDirection: UNDIRECTED'] : []),
    'nestedOperations: []',
    'aggregate: false',
  ];
  return `  ${field}: [Concept!]! @relationship(${args.join(', ')})`;
}

export const PEER_TYPE_DEFS = `
type Concept
  @node
  @mutation(operations: [])
  @fulltext(indexes: [{ indexName: "concept_search", queryName: "conceptsSearch", fields: ["nameKo", "nameEn", "searchText", "summaryKo", "summaryEn"] }]) {
  slug: String!
  kind: String!
  nameKo: String
  nameEn: String
  aliasesKo: [String!]
  aliasesEn: [String!]
  searchText: String
  summaryKo: String
  summaryEn: String
  detailsKo: String
  detailsEn: String
  tags: [String!]
  source: String
  syntax: String
  order: Int
  origin: String
${PEER_RELATION_FIELDS.map(relationshipField).join('\n')}
}
`;
