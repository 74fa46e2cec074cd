import type { CypherRunner } from '../neo4j/gateway';

/** Which concepts a stored comparison compares, in column order. */
export interface ComparisonEntry {
  slug: string;
  concepts: string[];
}

/** Reads what `difference` needs beyond the comparison and fact-graph repositories. */
export class DifferenceRepository {
  constructor(private readonly db: CypherRunner) {}

  /** Every stored comparison with the slugs it compares, in one round trip. */
  async comparisonIndex(): Promise<ComparisonEntry[]> {
    const rows = await this.db.read(
      `MATCH (m:Comparison)-[k:COMPARES]->(c:Concept)
       WITH m, c ORDER BY k.position
       RETURN m.slug AS slug, collect(c.slug) AS concepts
       ORDER BY slug`,
    );
    return rows.map((row) => ({ slug: row.slug as string, concepts: row.concepts as string[] }));
  }
}
