import neo4j, { type ManagedTransaction } from 'neo4j-driver';

import { SEED_ORIGIN } from '../graph/graph.model';
import { DEGREE_KEY_SET, NAME_KEYS_SET } from '../graph/sort-keys';
import { RELATION_TYPES } from '../graph/vocabulary';
import type { Neo4jGateway, Params } from '../neo4j/gateway';
import { SeedValidationError } from './seed.problem';
import { SEED_FORMAT_VERSION, seedHash, type SeedRows, toRows } from './seed.rows';
import type { SeedContent } from './seed.types';

/** Test seams: called after every batch statement; throwing there aborts (and rolls back) the whole sync. */
export interface SyncHooks {
  afterBatch?(step: string, batch: number): void | Promise<void>;
}

export interface SyncOptions {
  /** Remove every seed-owned concept, relation and comparison first (in the same transaction). */
  reset?: boolean;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Transaction timeout; seeding is a bulk job, so it gets far more than a request does. */
  timeoutMs?: number;
  hooks?: SyncHooks;
}

export interface SyncResult {
  hash: string;
  concepts: number;
  relations: number;
  comparisons: number;
  /** Seed-owned items that were in the database but no longer in the seed, and were deleted. */
  removed: { concepts: number; relations: number; comparisons: number };
  seconds: number;
}

const DEFAULT_BATCH = 10000;
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const TYPES = new Set<string>(RELATION_TYPES);

const int = (value: number | null) => (value === null ? null : neo4j.int(value));

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function count(tx: ManagedTransaction, cypher: string, params: Params): Promise<number> {
  const result = await tx.run(cypher, params);
  return Number(result.records[0]?.get('n') ?? 0);
}

/** Seed slugs already used by concepts or comparisons the seeder does not own; writing over them would take them. */
async function conflicts(tx: ManagedTransaction, rows: SeedRows, content: SeedContent): Promise<SeedValidationError | undefined> {
  const result = await tx.run(
    `CALL () { MATCH (c:Concept) WHERE c.slug IN $concepts AND coalesce(c.origin, '') <> $origin RETURN 'concept' AS what, c.slug AS slug, c.origin AS origin
               UNION ALL
               MATCH (k:Comparison) WHERE k.slug IN $comparisons AND coalesce(k.origin, '') <> $origin RETURN 'comparison' AS what, k.slug AS slug, k.origin AS origin }
     RETURN what, slug, origin`,
    { concepts: rows.concepts.map((c) => c.slug), comparisons: rows.comparisons.map((k) => k.slug), origin: SEED_ORIGIN },
  );
  if (result.records.length === 0) return undefined;
  return new SeedValidationError(
    result.records.map((record) => {
      const what = record.get('what') as string;
      const slug = record.get('slug') as string;
      const item = what === 'concept' ? content.concepts.find((c) => c.slug === slug) : content.comparisons.find((k) => k.slug === slug);
      const origin = record.get('origin') as string | null;
      return {
        at: item!.at,
        message: `the database already has a ${what} "${slug}" that the seeder does not own (origin ${origin === null ? 'unset' : `"${origin}"`})`,
        fix: `rename the slug here, or remove that ${what} from the database`,
      };
    }),
  );
}

/**
 * Makes the database hold exactly the seed, in ONE write transaction: either all of it commits or nothing changes.
 * Every write is a batched UNWIND (a handful of round trips for the whole seed). Concepts are merged by slug and
 * relationships by (type, from, to); seed-owned items no longer in the seed are deleted; anything without
 * origin 'seed' is never touched. Running it twice leaves the graph as it was (only SeedState.seededAt moves).
 */
export async function syncSeed(gateway: Neo4jGateway, content: SeedContent, options: SyncOptions = {}): Promise<SyncResult> {
  const started = performance.now();
  const rows = toRows(content);
  const hash = seedHash(rows);
  const size = options.batchSize ?? DEFAULT_BATCH;
  const origin = SEED_ORIGIN;

  const removed = await gateway.writeTransaction(async (tx) => {
    let batch = 0;
    const batched = async <T>(step: string, cypher: string, items: T[], toParam: (item: T) => unknown, params: Params = {}): Promise<number> => {
      let total = 0;
      for (const part of chunks(items, size)) {
        total += await count(tx, cypher, { ...params, origin, rows: part.map(toParam) });
        batch += 1;
        await options.hooks?.afterBatch?.(step, batch);
      }
      return total;
    };

    if (options.reset) {
      await tx.run('MATCH (c:Concept {origin: $origin}) DETACH DELETE c', { origin });
      await tx.run('MATCH (k:Comparison {origin: $origin}) DETACH DELETE k', { origin });
      await tx.run("MATCH (s:SeedState {key: 'seed'}) DELETE s");
    }
    const conflict = await conflicts(tx, rows, content);
    if (conflict) throw conflict;

    await batched(
      'concepts',
      `UNWIND $rows AS row MERGE (c:Concept {slug: row.slug}) SET c += row, c.origin = $origin SET ${NAME_KEYS_SET} RETURN count(c) AS n`,
      rows.concepts,
      (c) => ({ ...c, order: int(c.order) }),
    );

    const byType = new Map<string, SeedRows['relations']>();
    for (const r of rows.relations) {
      if (!byType.has(r.type)) byType.set(r.type, []);
      byType.get(r.type)!.push(r);
    }
    for (const [type, relations] of byType) {
      // A relationship type cannot be a parameter; it is interpolated only after checking it is one of the closed enum.
      if (!TYPES.has(type)) throw new Error(`refusing to write relationship type ${JSON.stringify(type)}: not a RelationType`);
      const written = await batched(
        `relations ${type}`,
        `UNWIND $rows AS row
         MATCH (a:Concept {slug: row.from}), (b:Concept {slug: row.to})
         MERGE (a)-[r:${type} {origin: $origin}]->(b)
         SET r.descriptionKo = row.descriptionKo, r.descriptionEn = row.descriptionEn, r.order = row.order, r.source = row.source, r.correction = row.correction
         RETURN count(r) AS n`,
        relations,
        (r) => ({ from: r.from, to: r.to, descriptionKo: r.descriptionKo, descriptionEn: r.descriptionEn, order: int(r.order), source: r.source, correction: r.correction ?? null }),
      );
      if (written !== relations.length) throw new Error(`wrote ${written} of ${relations.length} ${type} relationships: an endpoint is missing`);
    }

    // Seed-owned relationships no longer in the seed, and any second copy of one that is (a single edge per key).
    const staleRelations = await count(
      tx,
      `MATCH (a:Concept {origin: $origin})-[r]->(b:Concept)
       WHERE r.origin = $origin
       WITH type(r) + ' ' + a.slug + ' ' + b.slug AS key, collect(r) AS copies
       WITH CASE WHEN key IN $keys THEN tail(copies) ELSE copies END AS extra
       UNWIND extra AS r
       DELETE r
       RETURN count(*) AS n`,
      { origin, keys: rows.relations.map((r) => `${r.type} ${r.from} ${r.to}`) },
    );
    const staleConcepts = await count(
      tx,
      'MATCH (c:Concept {origin: $origin}) WHERE NOT c.slug IN $slugs DETACH DELETE c RETURN count(*) AS n',
      { origin, slugs: rows.concepts.map((c) => c.slug) },
    );
    // Relations changed: the stored degree of every seed concept (sort-keys.ts). Seed relations only join seed
    // concepts, and the seeder never writes to a node it does not own.
    await tx.run(`MATCH (c:Concept {origin: $origin}) SET ${DEGREE_KEY_SET}`, { origin });

    await batched(
      'comparisons',
      `UNWIND $rows AS row
       MERGE (k:Comparison {slug: row.slug})
       SET k.titleKo = row.titleKo, k.titleEn = row.titleEn, k.source = row.source, k.aspects = row.aspects, k.origin = $origin
       WITH k, row
       UNWIND range(0, size(row.concepts) - 1) AS i
       MATCH (c:Concept {slug: row.concepts[i]})
       MERGE (k)-[p:COMPARES]->(c)
       SET p.position = i + 1
       RETURN count(p) AS n`,
      rows.comparisons,
      (k) => k,
    );
    await tx.run(
      `MATCH (k:Comparison {origin: $origin})-[p:COMPARES]->(c:Concept)
       WHERE NOT k.slug + ' ' + c.slug IN $keys
       DELETE p`,
      { origin, keys: rows.comparisons.flatMap((k) => k.concepts.map((slug) => `${k.slug} ${slug}`)) },
    );
    const staleComparisons = await count(
      tx,
      'MATCH (k:Comparison {origin: $origin}) WHERE NOT k.slug IN $slugs DETACH DELETE k RETURN count(*) AS n',
      { origin, slugs: rows.comparisons.map((k) => k.slug) },
    );

    await tx.run(
      `MERGE (s:SeedState {key: 'seed'})
       SET s.hash = $hash, s.version = $version, s.seededAt = datetime(), s.concepts = $concepts, s.relations = $relations`,
      { hash, version: SEED_FORMAT_VERSION, concepts: neo4j.int(rows.concepts.length), relations: neo4j.int(rows.relations.length) },
    );
    return { concepts: staleConcepts, relations: staleRelations, comparisons: staleComparisons };
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  return {
    hash,
    concepts: rows.concepts.length,
    relations: rows.relations.length,
    comparisons: rows.comparisons.length,
    removed,
    seconds: (performance.now() - started) / 1000,
  };
}
