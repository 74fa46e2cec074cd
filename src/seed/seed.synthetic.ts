import neo4j from 'neo4j-driver';

import { type ConceptRecord, SYNTHETIC_ORIGIN } from '../graph/graph.model';
import { DEGREE_KEY_SET, NAME_KEYS_SET } from '../graph/sort-keys';
import { ConceptKind, RELATION_TYPES, type RelationType } from '../graph/vocabulary';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { RESERVED_SLUG_PREFIX } from './seed.validate';

/**
 * Generated benchmark data: N concepts with about 3N relationships of every type, all marked origin 'synthetic' and
 * tagged `synthetic`, so they can be added, grown, shrunk and removed without touching the seed (and the seed sync
 * never touches them). The data is a pure function of the index, so the same N always gives the same graph.
 */

export const MAX_SYNTHETIC = 999_999;
const KINDS = Object.values(ConceptKind);
const TYPES = RELATION_TYPES;
const WORDS: [en: string, ko: string][] = [
  ['kernel', '커널'], ['image', '이미지'], ['layer', '레이어'], ['network', '네트워크'], ['volume', '볼륨'], ['registry', '레지스트리'],
  ['signal', '시그널'], ['process', '프로세스'], ['cluster', '클러스터'], ['scheduler', '스케줄러'], ['runtime', '런타임'], ['sandbox', '샌드박스'],
];
const RELATIONS_PER_CONCEPT = 3;
/** Present concepts whose stored degree one transaction recomputes. */
const DEGREE_BATCH = 20000;
/** Concepts deleted per transaction when shrinking. */
const DELETE_BATCH = 10000;
/**
 * Concepts per write transaction. Small on purpose: a transaction's state stays live on the database heap until it
 * commits, and with 10k nodes (each with a full-text document) the young collections copied it over and over.
 */
const CONCEPT_BATCH = 2000;
/** At most this many concepts' relations (about three each) per write transaction. */
const RELATION_CHUNK = 5000;
const TIMEOUT_MS = 5 * 60 * 1000;

export const syntheticSlug = (i: number): string => `${RESERVED_SLUG_PREFIX}${String(i).padStart(6, '0')}`;

/** A small integer hash (deterministic, well mixed), so targets and types look random but never change. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be59b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function syntheticConcept(i: number): ConceptRecord {
  const kind = KINDS[i % KINDS.length];
  const [wordEn, wordKo] = WORDS[mix(i, 7) % WORDS.length];
  const number = String(i).padStart(6, '0');
  return {
    slug: syntheticSlug(i),
    kind,
    nameKo: `합성 ${wordKo} ${number}`,
    nameEn: `Synthetic ${wordEn} ${number}`,
    aliasesKo: [],
    aliasesEn: [`synthetic concept ${i}`],
    summaryKo: `벤치마크용으로 만든 ${i}번 합성 개념으로, ${wordKo}에 관한 ${kind}이다.`,
    summaryEn: `Synthetic benchmark concept number ${i}, a ${kind} about ${wordEn}.`,
    detailsKo: null,
    detailsEn: null,
    tags: ['synthetic'],
    source: 'synthetic',
    syntax: kind === ConceptKind.COMMAND || kind === ConceptKind.FLAG ? `synthetic-${kind.toLowerCase()}-${number}` : null,
    order: kind === ConceptKind.LIFECYCLE_STAGE ? i : null,
  };
}

export interface SyntheticRelation {
  type: RelationType;
  from: string;
  to: string;
  order: number;
}

/**
 * The relations of concept i: up to three, each to a different lower-numbered concept, so there are no self-loops,
 * no duplicates, no symmetric pair written both ways and no cycles (NEXT_STAGE and LEARN_AFTER stay acyclic).
 */
export function syntheticRelationsOf(i: number): SyntheticRelation[] {
  const targets = new Set<number>();
  const out: SyntheticRelation[] = [];
  for (let k = 0; k < RELATIONS_PER_CONCEPT && targets.size < i - 1; k += 1) {
    let j = 1 + (mix(i, k) % (i - 1));
    while (targets.has(j)) j = (j % (i - 1)) + 1;
    targets.add(j);
    out.push({ type: TYPES[mix(i, k + 100) % TYPES.length], from: syntheticSlug(i), to: syntheticSlug(j), order: k + 1 });
  }
  return out;
}

export interface SyntheticResult {
  concepts: number;
  relations: number;
  /** Synthetic concepts numbered above N that were deleted. */
  removed: number;
  seconds: number;
  /** Seconds from the start of the call to the end of each phase (concepts and relations are written at once). */
  phases: SyntheticPhases;
}

export interface SyntheticPhases {
  /** Deleting concepts above N and finding the highest one present. */
  remove: number;
  /** The last concept batch committed. */
  concepts: number;
  /** The last relation batch committed. */
  relations: number;
  /** Stored degrees of the concepts that were already present recomputed in the database. */
  degrees: number;
}

function rate(done: number, since: number): number {
  return Math.round(done / Math.max((performance.now() - since) / 1000, 0.001));
}

/** Deletes synthetic concepts numbered above `keep` (all of them for 0), with their relationships, in batches. */
async function removeAbove(gateway: Neo4jGateway, keep: number, logger: Logger): Promise<number> {
  let removed = 0;
  for (;;) {
    const [row] = await gateway.writeTransaction(async (tx) => {
      const result = await tx.run(
        `MATCH (c:Concept) WHERE c.slug > $last AND c.slug STARTS WITH $prefix AND c.origin = $origin
         WITH c LIMIT $batch DETACH DELETE c RETURN count(*) AS n`,
        { last: syntheticSlug(keep), prefix: RESERVED_SLUG_PREFIX, origin: SYNTHETIC_ORIGIN, batch: neo4j.int(DELETE_BATCH) },
      );
      return result.records.map((r) => r.toObject());
    }, TIMEOUT_MS);
    const n = Number(row?.n ?? 0);
    if (n === 0) return removed;
    removed += n;
    logger.info({ removed }, `synthetic: removed ${removed} concepts`);
  }
}

/** The highest synthetic number present: concepts above it (and their relations) do not exist and can be CREATEd. */
async function highestPresent(gateway: Neo4jGateway): Promise<number> {
  const [row] = await gateway.read(
    `MATCH (c:Concept) WHERE c.slug STARTS WITH $prefix AND c.origin = $origin RETURN max(c.slug) AS last`,
    { prefix: RESERVED_SLUG_PREFIX, origin: SYNTHETIC_ORIGIN },
  );
  const last = row?.last as string | null;
  return last ? Number(last.slice(RESERVED_SLUG_PREFIX.length)) : 0;
}

// Both return every written concept's element id, so its relations can find it without an index lookup. A created
// concept arrives with its sort keys and degree (computed here), so no second pass touches it.
const CREATE_CONCEPTS = `UNWIND $rows AS row CREATE (c:Concept) SET c = row RETURN row.slug AS slug, elementId(c) AS id`;
// The WHERE keeps a synthetic write from ever taking over a concept someone else owns.
const MERGE_CONCEPTS = `UNWIND $rows AS row
  MERGE (c:Concept {slug: row.slug}) ON CREATE SET c.origin = $origin
  WITH c, row WHERE c.origin = $origin
  SET c += row SET ${NAME_KEYS_SET}
  RETURN row.slug AS slug, elementId(c) AS id`;

type Verb = 'CREATE' | 'MERGE';
/**
 * One statement writes a batch's relations of every type: a subquery per type from the closed RelationType enum, each
 * unwinding that type's rows, so every pattern has a fixed type, and the database plans two statements (CREATE and
 * MERGE) once instead of one per type. The ends are found by the element ids their concept writes returned a moment
 * ago; the origin check still keeps out anything not synthetic.
 */
const relationStatement = (verb: Verb) =>
  TYPES.map(
    (type) => `CALL () {
  UNWIND $rows.${type} AS row
  MATCH (a:Concept), (b:Concept)
  WHERE elementId(a) = row.a AND elementId(b) = row.b AND a.origin = $origin AND b.origin = $origin
  ${verb === 'CREATE' ? `CREATE (a)-[:${type} {origin: $origin, order: row.order, source: $origin}]->(b)` : `MERGE (a)-[r:${type} {origin: $origin}]->(b) SET r.order = row.order, r.source = $origin`}
}`,
  ).join('\n');
const RELATION_STATEMENTS: Record<Verb, string> = { CREATE: relationStatement('CREATE'), MERGE: relationStatement('MERGE') };

/** Ranges of concept numbers 1..n, one per transaction; a range never spans the MERGE/CREATE boundary `present`. */
function conceptRanges(n: number, present: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let first = 1; first <= n; ) {
    const last = Math.min(first + CONCEPT_BATCH - 1, n, first <= present ? present : n);
    ranges.push([first, last]);
    first = last + 1;
  }
  return ranges;
}

const numberOf = (slug: string): number => Number(slug.slice(RESERVED_SLUG_PREFIX.length));

type RelationRow = { a: string; b: string; order: unknown };

/**
 * The relations of concepts first..last, by verb and type. `ids` holds the element id of every synthetic concept
 * written; an end without one (a concept someone else owns) is left out.
 */
function relationGroups(first: number, last: number, present: number, ids: (string | undefined)[]) {
  const groups: Record<Verb, Record<string, RelationRow[]>> = { CREATE: {}, MERGE: {} };
  for (const verb of ['CREATE', 'MERGE'] as const) for (const type of TYPES) groups[verb][type] = [];
  let count = 0;
  for (let i = Math.max(first, 2); i <= last; i += 1) {
    const verb = i <= present ? 'MERGE' : 'CREATE';
    for (const r of syntheticRelationsOf(i)) {
      const [a, b] = [ids[i], ids[numberOf(r.to)]];
      if (a === undefined || b === undefined) continue;
      groups[verb][r.type].push({ a, b, order: neo4j.int(r.order) });
      count += 1;
    }
  }
  return { count, groups: (['MERGE', 'CREATE'] as const).filter((verb) => TYPES.some((t) => groups[verb][t].length > 0)).map((verb) => ({ verb, rows: groups[verb] })) };
}

/**
 * How many relations each new concept (numbered above `present`) gets from the others up to n: all of its incoming
 * ones, since a relation points to a lower number, so it comes from a higher-numbered concept, which is new as well.
 */
function incomingAbove(n: number, present: number): Int32Array {
  const incoming = new Int32Array(n + 1);
  for (let i = present + 2; i <= n; i += 1) {
    for (const r of syntheticRelationsOf(i)) {
      const to = numberOf(r.to);
      if (to > present) incoming[to] += 1;
    }
  }
  return incoming;
}

/** `toLower(coalesce(name, other name, slug))` of NAME_KEYS_SET; synthetic names are never missing. */
const nameKey = (name: string): string => name.toLowerCase();

/**
 * The stored degree of synthetic concepts 1..n (sort-keys.ts), once their relations are written: a new relation changes
 * the degree of a random lower-numbered concept, and removing concepts changes their neighbours', so the concepts that
 * were present before the write are all recomputed, a slug range per transaction.
 */
async function writeDegrees(gateway: Neo4jGateway, n: number): Promise<void> {
  for (let first = 1; first <= n; first += DEGREE_BATCH) {
    const last = Math.min(n, first + DEGREE_BATCH - 1);
    await gateway.writeTransaction(
      (tx) =>
        tx.run(`MATCH (c:Concept) WHERE c.slug >= $first AND c.slug <= $last AND c.origin = $origin SET ${DEGREE_KEY_SET}`, {
          first: syntheticSlug(first),
          last: syntheticSlug(last),
          origin: SYNTHETIC_ORIGIN,
        }),
      TIMEOUT_MS,
    );
  }
}

/**
 * Makes the database hold exactly synthetic concepts 1..n and their relations (n = 0 removes them all). Bulk data
 * does not need all-or-nothing: every batch commits on its own, and a rerun completes an interrupted run. Numbers up
 * to the highest one present are MERGEd (so a rerun completes the data without duplicates); numbers above it cannot
 * exist yet, nor can their relations (a relation belongs to its higher-numbered end and is written only after that
 * end), so those are CREATEd, which is much cheaper, with their sort keys and their final degree: the graph is a pure
 * function of n, so the degree is known before any relation is written. Only concepts that were already present get
 * their degree recomputed in the database afterwards.
 *
 * Two writers run at once, so the database uses both of a small machine's cores: one writes the concepts in order,
 * and the other follows it, writing the relations of the concepts committed so far. Every relation points to a
 * lower-numbered concept, so its ends are committed by then, and the two writers never touch the same nodes (no lock
 * waits, no deadlocks).
 *
 * The indexes stay while it writes: dropping those only reads use (search, sort keys, kind) and building them again
 * from the finished data was measured (`npm run bench:seed`, README) and cost as much CPU as maintaining them row by
 * row, with no steady gain in time, while search would fail meanwhile.
 */
export async function writeSynthetic(gateway: Neo4jGateway, n: number, logger: Logger): Promise<SyntheticResult> {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SYNTHETIC) throw new RangeError(`synthetic count must be a whole number from 0 to ${MAX_SYNTHETIC}, got ${n}`);
  const started = performance.now();
  const removed = await removeAbove(gateway, n, logger);
  const present = await highestPresent(gateway);
  const removedAt = performance.now();
  const params = (rows: unknown) => ({ origin: SYNTHETIC_ORIGIN, rows });

  // `committed`: every concept up to this number is written, and `ids` has their element ids. A failure on either side
  // stops the other.
  const ids = new Array<string | undefined>(n + 1);
  const incoming = incomingAbove(n, present);
  let committed = 0;
  let failed = false;
  let wake = (): void => undefined;
  const advanced = () => new Promise<void>((resolve) => {
    wake = resolve;
  });

  const conceptRow = (i: number): Record<string, unknown> => {
    const c = syntheticConcept(i);
    const row: Record<string, unknown> = { ...c, order: c.order === null ? null : neo4j.int(c.order) };
    if (i <= present) return row;
    // Every relation of a new concept ends at a new concept or at a present one written (MERGEd) before it.
    const outgoing = syntheticRelationsOf(i).filter((r) => numberOf(r.to) > present || ids[numberOf(r.to)] !== undefined).length;
    return { ...row, origin: SYNTHETIC_ORIGIN, sortNameEn: nameKey(c.nameEn ?? c.nameKo), sortNameKo: nameKey(c.nameKo ?? c.nameEn), degree: neo4j.int(outgoing + incoming[i]) };
  };

  let concepts = 0;
  let conceptsAt = removedAt;
  const writeConcepts = async () => {
    try {
      for (const [first, last] of conceptRanges(n, present)) {
        if (failed) return;
        const rows: Record<string, unknown>[] = [];
        for (let i = first; i <= last; i += 1) rows.push(conceptRow(i));
        const written = await gateway.writeTransaction((tx) => tx.run(first <= present ? MERGE_CONCEPTS : CREATE_CONCEPTS, params(rows)), TIMEOUT_MS);
        for (const record of written.records) ids[numberOf(record.get('slug') as string)] = record.get('id') as string;
        concepts += rows.length;
        committed = last;
        // Progress every 10k concepts, not every (small) batch.
        if (Math.floor(concepts / 10000) > Math.floor((concepts - rows.length) / 10000) || last === n) {
          logger.info({ done: concepts, total: n, perSecond: rate(concepts, removedAt) }, `synthetic concepts ${concepts}/${n}`);
        }
        wake();
      }
      conceptsAt = performance.now();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      wake();
    }
  };

  let relations = 0;
  const writeRelations = async () => {
    try {
      for (let linked = 1; linked < n; ) {
        while (committed === linked && !failed) await advanced();
        if (failed) return;
        const last = Math.min(committed, linked + RELATION_CHUNK);
        const { count, groups } = relationGroups(linked + 1, last, present, ids);
        await gateway.writeTransaction(async (tx) => {
          for (const { verb, rows } of groups) await tx.run(RELATION_STATEMENTS[verb], params(rows));
        }, TIMEOUT_MS);
        relations += count;
        linked = last;
        logger.info({ done: relations, upTo: linked, perSecond: rate(relations, removedAt) }, `synthetic relations of concepts up to ${linked}/${n}: ${relations}`);
      }
    } catch (error) {
      failed = true;
      wake();
      throw error;
    }
  };

  const outcomes = await Promise.allSettled([writeConcepts(), writeRelations()]);
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  const relationsAt = performance.now();
  await writeDegrees(gateway, present);
  const seconds = (performance.now() - started) / 1000;
  const since = (at: number) => Number(((at - started) / 1000).toFixed(2));
  const phases = { remove: since(removedAt), concepts: since(conceptsAt), relations: since(relationsAt), degrees: Number(seconds.toFixed(2)) };
  logger.info({ phases }, 'synthetic: seconds from the start to the end of each phase (relations follow the concepts, so they end last)');
  return { concepts, relations, removed, seconds, phases };
}
