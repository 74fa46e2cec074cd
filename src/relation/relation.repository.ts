import { CONCEPT_PROJECTION, type ConceptRecord, conceptProjection, type RelationRecord, relationProjection, toConceptRecord, toRelationRecord } from '../graph/graph.model';
import { RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** A relation seen from one of its ends (`slug`): which way it points from there, and the concept at the other end. */
export interface RelatedRecord {
  slug: string;
  relation: RelationRecord;
  /** OUTGOING when `slug` is the subject, or the relation is symmetric. */
  direction: 'OUTGOING' | 'INCOMING';
  other: ConceptRecord;
}

const ALL_TYPES = Object.values(RelationType);

/** Reads relations between concepts. Types are passed as parameters and checked against the closed vocabulary. */
export class RelationRepository {
  constructor(private readonly db: CypherRunner) {}

  /** Every relation of each concept in `slugs` with one of `types` (all when null) in `direction`, in one round trip. */
  async relatedOf(slugs: readonly string[], types: readonly RelationType[] | null, direction: RelationDirection): Promise<RelatedRecord[]> {
    const rows = await this.db.read(`UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN slug, ${RELATED_OF_C} AS related`, relatedParams(slugs, types, direction));
    return rows.flatMap((row) => toRelatedRecords(row.slug as string, row.related as Record<string, unknown>[]));
  }

  /**
   * The concepts in `slugs` together with their relations for one (types, direction) choice, in one round trip:
   * what `concept(slug) { ... related { ... } }` needs, asked at once instead of one query after the other.
   */
  async conceptsWithRelated(
    slugs: readonly string[],
    types: readonly RelationType[] | null,
    direction: RelationDirection,
  ): Promise<{ concept: ConceptRecord; related: RelatedRecord[] }[]> {
    const rows = await this.db.read(
      `UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN ${CONCEPT_PROJECTION} AS concept, ${RELATED_OF_C} AS related`,
      relatedParams(slugs, types, direction),
    );
    return rows.map((row) => {
      const concept = toConceptRecord(row.concept as Record<string, unknown>);
      return { concept, related: toRelatedRecords(concept.slug, row.related as Record<string, unknown>[]) };
    });
  }
}

/**
 * The relations of concept `c` for the choice in $types and $direction, as one list (one row per concept, not one per
 * relation: fewer records to send and decode).
 */
const RELATED_OF_C = `[(c)-[r]-(o:Concept) WHERE type(r) IN $types AND o <> c
    AND ($direction = 'BOTH' OR (type(r) IN $symmetric OR startNode(r) = c) = ($direction = 'OUTGOING')) |
    {outgoing: type(r) IN $symmetric OR startNode(r) = c, relation: ${relationProjection('r')}, other: ${conceptProjection('o')}}]`;

function relatedParams(slugs: readonly string[], types: readonly RelationType[] | null, direction: RelationDirection) {
  return {
    slugs: [...slugs],
    types: types ? ALL_TYPES.filter((t) => types.includes(t)) : ALL_TYPES,
    symmetric: [...SYMMETRIC_RELATIONS],
    direction,
  };
}

function toRelatedRecords(slug: string, related: Record<string, unknown>[]): RelatedRecord[] {
  return related.map((row) => ({
    slug,
    direction: row.outgoing ? 'OUTGOING' : 'INCOMING',
    relation: toRelationRecord(row.relation as Record<string, unknown>),
    other: toConceptRecord(row.other as Record<string, unknown>),
  }));
}
