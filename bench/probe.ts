import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import { SEED_ORIGIN } from '../src/graph/graph.model';
import { RelationType, SYMMETRIC_RELATIONS } from '../src/graph/vocabulary';
import { toLuceneQuery } from '../src/search/lucene';
import { NEIGHBORHOOD_DEPTH, NEIGHBORHOOD_LIMIT, SEARCH_FIRST, type ShapeParams } from './shapes';

/**
 * Chooses, in a given graph, the concepts each question is about. The choice is deterministic (first by slug among
 * a sample) and aims at typical, comparable work on every graph size: a hub with an ordinary number of relations,
 * a neighborhood of about the same size, a path a few hops long, a search text with a handful of hits. So a
 * latency that grows with the graph shows a cost of the graph's size, not of a bigger answer.
 */

const TYPES = Object.values(RelationType).join('|');
const DIRECTED = Object.values(RelationType).filter((t) => !SYMMETRIC_RELATIONS.has(t));

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, any>[]>;

function runner(driver: Driver, database: string): Run {
  return async (cypher, params = {}) => {
    const result = await driver.executeQuery(cypher, params, { database, routing: neo4j.routing.READ });
    return result.records.map((record) => record.toObject());
  };
}

export interface ProbeTargets {
  /** Which concepts to choose from: the shipped seed or the synthetic ones. */
  origin: string;
  /** Relations of the hub, about. */
  hubDegree: number;
  /** Nodes of the 2-hop neighborhood, about (it must also fit under NEIGHBORHOOD_LIMIT). */
  ballSize: number;
  /**
   * The sample starts at this slug. Synthetic concept i links to random lower-numbered ones, so low numbers are hubs
   * whose degree grows with the graph; the middle of the range is typical at every size.
   */
  sampleFrom?: string;
  /** Preferred choices, used when they satisfy the conditions (readable names for the shipped seed). */
  prefer?: Partial<ShapeParams>;
}

const SAMPLE = 400;

export async function probe(driver: Driver, database: string, targets: ProbeTargets): Promise<ShapeParams> {
  const run = runner(driver, database);
  const sample = await run(
    `MATCH (c:Concept) WHERE c.slug >= $from AND c.origin = $origin WITH c ORDER BY c.slug LIMIT $sample
     RETURN c.slug AS slug, c.nameEn AS nameEn, c.nameKo AS nameKo, COUNT { (c)-[:${TYPES}]-(:Concept) } AS degree`,
    { origin: targets.origin, from: targets.sampleFrom ?? '', sample: neo4j.int(SAMPLE) },
  );
  if (sample.length === 0) throw new Error(`no concepts with origin "${targets.origin}" to benchmark`);
  const byCloseness = (target: number, value: (row: Record<string, any>) => number) =>
    [...sample].sort((a, b) => Math.abs(value(a) - target) - Math.abs(value(b) - target) || (a.slug < b.slug ? -1 : 1));

  const hub =
    targets.prefer?.hub && sample.some((r) => r.slug === targets.prefer!.hub)
      ? targets.prefer.hub
      : byCloseness(targets.hubDegree, (r) => r.degree)[0].slug;

  const nav =
    targets.prefer?.nav && (await navCount(run, targets.prefer.nav)) > 0
      ? targets.prefer.nav
      : await pickNav(run, sample);
  const search = await pickSearch(run, sample, targets.prefer?.search);
  const center = await pickCenter(run, sample, targets);
  const path =
    targets.prefer?.path && (await distance(run, targets.prefer.path.from, targets.prefer.path.to)) > 1
      ? targets.prefer.path
      : await pickPath(run, hub, targets);
  return { hub, nav, search, center, path };
}

/**
 * How much of the graph each chosen question touches, measured by plain Cypher: a scale series compares latency
 * across sizes only as long as these stay about the same (report.ts checks that they do).
 */
/** Readable choices on the shipped seed; `probe` falls back to computed ones if the seed changes. */
export const SEED_PREFER: Partial<ShapeParams> = {
  hub: 'container',
  nav: { root: 'container-lifecycle', first: [RelationType.HAS_STAGE], second: [RelationType.HAS_COMMAND] },
  search: 'hypervisor',
  path: { from: 'docker-stop', to: 'unikernel' },
};

/** The questions every bench tool asks of the shipped seed: one choice, so their figures speak of the same answers. */
export function probeSeed(driver: Driver, database: string): Promise<ShapeParams> {
  return probe(driver, database, { origin: SEED_ORIGIN, hubDegree: 10, ballSize: 40, prefer: SEED_PREFER });
}

export interface ChoiceWork {
  /** Relations of the concept shape's concept. */
  hubDegree: number;
  /** Two-step walks of the nav2 shape. */
  navWalks: number;
  /** Full-text hits of the search text, counted up to SEARCH_FIRST + 1. */
  searchHits: number;
  /** Nodes of the neighborhood shape's 2-hop ball, its center included. */
  ball: number;
  /** Hops of the shortest path between the path shape's ends. */
  pathLength: number;
  /** Nodes within two hops of either end of the path (both ends included): what a two-sided search can reach. */
  pathReach: number;
}

export async function describeChoices(driver: Driver, database: string, params: ShapeParams): Promise<ChoiceWork> {
  const run = runner(driver, database);
  const [hub] = await run(`MATCH (c:Concept {slug: $slug}) RETURN COUNT { (c)-[:${TYPES}]-(:Concept) } AS n`, {
    slug: params.hub,
  });
  const [hits] = await run(
    `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: $limit}) YIELD node RETURN count(node) AS n`,
    { lucene: toLuceneQuery(params.search), limit: neo4j.int(SEARCH_FIRST + 1) },
  );
  const [ball] = await run(
    `MATCH (c:Concept {slug: $slug})
     RETURN COUNT { MATCH (c)-[:${TYPES}*1..${NEIGHBORHOOD_DEPTH}]-(n:Concept) WHERE n <> c RETURN DISTINCT n } + 1 AS n`,
    { slug: params.center },
  );
  const [reach] = await run(
    `MATCH (e:Concept) WHERE e.slug IN [$from, $to]
     OPTIONAL MATCH (e)-[:${TYPES}*1..2]-(n:Concept)
     WITH collect(DISTINCT e) + collect(DISTINCT n) AS nodes
     UNWIND nodes AS n RETURN count(DISTINCT n) AS n`,
    params.path,
  );
  return {
    hubDegree: hub?.n ?? 0,
    navWalks: await navCount(run, params.nav),
    searchHits: hits?.n ?? 0,
    ball: ball?.n ?? 0,
    pathLength: await distance(run, params.path.from, params.path.to),
    pathReach: reach?.n ?? 0,
  };
}

async function navCount(run: Run, nav: ShapeParams['nav']): Promise<number> {
  const rows = await run(
    `MATCH (:Concept {slug: $slug})-[:${nav.first.join('|')}]->(:Concept)-[:${nav.second.join('|')}]->(:Concept) RETURN count(*) AS n`,
    { slug: nav.root },
  );
  return rows[0]?.n ?? 0;
}

/**
 * A root with about six two-step walks along directed relations, from the sample; the walk follows the types the
 * root's relations and its middle concepts' relations have, as a client that knows the graph would ask.
 */
async function pickNav(run: Run, sample: Record<string, any>[]): Promise<ShapeParams['nav']> {
  const rows = await run(
    `UNWIND $slugs AS slug
     MATCH (x:Concept {slug: slug})-[r1]->(:Concept)-[r2]->(:Concept)
     WHERE type(r1) IN $directed AND type(r2) IN $directed
     WITH slug, collect(DISTINCT type(r1)) AS first, collect(DISTINCT type(r2)) AS second, count(*) AS n
     RETURN slug, first, second, n ORDER BY abs(n - 6), slug LIMIT 1`,
    { slugs: sample.map((r) => r.slug), directed: DIRECTED },
  );
  if (!rows[0]) throw new Error('no two-step walk found in the sample');
  return { root: rows[0].slug, first: [...rows[0].first].sort(), second: [...rows[0].second].sort() };
}

/**
 * A word from the sample's names that the full-text index matches 2..SEARCH_FIRST times (once, when no word does),
 * so the peer, which can only rank by index score, must return the same hits.
 */
async function pickSearch(run: Run, sample: Record<string, any>[], preferred?: string): Promise<string> {
  const words = new Set(
    sample.flatMap((r) => `${r.nameEn ?? ''} ${r.nameKo ?? ''}`.split(/[\s()/,.-]+/)).filter((w) => w.length >= 4),
  );
  const candidates = [...(preferred ? [preferred] : []), ...words].slice(0, 40);
  let single: string | undefined;
  for (const word of candidates) {
    const rows = await run(
      `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: $limit}) YIELD node RETURN count(node) AS n`,
      {
        lucene: toLuceneQuery(word),
        limit: neo4j.int(SEARCH_FIRST + 1),
      },
    );
    const n = rows[0].n as number;
    if (n >= 2 && n <= SEARCH_FIRST) return word;
    if (n === 1) single ??= word;
  }
  if (single) return single;
  throw new Error('no search word with a handful of hits found in the sample');
}

/** The concept whose whole 2-hop neighborhood is closest to the target size and fits under the limit. */
async function pickCenter(run: Run, sample: Record<string, any>[], targets: ProbeTargets): Promise<string> {
  const candidates = sample.slice(0, 120).map((r) => r.slug);
  const rows = await run(
    `UNWIND $slugs AS slug
     MATCH (c:Concept {slug: slug})
     RETURN slug, COUNT { MATCH (c)-[:${TYPES}*1..${NEIGHBORHOOD_DEPTH}]-(n:Concept) WHERE n <> c RETURN DISTINCT n } + 1 AS ball`,
    { slugs: [...new Set([...(targets.prefer?.center ? [targets.prefer.center] : []), ...candidates])] },
  );
  const fits = rows.filter((r) => r.ball > 2 && r.ball <= NEIGHBORHOOD_LIMIT);
  if (fits.length === 0) throw new Error('no neighborhood center found that fits the limit');
  const preferred = fits.find((r) => r.slug === targets.prefer?.center);
  if (preferred) return preferred.slug;
  fits.sort(
    (a, b) => Math.abs(a.ball - targets.ballSize) - Math.abs(b.ball - targets.ballSize) || (a.slug < b.slug ? -1 : 1),
  );
  return fits[0].slug;
}

async function distance(run: Run, from: string, to: string): Promise<number> {
  const rows = await run(
    `MATCH (a:Concept {slug: $from}), (b:Concept {slug: $to}) MATCH p = shortestPath((a)-[:${TYPES}*..6]-(b)) RETURN length(p) AS d`,
    { from, to },
  );
  return rows[0]?.d ?? 0;
}

/**
 * A concept 3 hops from `from` (2 when none is that far), from the sampled range and with a degree close to the hub's,
 * the first by slug among equals. Synthetic concept i links to random lower-numbered ones, so the lowest numbers are
 * hubs whose degree grows with the graph (concept 1 has about 3·ln N relations); an end chosen among them would make
 * the search wider as the graph grows, and the path shape would measure that instead of the graph's size.
 */
async function pickPath(run: Run, from: string, targets: ProbeTargets): Promise<ShapeParams['path']> {
  for (const hops of [3, 2]) {
    const rows = await run(
      `MATCH (a:Concept {slug: $from})
       MATCH p = (a)-[:${TYPES}*1..${hops}]-(b:Concept) WHERE b <> a
       WITH b, min(length(p)) AS d WHERE d = $hops AND b.slug >= $sampleFrom AND b.origin = $origin
       WITH b, COUNT { (b)-[:${TYPES}]-(:Concept) } AS degree
       RETURN b.slug AS slug ORDER BY abs(degree - $degree), slug LIMIT 1`,
      {
        from,
        hops: neo4j.int(hops),
        sampleFrom: targets.sampleFrom ?? '',
        origin: targets.origin,
        degree: neo4j.int(targets.hubDegree),
      },
    );
    if (rows[0]) return { from, to: rows[0].slug };
  }
  throw new Error(
    `no concept 2 or 3 hops from ${from} with origin "${targets.origin}"${targets.sampleFrom ? ` and a slug from ${targets.sampleFrom} on` : ''}`,
  );
}
