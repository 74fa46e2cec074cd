import neo4j from 'neo4j-driver';

import { createFrontendKey } from '../src/access/access.service';
import { LearnerGraphCache } from '../src/learner/learner.graph';
import { LearnerRepository } from '../src/learner/learner.repository';
import { LearnerService } from '../src/learner/learner.service';
import type { Neo4jGateway, QueryStats } from '../src/neo4j/gateway';
import { writeSynthetic } from '../src/seed/seed.synthetic';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { type BenchDatabase, openBenchDatabase } from './database';
import { ProfilingRunner } from './db-hits';
import { quantile } from './measure';
import { optionValue } from './options';

/**
 * What a learner dashboard costs as other learners and the graph grow: the database hits Neo4j counts (PROFILE) for
 * the dashboard's reads, its round trips, and its latency in this process (the service over the real database, no
 * HTTP), for one learner with 100 reviewed concepts among 100 and then 10,000 such learners, and then on a graph
 * grown by synthetic concepts.
 *
 *   npm run build:bench && node dist/bench/learner-reads.js [--learners 100,10000] [--synthetic 100000] [--rounds 300]
 */

const MEMORIES_PER_LEARNER = 100;
const DAY = 86_400_000;

/** Learners `from` to `to` - 1 of the frontend, each with 100 memories in a spread of states, as the API stores them. */
async function writeLearners(db: BenchDatabase, frontendId: string, from: number, to: number, slugs: string[]) {
  const now = Date.now();
  for (let start = from; start < to; start += 200) {
    const ids = Array.from({ length: Math.min(200, to - start) }, (_, i) => `bench-${start + i}`);
    await db.gateway.write(
      `MATCH (f:Frontend {id: $frontendId})
       UNWIND $ids AS learnerId
       CREATE (f)-[:HAS_LEARNER]->(l:Learner {frontendId: $frontendId, learnerId: learnerId, createdAt: datetime(),
                                              lastWriteAt: datetime(), reviewCount: $count})
       WITH l, learnerId, toInteger(split(learnerId, '-')[1]) AS n
       UNWIND range(0, $count - 1) AS k
       WITH l, learnerId, k, $slugs[(n + 7 * k) % size($slugs)] AS concept
       CREATE (l)-[:REMEMBERS]->(:ConceptMemory:LearnerData {
         frontendId: $frontendId, learnerId: learnerId, concept: concept,
         phase: CASE WHEN k % 4 = 0 THEN 'LEARNING' ELSE 'REVIEW' END,
         stability: toFloat(1 + k % 40), difficulty: 5.0, reps: 3, lapses: 0, learningSteps: 0, scheduledDays: 5,
         due: datetime({epochMillis: $now + (k % 20 - 10) * $day}), lastReview: datetime({epochMillis: $now - 5 * $day}),
         firstReview: datetime({epochMillis: $now - 30 * $day})
       })`,
      { frontendId, ids, slugs, count: neo4j.int(MEMORIES_PER_LEARNER), now: neo4j.int(now), day: neo4j.int(DAY) },
    );
  }
}

/** The dashboard the playground's learner tab asks for: progress summary and page, sections, due, next. */
async function dashboard(service: LearnerService) {
  const page = { first: 20 };
  await Promise.all([
    service.progress(page, null),
    service.sections({ first: 100 }),
    service.due(page),
    service.next(page, null),
  ]);
}

async function measure(db: BenchDatabase, frontendId: string, label: string, rounds: number): Promise<void> {
  const ref = { frontendId, learnerId: 'bench-0' };
  const limits = db.config.limits;
  const graphs = new LearnerGraphCache();
  // Cold: the graph's part is read with the memories; warm: only the version and the memories.
  for (const phase of ['cold', 'warm'] as const) {
    const runner = new ProfilingRunner(db.driver, db.config.neo4j.database);
    await dashboard(new LearnerService(ref, new LearnerRepository(runner as unknown as Neo4jGateway, graphs), limits));
    process.stdout.write(`${label} ${phase}: ${runner.statements} statement(s), ${runner.dbHits} db hits\n`);
  }
  const times: number[] = [];
  let roundTrips = 0;
  for (let round = 0; round < rounds + 20; round += 1) {
    const stats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
    const repo = new LearnerRepository(db.gateway.withStats(stats), graphs);
    const started = performance.now();
    await dashboard(new LearnerService(ref, repo, limits));
    if (round >= 20) times.push(performance.now() - started);
    roundTrips = Math.max(roundTrips, stats.roundTrips);
  }
  process.stdout.write(
    `${label} warm timing: p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms over ${rounds} dashboards, ${roundTrips} round trip(s) each\n`,
  );
}

async function main(): Promise<void> {
  const learnerSteps = (optionValue('--learners') ?? '100,10000').split(',').map(Number);
  const synthetic = Number(optionValue('--synthetic') ?? '100000');
  const rounds = Number(optionValue('--rounds') ?? '300');
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    const { frontend } = await createFrontendKey(db.gateway, `bench-learners-${Date.now()}`);
    const rows = await db.gateway.read('MATCH (c:Concept) RETURN c.slug AS slug ORDER BY slug');
    const slugs = rows.map((row) => row.slug as string);
    let written = 0;
    for (const learners of learnerSteps) {
      await writeLearners(db, frontend.id, written, learners, slugs);
      written = learners;
      await measure(db, frontend.id, `${learners} learners, ${slugs.length} concepts:`, rounds);
    }
    if (synthetic > 0) {
      await writeSynthetic(db.gateway, synthetic, db.logger);
      const [count] = await db.gateway.read('MATCH (c:Concept) RETURN count(c) AS n');
      await measure(db, frontend.id, `${written} learners, ${String(count.n)} concepts:`, rounds);
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
