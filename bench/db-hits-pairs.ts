import { SYNTHETIC_ORIGIN } from '../src/graph/graph.model';
import { RELATION_TYPES, RelationType } from '../src/graph/vocabulary';
import { PathRepository } from '../src/path/path.repository';
import { buildAtlasSchema } from '../src/schema/build';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { openBenchDatabase } from './database';
import { oursDbWork, rawDbWork } from './db-hits';
import { probeSeed } from './probe';
import { PATH_MAX_LENGTH, shapeCases } from './shapes';

/**
 * `node dist/bench/db-hits-pairs.js [--pairs 200]` (after `npm run build:bench`): the path shape's db hits over many
 * pairs of the shipped seed instead of the one pair of bench:db-hits, for three queries: ours, the hand-written one
 * of the bench (`shortestPath`, the first shortest path it meets) and a hand-written one that gives our answer (all
 * shortest paths, ranked as ours ranks them). One pair says little: how soon `shortestPath` meets a path depends on
 * the order relationships happen to be stored in.
 */

/** The hand-written query with our answer: every shortest path, fewest META steps, then slugs, then types. */
const SAME_ANSWER = `MATCH (a:Concept {slug: $from}), (b:Concept {slug: $to})
  MATCH p = allShortestPaths((a)-[:${RELATION_TYPES.join('|')}*..${PATH_MAX_LENGTH}]-(b))
  WITH p, [n IN nodes(p) | n.slug] AS slugs
  ORDER BY size([r IN relationships(p) WHERE type(r) IN $meta]), slugs, [r IN relationships(p) | type(r)]
  LIMIT 1
  RETURN length(p) AS length, slugs`;

interface PairWork {
  pair: string;
  ours: number;
  raw: number;
  same: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))];
}

function describe(label: string, ratios: number[]): string {
  const within = ratios.filter((r) => r <= 1.5).length;
  return `${label}: p10 ${quantile(ratios, 0.1).toFixed(2)}×, median ${quantile(ratios, 0.5).toFixed(2)}×, p90 ${quantile(ratios, 0.9).toFixed(2)}×, max ${Math.max(...ratios).toFixed(2)}×; within 1.5× for ${within} of ${ratios.length}`;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--pairs');
  const wanted = at > 0 ? Number(process.argv[at + 1]) : 200;
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error('--pairs takes a positive integer, e.g. --pairs 200');
  const db = await openBenchDatabase({ heap: '1g', pageCache: '1g' });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const schema = await buildAtlasSchema();
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    await db.gateway.write('CALL db.awaitIndexes(600)');
    const base = await probeSeed(db.driver, db.config.neo4j.database);
    const slugs = (
      await db.gateway.read('MATCH (c:Concept) WHERE c.origin <> $synthetic RETURN c.slug AS slug ORDER BY slug', {
        synthetic: SYNTHETIC_ORIGIN,
      })
    ).map((row) => row.slug as string);
    // A fixed linear congruential sequence, so every run asks the same pairs of the same seed.
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const paths = new PathRepository(db.gateway);
    const works: PairWork[] = [];
    for (let tries = 0; works.length < wanted && tries < wanted * 20; tries += 1) {
      const from = slugs[Math.floor(next() * slugs.length)];
      const to = slugs[Math.floor(next() * slugs.length)];
      if (from === to) continue;
      const shape = shapeCases({ ...base, path: { from, to } }).find((c) => c.id === 'path')!;
      const raw = await rawDbWork(db.driver, db.config.neo4j.database, shape.raw);
      // Pairs that no path of at most PATH_MAX_LENGTH joins have no first path to compare.
      const [found] = await db.gateway.read(shape.raw.cypher, shape.raw.params);
      if (!found) continue;
      const ours = await oursDbWork(schema, db.driver, db.config, db.logger, shape.ours);
      const same = await rawDbWork(db.driver, db.config.neo4j.database, {
        cypher: SAME_ANSWER,
        params: { from, to, meta: [RelationType.LEARN_AFTER, RelationType.COVERS] },
      });
      // The third query must answer as ours does, or its count says nothing about ours.
      const [ranked] = await db.gateway.read(SAME_ANSWER, {
        from,
        to,
        meta: [RelationType.LEARN_AFTER, RelationType.COVERS],
      });
      const answer = await paths.paths({ from, to, maxLength: PATH_MAX_LENGTH, first: 1, read: [] });
      const oursSlugs = answer.paths[0].nodes.map((node) => node.slug).join(' ');
      if ((ranked.slugs as string[]).join(' ') !== oursSlugs)
        throw new Error(
          `the same-answer query chose ${(ranked.slugs as string[]).join(' ')} where ours chose ${oursSlugs}`,
        );
      works.push({ pair: `${from} → ${to}`, ours: ours.dbHits, raw: raw.dbHits, same: same.dbHits });
    }
    const sum = (key: 'ours' | 'raw' | 'same') => works.reduce((total, work) => total + work[key], 0);
    out(`${works.length} joined pairs of the shipped seed, maxLength ${PATH_MAX_LENGTH}, first 1`);
    out(`db hits in all: ours ${sum('ours')}, shortestPath ${sum('raw')}, same answer ${sum('same')}`);
    out(
      describe(
        'ours / shortestPath',
        works.map((w) => w.ours / w.raw),
      ),
    );
    out(
      describe(
        'ours / same answer',
        works.map((w) => w.ours / w.same),
      ),
    );
    out('highest ours / shortestPath:');
    for (const w of [...works].sort((a, b) => b.ours / b.raw - a.ours / a.raw).slice(0, 5))
      out(`  ${w.pair}: ours ${w.ours}, shortestPath ${w.raw}, same answer ${w.same}`);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `db hits of pairs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
