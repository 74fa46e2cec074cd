import { type ConceptRecord, conceptProjection, toConceptRecord } from '../graph/graph.model';
import { RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** The concept whose HAS_STAGE relations are the container lifecycle. */
export const LIFECYCLE_SLUG = 'container-lifecycle';

/** One stage of the lifecycle with what it is carried out with. */
export interface StageRecord {
  stage: ConceptRecord;
  /** The commands of the stage, by the HAS_COMMAND order, then slug. */
  commands: ConceptRecord[];
  /** The signals those commands send, each once, in the order of the commands and then of the signals. */
  signals: ConceptRecord[];
  /** The slug of the stage NEXT_STAGE points to, when there is one. */
  next: string | null;
}

interface StageRow {
  stage: Record<string, unknown>;
  position: number | null;
  commands: Record<string, unknown>[];
  signals: Record<string, unknown>[];
  next: string[];
}

/** Reads the container lifecycle in one round trip. */
export class LifecycleRepository {
  constructor(private readonly db: CypherRunner) {}

  /**
   * The stages of the lifecycle in order: by the HAS_STAGE order, then the stage's own order, then along the
   * NEXT_STAGE chain, then by slug. Empty when the lifecycle concept is missing.
   */
  async stages(): Promise<StageRecord[]> {
    const rows = (await this.db.read(
      `MATCH (:Concept {slug: $lifecycle})-[h:${RelationType.HAS_STAGE}]->(s:Concept)
       CALL (s) {
         OPTIONAL MATCH (s)-[c:${RelationType.HAS_COMMAND}]->(command:Concept)
         WITH command, c ORDER BY c.order IS NULL, c.order, command.slug
         RETURN collect(${conceptProjection('command')}) AS commands
       }
       CALL (s) {
         OPTIONAL MATCH (s)-[c:${RelationType.HAS_COMMAND}]->(command:Concept)-[g:${RelationType.SENDS_SIGNAL}]->(signal:Concept)
         WITH signal, c, command, g ORDER BY c.order IS NULL, c.order, command.slug, g.order IS NULL, g.order, signal.slug
         RETURN collect(${conceptProjection('signal')}) AS signals
       }
       CALL (s) {
         OPTIONAL MATCH (s)-[:${RelationType.NEXT_STAGE}]->(n:Concept)
         WITH n ORDER BY n.slug
         RETURN collect(n.slug) AS next
       }
       RETURN ${conceptProjection('s')} AS stage, coalesce(h.order, s.order) AS position, commands, signals, next`,
      { lifecycle: LIFECYCLE_SLUG },
    )) as unknown as StageRow[];
    const stages = rows.map((row) => ({
      stage: toConceptRecord(row.stage),
      position: row.position,
      commands: row.commands.map(toConceptRecord),
      signals: uniqueBySlug(row.signals.map(toConceptRecord)),
      next: row.next[0] ?? null,
    }));
    const chain = chainPositions(stages);
    stages.sort(
      (a, b) =>
        compareNullable(a.position, b.position) ||
        compareNullable(chain.get(a.stage.slug) ?? null, chain.get(b.stage.slug) ?? null) ||
        a.stage.slug.localeCompare(b.stage.slug),
    );
    const slugs = new Set(stages.map((s) => s.stage.slug));
    // A NEXT_STAGE that leaves this lifecycle is not a next stage of it.
    return stages.map(({ stage, commands, signals, next }) => ({
      stage,
      commands,
      signals,
      next: next && slugs.has(next) ? next : null,
    }));
  }
}

function uniqueBySlug(records: ConceptRecord[]): ConceptRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => !seen.has(record.slug) && seen.add(record.slug));
}

/** Positions along the NEXT_STAGE chain (0 for a stage nothing leads to), for stages that carry no order. */
function chainPositions(stages: { stage: ConceptRecord; next: string | null }[]): Map<string, number> {
  const next = new Map(stages.map((s) => [s.stage.slug, s.next]));
  const targets = new Set(stages.map((s) => s.next).filter((slug): slug is string => slug !== null));
  const positions = new Map<string, number>();
  for (const start of stages.map((s) => s.stage.slug).filter((slug) => !targets.has(slug))) {
    let slug: string | null | undefined = start;
    // The visited check stops at a NEXT_STAGE cycle, which the seeder forbids but another writer might leave.
    for (let position = 0; slug && !positions.has(slug); position += 1) {
      positions.set(slug, position);
      slug = next.get(slug);
    }
  }
  return positions;
}

/** Numbers ascending, missing ones last. */
function compareNullable(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
