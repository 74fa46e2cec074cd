import { type RelationRecord, relationProjection, toRelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** Reads what a tour needs beyond the learning order (which LearningRepository reads). */
export class TourRepository {
  constructor(private readonly db: CypherRunner) {}

  /** Every relation between two of `slugs` (a topic's coverage aside), in its stored direction, in one round trip. */
  async relationsAmong(slugs: readonly string[]): Promise<RelationRecord[]> {
    const rows = await this.db.read(
      `MATCH (a:Concept)-[r]->(b:Concept)
       WHERE a.slug IN $slugs AND b.slug IN $slugs AND type(r) IN $types
       RETURN ${relationProjection('r')} AS relation`,
      { slugs: [...slugs], types: RELATION_TYPES.filter((type) => type !== RelationType.COVERS) },
    );
    return rows.map((row) => toRelationRecord(row.relation as Record<string, unknown>));
  }
}
