import type { CypherRunner } from '../neo4j/gateway';

export interface GraphCounts {
  concepts: number;
  relations: number;
  byKind: { kind: string; count: number }[];
  byRelationType: { type: string; count: number }[];
}

export interface SeedStateRecord {
  hash: string;
  version: string;
  seededAt: string;
}

/** Counts over the whole graph, and the state the seeder left. */
export class StatsRepository {
  constructor(private readonly db: CypherRunner) {}

  async counts(): Promise<GraphCounts> {
    const [row] = await this.db.read(
      `CALL () { MATCH (c:Concept) RETURN c.kind AS kind, count(*) AS n }
       WITH collect({kind: kind, count: n}) AS byKind
       CALL () { MATCH (:Concept)-[r]->(:Concept) RETURN type(r) AS type, count(*) AS n }
       WITH byKind, collect({type: type, count: n}) AS byType
       RETURN byKind, byType`,
    );
    const byKind = (row?.byKind as GraphCounts['byKind']) ?? [];
    const byRelationType = (row?.byType as GraphCounts['byRelationType']) ?? [];
    const sum = (items: { count: number }[]) => items.reduce((total, item) => total + item.count, 0);
    return {
      concepts: sum(byKind),
      relations: sum(byRelationType),
      byKind: byKind.sort((a, b) => a.kind.localeCompare(b.kind)),
      byRelationType: byRelationType.sort((a, b) => a.type.localeCompare(b.type)),
    };
  }

  async seedState(): Promise<SeedStateRecord | null> {
    const [row] = await this.db.read(
      `MATCH (s:SeedState {key: 'seed'}) RETURN s.hash AS hash, s.version AS version, toString(s.seededAt) AS seededAt`,
    );
    return row ? (row as unknown as SeedStateRecord) : null;
  }
}
