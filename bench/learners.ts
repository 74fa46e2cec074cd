import type { GraphQLSchema } from 'graphql';

import { createFrontendKey } from '../src/access/access.service';
import type { BenchDatabase } from './database';
import { oursDbWork } from './db-hits';
import { askAsFrontend, checkWrittenLearner, DASHBOARD_GOAL, DASHBOARD_QUERY, learnerBodies } from './learners-api';
import { benchLearnerId, makeLearner } from './learners-data';
import { type LearnerWriteResult, writeLearners } from './learners-writer';
import { loadHttp } from './load-http';
import { clientOverhead, httpAsker, type SerialMeasurement, type SerialOptions, timeHttpSerial } from './load-serial';
import { combine, describeMeasurement, type LoadOptions, type Measurement } from './measure';
import type { ServerProcess } from './server-process';
import type { ShapeCase, ShapeId } from './shapes';

/**
 * The learner part of the bench: a frontend's review writes and learner dashboards with a small and a large
 * population of learners in the graph, and the public shapes without and with that population.
 */

/** Reviewed concepts per learner. */
export const CONCEPTS_PER_LEARNER = 100;
/** The small population the large one is compared with. */
export const SMALL_POPULATION = 100;

export interface LearnerStep {
  learners: number;
  /** Writing the learners added at this step. */
  written: LearnerWriteResult;
  review: Measurement;
  dashboard: Measurement;
  /**
   * One client asking one learner's dashboard again and again, after the dashboard's load and a second of asking
   * alone (warm), through the lean client the main table's one-client figures use.
   */
  dashboardWarm: SerialMeasurement;
  /** X-Db-Round-Trips of the dashboard and of a review, each distinct value seen over a few requests. */
  roundTrips: { dashboard: number[]; review: number[] };
}

export interface PublicComparison {
  shape: ShapeId;
  before: Measurement;
  after: Measurement;
}

export interface LearnersResult {
  perLearner: number;
  concepts: number;
  /** What checking a written learner through the API found (empty: it reads as written). */
  check: string[];
  steps: LearnerStep[];
  publicShapes: PublicComparison[];
  /**
   * The one-client client alone, with the dashboard's body and the key, against a local server answering a fixed body:
   * the part of `dashboardWarm` that is not the server's.
   */
  clientOverhead?: SerialMeasurement;
  /** Neo4j PROFILE of the Cypher one dashboard request sends, at the largest population. */
  profile?: { dbHits: number; statements: number; plans: { cypher: string; dbHits: number; hottest: string[] }[] };
}

export interface LearnersContext {
  db: BenchDatabase;
  /** Ours with the response cache and rate limits off. */
  server: ServerProcess;
  schema: GraphQLSchema;
  /** The public shapes on the shipped seed. */
  cases: ShapeCase[];
  population: number;
  load: LoadOptions;
  /** Rounds of the public shapes before and after the learners. */
  rounds: number;
  /** How the one-client figures are taken: as the main table's warm ones. */
  oneClient: SerialOptions;
  settle(): Promise<void>;
  progress(line: string): void;
}

/** The distinct X-Db-Round-Trips values of `count` requests. */
async function roundTripsOf(ctx: LearnersContext, key: string, body: () => string, count: number, what: string) {
  const seen = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    const answer = await askAsFrontend(ctx.server, key, body(), what);
    if (answer.errors?.length) throw new Error(`${what} failed: ${answer.errors[0].message}`);
    if (answer.roundTrips !== null) seen.add(answer.roundTrips);
  }
  return [...seen].sort((a, b) => a - b);
}

async function measureStep(
  ctx: LearnersContext,
  key: string,
  slugs: string[],
  learners: number,
  written: LearnerWriteResult,
): Promise<LearnerStep> {
  const headers = { authorization: `Bearer ${key}` };
  const bodies = learnerBodies(learners, slugs, learners);
  const roundTrips = {
    dashboard: await roundTripsOf(ctx, key, bodies.dashboard, 10, 'the learner dashboard'),
    review: await roundTripsOf(ctx, key, bodies.review, 10, 'a review'),
  };
  ctx.progress(
    `learners ${learners}: round trips dashboard ${roundTrips.dashboard.join('/')}, review ${roundTrips.review.join('/')}`,
  );
  await ctx.settle();
  const dashboard = await loadHttp(ctx.server.url, bodies.dashboard(), ctx.load, {
    bodyFor: bodies.dashboard,
    headers,
  });
  ctx.progress(`learners ${learners}: dashboard ${describeMeasurement(dashboard)}`);
  await ctx.settle();
  // One learner's dashboard, as the main table asks one question again and again; three unmeasured asks, as there.
  const dashboardWarm = await timeHttpSerial(ctx.server.url, bodies.dashboard(), ctx.oneClient, 3, headers);
  ctx.progress(
    `learners ${learners}: dashboard one client, warm: p50 ${dashboardWarm.p50.toFixed(2)} · p90 ${dashboardWarm.p90.toFixed(2)} ms (${dashboardWarm.asks})`,
  );
  await ctx.settle();
  const review = await loadHttp(ctx.server.url, bodies.review(), ctx.load, { bodyFor: bodies.review, headers });
  ctx.progress(`learners ${learners}: review write ${describeMeasurement(review)}`);
  await ctx.settle();
  return { learners, written, review, dashboard, dashboardWarm, roundTrips };
}

/** Each public shape `rounds` times, the median of each figure over the rounds (a shared machine is noisy). */
async function measurePublic(ctx: LearnersContext, label: string): Promise<Map<ShapeId, Measurement>> {
  const runs = new Map<ShapeId, Measurement[]>(ctx.cases.map((shape) => [shape.id, []]));
  for (let round = 0; round < ctx.rounds; round += 1) {
    for (const shape of ctx.cases) {
      const m = await loadHttp(ctx.server.url, JSON.stringify(shape.ours), ctx.load);
      await ctx.settle();
      runs.get(shape.id)!.push(m);
      ctx.progress(`public ${shape.id} ${label}, round ${round + 1}/${ctx.rounds}: ${describeMeasurement(m)}`);
    }
  }
  return new Map([...runs].map(([shape, list]) => [shape, combine(list)]));
}

async function write(
  ctx: LearnersContext,
  frontendId: string,
  slugs: string[],
  from: number,
  to: number,
  now: number,
): Promise<LearnerWriteResult> {
  let reported = 0;
  const written = await writeLearners(ctx.db.gateway, {
    frontendId,
    from,
    to,
    slugs,
    perLearner: CONCEPTS_PER_LEARNER,
    now,
    onBatch: (so) => {
      if (so.learners - reported >= 1000 || from + so.learners === to) {
        reported = so.learners;
        ctx.progress(
          `learners: ${from + so.learners}/${to} written (${so.memories} memories, ${so.reviews} reviews in ${so.seconds.toFixed(1)} s)`,
        );
      }
    },
  });
  await ctx.db.gateway.write('CALL db.awaitIndexes(600)');
  return written;
}

/** What differs between the written learner `index` and what the API reads of it (nothing: it reads as written). */
async function check(
  ctx: LearnersContext,
  key: string,
  slugs: string[],
  index: number,
  now: number,
): Promise<string[]> {
  const learner = makeLearner(index, slugs, CONCEPTS_PER_LEARNER, now);
  const problems = await checkWrittenLearner(ctx.server, key, learner, slugs.length);
  ctx.progress(
    problems.length
      ? `learners: ${learner.learnerId} does not read back as written:\n  ${problems.join('\n  ')}`
      : `learners: ${learner.learnerId} reads back as written (${learner.memories.length} memories, ${learner.reviews.length} reviews)`,
  );
  return problems.map((problem) => `${learner.learnerId}: ${problem}`);
}

export async function runLearners(ctx: LearnersContext): Promise<LearnersResult> {
  const slugs = (await ctx.db.gateway.read('MATCH (c:Concept) RETURN c.slug AS slug ORDER BY slug')).map(
    (row) => row.slug as string,
  );
  if (slugs.length < CONCEPTS_PER_LEARNER)
    throw new Error(
      `the graph holds ${slugs.length} concepts; the learner part needs ${CONCEPTS_PER_LEARNER} per learner`,
    );
  const { key, frontend } = await createFrontendKey(ctx.db.gateway, `bench-${Date.now().toString(36)}`);
  // A cold server and database would make "before" slower than "after" for reasons that have nothing to do with
  // learners: every shape is asked for a while first, unmeasured.
  ctx.progress(`learners: frontend ${frontend.name} created; warming up, then the public shapes before any learner`);
  for (const shape of ctx.cases)
    await loadHttp(ctx.server.url, JSON.stringify(shape.ours), { ...ctx.load, seconds: 2, warmupSeconds: 0 });
  await ctx.settle();
  const before = await measurePublic(ctx, 'without learners');

  const steps: LearnerStep[] = [];
  const result: LearnersResult = {
    perLearner: CONCEPTS_PER_LEARNER,
    concepts: slugs.length,
    check: [],
    steps,
    publicShapes: [],
  };
  const small = Math.min(SMALL_POPULATION, ctx.population);
  let now = Date.now();
  const first = await write(ctx, frontend.id, slugs, 0, small, now);
  result.check.push(...(await check(ctx, key, slugs, 0, now)));
  // Timing learners the API does not read as written would time something else.
  if (result.check.length) return result;
  steps.push(await measureStep(ctx, key, slugs, small, first));

  if (ctx.population > small) {
    now = Date.now();
    const rest = await write(ctx, frontend.id, slugs, small, ctx.population, now);
    // Past the small population a difference is a finding to print beside the figures, not a reason to stop.
    result.check.push(...(await check(ctx, key, slugs, ctx.population - 1, now)));
    steps.push(await measureStep(ctx, key, slugs, ctx.population, rest));
  }
  const body = JSON.stringify({ query: DASHBOARD_QUERY, variables: { id: benchLearnerId(0), goal: DASHBOARD_GOAL } });
  const headers = { authorization: `Bearer ${key}` };
  result.clientOverhead = await clientOverhead(body, ctx.oneClient, (url, b) => httpAsker(url, b, headers));
  ctx.progress(
    `learners: the one-client client alone against a fixed answer: p50 ${result.clientOverhead.p50.toFixed(3)} ms`,
  );

  const profiled = await oursDbWork(
    ctx.schema,
    ctx.db.driver,
    ctx.db.config,
    ctx.db.logger,
    { query: DASHBOARD_QUERY, variables: { id: benchLearnerId(ctx.population - 1), goal: DASHBOARD_GOAL } },
    { kind: 'frontend', frontendId: frontend.id, frontendName: frontend.name },
  );
  result.profile = profiled;
  ctx.progress(
    `learners: dashboard PROFILE at ${ctx.population}: ${profiled.statements} statements, ${profiled.dbHits} db hits; ${profiled.plans
      .map((p) => `[${p.dbHits}: ${p.hottest.join(', ')}]`)
      .join(' ')}`,
  );

  const after = await measurePublic(ctx, `with ${ctx.population} learners`);
  result.publicShapes = ctx.cases
    .filter((shape) => before.has(shape.id) && after.has(shape.id))
    .map((shape) => ({ shape: shape.id, before: before.get(shape.id)!, after: after.get(shape.id)! }));
  return result;
}
