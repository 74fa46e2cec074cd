import { type ConceptRecord, conceptProjection, type RelationRecord, relationProjection, toConceptRecord, toRelationRecord } from '../graph/graph.model';
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
    const rows = await this.db.read(
      `UNWIND $slugs AS slug
       MATCH (c:Concept {slug: slug})-[r]-(o:Concept)
       WHERE type(r) IN $types AND o <> c
       WITH slug, r, o, type(r) IN $symmetric OR startNode(r) = c AS outgoing
       WHERE $direction = 'BOTH' OR outgoing = ($direction = 'OUTGOING')
       RETURN slug, outgoing, ${relationProjection('r')} AS relation, ${conceptProjection('o')} AS other`,
      {
        slugs: [...slugs],
        types: types ? ALL_TYPES.filter((t) => types.includes(t)) : ALL_TYPES,
        symmetric: [...SYMMETRIC_RELATIONS],
        direction,
      },
    );
    return rows.map((row) => ({
      slug: row.slug as string,
      direction: row.outgoing ? 'OUTGOING' : 'INCOMING',
      relation: toRelationRecord(row.relation as Record<string, unknown>),
      other: toConceptRecord(row.other as Record<string, unknown>),
    }));
  }
}
