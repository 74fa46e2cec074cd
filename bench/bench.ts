import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { GraphQLSchema } from 'graphql';

import { SYNTHETIC_ORIGIN } from '../src/graph/graph.model';
import { buildAtlasSchema } from '../src/schema/build';
import { syncSeed } from '../src/seed/seed.sync';
import { syntheticSlug, writeSynthetic } from '../src/seed/seed.synthetic';
import { checkSeed } from '../src/seed/seed.validate';
import { startApiProcess } from './api-process';
import { type BenchDatabase, checkSyntheticKeys, graphCounts, openBenchDatabase } from './database';
import { oursDbWork, rawDbWork } from './db-hits';
import { loadHttp } from './load-http';
import { loadRaw, runRawOnce } from './load-raw';
import {
  clientOverhead,
  fetchAsker,
  timeHttpSerial,
  type SerialMeasurement,
  type SerialOptions,
  timeSerial,
} from './load-serial';
import { combine, describeMeasurement, type LoadOptions, type Measurement } from './measure';
import { parseOptions } from './options';
import { postGraphQL } from './post-graphql';
import { runLearners } from './learners';
import { startPeerProcess } from './peer/peer-process';
import { describeChoices, probe, probeSeed } from './probe';
import { processCpu } from './proc-cpu';
import {
  type BenchResult,
  type CaseCheck,
  type ContestantId,
  printReport,
  type ScaleStep,
  type Scenarios,
  type ShapeRow,
} from './report';
import type { ServerProcess } from './server-process';
import { difference, type GraphQLRequest, type ShapeCase, shapeCases } from './shapes';
import { runProfile } from './profile-run';

/**
 * `npm run bench`: ours, the peer (@neo4j/graphql) and hand-written Cypher over one Neo4j, side by side, on the
 * shipped seed (several alternating rounds), then the same questions on synthetic graphs of growing size. Every
 * answer is checked against ours before anything is timed. Tables go to stdout, progress to stderr, and everything
 * to bench/results/ as JSON.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results');

const startedAt = Date.now();
const progress = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** CPU time a process has used so far, in microseconds; 0 once it is gone. */
function cpuMicrosOf(pid: number): number {
  try {
    return processCpu(pid).total;
  } catch {
    return 0;
  }
}

/**
 * Waits until the servers are idle and Neo4j runs no transaction but ours. When a load run ends, a server may still
 * work on the answers in flight (a slow contestant for seconds); that work must not be billed to the next one.
 */
async function settle(servers: Partial<Servers>, db: BenchDatabase): Promise<void> {
  const pids = [servers.ours?.pid, servers.cached?.pid, servers.peer?.pid].filter(
    (pid): pid is number => pid !== undefined,
  );
  const deadline = Date.now() + 60000;
  let before = pids.map(cpuMicrosOf);
  while (Date.now() < deadline) {
    await sleep(250);
    const now = pids.map(cpuMicrosOf);
    const session = db.driver.session({ database: db.config.neo4j.database });
    let open = 0;
    try {
      open = (await session.run('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n')).records[0].get(
        'n',
      ) as number;
    } finally {
      await session.close();
    }
    // At most 20 ms of CPU per server in 250 ms, and only the SHOW TRANSACTIONS itself open.
    if (now.every((micros, i) => micros - before[i] <= 20_000) && open <= 1) return;
    before = now;
  }
}

interface Servers {
  /** Ours with the response cache off: the fair comparison with the peer and with raw Cypher. */
  ours: ServerProcess;
  /** Ours again with the response cache on (its default), for repeated questions. */
  cached: ServerProcess;
  peer: ServerProcess;
}

/** Asks each contestant once and compares the answers with ours; only contestants that agree are measured. */
async function check(shape: ShapeCase, servers: Servers, db: BenchDatabase, schema: GraphQLSchema): Promise<CaseCheck> {
  const result: CaseCheck = {
    ours: 'ok',
    peer: shape.peer ? 'ok' : 'n/a',
    raw: 'ok',
    roundTrips: null,
    facts: 0,
    dbHits: {},
    serialP50: {},
  };
  const ours = await postGraphQL(
    servers.ours,
    `checking the answer of ours (response cache off) to ${shape.id}`,
    shape.ours,
  );
  if (ours.errors?.length) {
    result.ours = `error: ${ours.errors[0].message}`;
    return result;
  }
  let oursFacts: string[];
  try {
    oursFacts = shape.fromOurs(ours.data);
  } catch (error) {
    result.ours = `unexpected answer: ${(error as Error).message}`;
    return result;
  }
  if (oursFacts.length === 0) {
    result.ours = 'empty answer';
    return result;
  }
  result.facts = oursFacts.length;
  result.roundTrips = ours.roundTrips;

  if (shape.peer) {
    const peer = await postGraphQL(servers.peer, `checking the answer of the peer to ${shape.id}`, shape.peer);
    if (peer.errors?.length) result.peer = `error: ${peer.errors[0].message}`;
    else {
      try {
        result.peer = difference(oursFacts, shape.fromPeer(peer.data), shape.peerRule) ?? 'ok';
      } catch (error) {
        result.peer = `unexpected answer: ${(error as Error).message}`;
      }
    }
  }
  try {
    const raw = await db.driver.executeQuery(shape.raw.cypher, shape.raw.params, {
      database: db.config.neo4j.database,
    });
    result.raw = difference(oursFacts, shape.fromRaw(raw.records.map((r) => r.toObject())), 'same') ?? 'ok';
  } catch (error) {
    result.raw = `error: ${(error as Error).message.split('\n')[0]}`;
  }
  try {
    result.dbHits.ours = (await oursDbWork(schema, db.driver, db.config, db.logger, shape.ours)).dbHits;
    result.dbHits.raw = (await rawDbWork(db.driver, db.config.neo4j.database, shape.raw)).dbHits;
  } catch (error) {
    progress(`  could not profile ${shape.id}: ${(error as Error).message}`);
  }
  return result;
}

/** The one-client figures right after the check: the first asks a fresh server gets, before any load (cold). */
const COLD: SerialOptions = { warmupMs: 0, asks: 40, budgetMs: 0 };
/**
 * The one-client figures after the shape's load rounds, each contestant first asked alone for a second (warm): what a
 * learner waits for on a running server.
 */
const WARM: SerialOptions = { warmupMs: 1000, asks: 200, budgetMs: 4000 };

/** Asks each measurable contestant of a shape one request at a time, through the same lean client (load-serial.ts). */
async function serialTimings(
  shape: ShapeCase,
  c: CaseCheck,
  servers: Servers,
  db: BenchDatabase,
  options: SerialOptions,
  order: ContestantId[] = CONTESTANTS,
): Promise<Partial<Record<ContestantId, SerialMeasurement>>> {
  const out: Partial<Record<ContestantId, SerialMeasurement>> = {};
  // Three unmeasured asks, as they always were.
  const overHttp = (server: ServerProcess, body: string) => timeHttpSerial(server.url, body, options, 3);
  for (const who of order) {
    if (c.ours !== 'ok' || c[who] !== 'ok') continue;
    if (who === 'ours') out.ours = await overHttp(servers.ours, JSON.stringify(shape.ours));
    else if (who === 'peer' && shape.peer) out.peer = await overHttp(servers.peer, JSON.stringify(shape.peer));
    else if (who === 'raw') {
      const { cypher, params } = shape.raw;
      const ask = () => runRawOnce(db.driver, db.config.neo4j.database, cypher, params);
      out.raw = await timeSerial(ask, options, 3);
    }
    await settle(servers, db);
  }
  return out;
}

function measure(
  who: ContestantId,
  shape: ShapeCase,
  servers: Servers,
  db: BenchDatabase,
  load: LoadOptions,
): Promise<Measurement> {
  switch (who) {
    case 'ours':
      return loadHttp(servers.ours.url, JSON.stringify(shape.ours), load);
    case 'peer':
      return loadHttp(servers.peer.url, JSON.stringify(shape.peer), load);
    case 'raw':
      return loadRaw(db.driver, db.config.neo4j.database, shape.raw.cypher, shape.raw.params, load);
  }
}

const CONTESTANTS: ContestantId[] = ['ours', 'peer', 'raw'];

function measurable(checkResult: CaseCheck, who: ContestantId): boolean {
  return checkResult.ours === 'ok' && checkResult[who] === 'ok';
}

/** Checks every shape, then measures them in `rounds` rounds, rotating the contestants' order each round. */
async function runShapes(
  cases: ShapeCase[],
  servers: Servers,
  db: BenchDatabase,
  schema: GraphQLSchema,
  rounds: number,
  load: LoadOptions,
  serialBudgetMs: number,
  label: string,
): Promise<ShapeRow[]> {
  const cold = { ...COLD, budgetMs: serialBudgetMs };
  const rows: ShapeRow[] = [];
  for (const shape of cases) {
    const c = await check(shape, servers, db, schema);
    const verdict = CONTESTANTS.map((who) => `${who} ${c[who]}`).join(', ');
    progress(`${label} check ${shape.id}: ${verdict}`);
    await settle(servers, db);
    const first = await serialTimings(shape, c, servers, db, cold);
    for (const who of CONTESTANTS) if (first[who]) c.serialP50[who] = first[who].p50;
    progress(
      `${label} one client, cold, ${shape.id}: ${CONTESTANTS.map((who) => `${who} ${c.serialP50[who]?.toFixed(2) ?? '–'} ms`).join(', ')}`,
    );
    rows.push({ shape: shape.id, check: c, runs: { ours: [], peer: [], raw: [] } });
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, shape] of cases.entries()) {
      const row = rows[index];
      const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + round + index) % CONTESTANTS.length]);
      for (const who of order) {
        if (!measurable(row.check, who)) continue;
        const m = await measure(who, shape, servers, db, load);
        await settle(servers, db);
        row.runs[who].push(m);
        progress(`${label} round ${round + 1}/${rounds} ${shape.id} ${who}: ${describeMeasurement(m)}`);
      }
    }
  }
  // Warm: after every round, so each server has answered this shape under load; the order rotates per shape.
  for (const [index, shape] of cases.entries()) {
    const row = rows[index];
    const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + index) % CONTESTANTS.length]);
    row.check.warm = await serialTimings(shape, row.check, servers, db, WARM, order);
    progress(
      `${label} one client, warm, ${shape.id}: ${CONTESTANTS.map((who) => {
        const m = row.check.warm?.[who];
        return `${who} ${m ? `p50 ${m.p50.toFixed(2)} · p90 ${m.p90.toFixed(2)} ms (${m.asks})` : '–'}`;
      }).join(', ')}`,
    );
  }
  for (const row of rows) {
    for (const who of CONTESTANTS) if (row.runs[who].length) row[who] = combine(row.runs[who]);
  }
  return rows;
}

/**
 * Ours with the response cache on, asked the same question again and again (as learners ask the common ones): one
 * measurement per shape per round, after the main table's rounds.
 */
async function measureCached(
  rows: ShapeRow[],
  cases: ShapeCase[],
  servers: Servers,
  db: BenchDatabase,
  rounds: number,
  load: LoadOptions,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, shape] of cases.entries()) {
      const row = rows[index];
      if (row.check.ours !== 'ok') continue;
      const m = await loadHttp(servers.cached.url, JSON.stringify(shape.ours), load);
      await settle(servers, db);
      (row.cachedRuns ??= []).push(m);
      progress(`round ${round + 1}/${rounds} ${shape.id} cached: ${describeMeasurement(m)}`);
    }
  }
  for (const row of rows) if (row.cachedRuns?.length) row.cached = combine(row.cachedRuns);
}

/**
 * Two questions beside the shapes: { __typename } (no resolver, no database: what the HTTP and GraphQL layers cost
 * alone) on ours and on the peer's server; and the concept shape as a stream of distinct questions (a value never
 * sent before in every request), where the response cache never hits and only adds its own cost, ours with the
 * cache off and on.
 */
async function measureScenarios(
  cases: ShapeCase[],
  servers: Servers,
  db: BenchDatabase,
  rounds: number,
  load: LoadOptions,
): Promise<Scenarios> {
  const typename = JSON.stringify({ query: '{ __typename }' });
  const concept = cases.find((c) => c.id === 'concept');
  const runs: Record<'typenameOurs' | 'typenamePeer' | 'distinctOurs' | 'distinctCached', Measurement[]> = {
    typenameOurs: [],
    typenamePeer: [],
    distinctOurs: [],
    distinctCached: [],
  };
  for (let round = 0; round < rounds; round += 1) {
    const steps: [keyof typeof runs, () => Promise<Measurement>][] = [
      ['typenameOurs', () => loadHttp(servers.ours.url, typename, load)],
      ['typenamePeer', () => loadHttp(servers.peer.url, typename, load)],
    ];
    if (concept) {
      steps.push([
        'distinctOurs',
        () => loadHttp(servers.ours.url, JSON.stringify(concept.ours), load, { distinct: true }),
      ]);
      steps.push([
        'distinctCached',
        () => loadHttp(servers.cached.url, JSON.stringify(concept.ours), load, { distinct: true }),
      ]);
    }
    // Rotating the order, as the main table does, so no contestant always runs first on a cold or busy machine.
    for (let i = 0; i < steps.length; i += 1) {
      const [name, run] = steps[(i + round) % steps.length];
      const m = await run();
      await settle(servers, db);
      runs[name].push(m);
      progress(`round ${round + 1}/${rounds} ${name}: ${describeMeasurement(m)}`);
    }
  }
  const pick = (list: Measurement[]) => (list.length ? combine(list) : undefined);
  return {
    typename: { ours: pick(runs.typenameOurs), peer: pick(runs.typenamePeer) },
    distinct: { ours: pick(runs.distinctOurs), cached: pick(runs.distinctCached) },
  };
}

/**
 * Ours with automatic persisted queries: the client sends only the query's hash (registered once beforehand), to the
 * server with the response cache off; it saves request bytes and the lexing of the text.
 */
async function measurePersisted(
  rows: ShapeRow[],
  cases: ShapeCase[],
  servers: Servers,
  db: BenchDatabase,
  load: LoadOptions,
): Promise<void> {
  for (const [index, shape] of cases.entries()) {
    const row = rows[index];
    if (row.check.ours !== 'ok') continue;
    const sha256Hash = crypto.createHash('sha256').update(shape.ours.query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await postGraphQL(servers.ours, `registering the persisted query of ${shape.id}`, {
      ...shape.ours,
      extensions,
    } as GraphQLRequest);
    if (registered.errors?.length) {
      progress(`persisted ${shape.id}: could not register (${registered.errors[0].message})`);
      continue;
    }
    row.persisted = await loadHttp(
      servers.ours.url,
      JSON.stringify({ variables: shape.ours.variables, extensions }),
      load,
    );
    await settle(servers, db);
    progress(`persisted ${shape.id} ours: ${describeMeasurement(row.persisted)}`);
  }
}

async function seedShipped(db: BenchDatabase): Promise<{ concepts: number; relations: number; seconds: number }> {
  const content = checkSeed(db.config.seed.dir);
  const result = await syncSeed(db.gateway, content);
  return { concepts: result.concepts, relations: result.relations, seconds: result.seconds };
}

/** The search index must exist (schema/*.cypher makes it) and be online before anything is asked or timed. */
async function ensureSearchIndex(db: BenchDatabase): Promise<void> {
  const rows = await db.gateway.read("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'concept_search' RETURN name");
  if (rows.length === 0)
    throw new Error('the concept_search full-text index is missing after applying schema/*.cypher');
  await db.gateway.write('CALL db.awaitIndexes(600)');
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = startedAt;
  progress(
    `starting Neo4j (${process.env.NEO4J_URI ? 'NEO4J_URI' : `local, heap ${options.heap}, page cache ${options.pageCache}`})`,
  );
  const db = await openBenchDatabase({ heap: options.heap, pageCache: options.pageCache });
  const servers: Partial<Servers> = {};
  const stopAll = async () => {
    await Promise.all([servers.ours?.stop(), servers.cached?.stop(), servers.peer?.stop()]);
    await db.stop();
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    // A database we did not start may still hold synthetic concepts from an earlier run.
    if (!db.owned) await writeSynthetic(db.gateway, 0, db.logger);
    const seed = await seedShipped(db);
    await ensureSearchIndex(db);
    progress(
      `shipped seed: ${seed.concepts} concepts, ${seed.relations} relations (synced in ${seed.seconds.toFixed(2)} s)`,
    );
    const seedParams = await probeSeed(db.driver, db.config.neo4j.database);
    progress(`seed choices: ${JSON.stringify(seedParams)}`);

    if (options.profile) {
      await runProfile(db, seedParams, options, RESULTS, progress);
      return;
    }

    const schema = await buildAtlasSchema();
    // No rate limits: the learner part sends a frontend's requests as fast as they are answered. A query deadline of
    // a minute instead of 5 s: a learner dashboard that reads every learner's memories is then measured as slow
    // instead of failing (no public shape comes near either deadline).
    servers.ours = await startApiProcess({
      NEO4J_URI: db.uri,
      RESPONSE_CACHE_BYTES: '0',
      RATE_LIMIT_READS_PER_MINUTE: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      NEO4J_QUERY_TIMEOUT_MS: '60000',
    });
    if (!options.learnersOnly) {
      servers.cached = await startApiProcess({ NEO4J_URI: db.uri });
      servers.peer = await startPeerProcess(db.uri);
    }
    const live = servers as Servers;
    progress(
      options.learnersOnly
        ? `ours at ${live.ours.url} (response cache and rate limits off)`
        : `ours at ${live.ours.url} (response cache off), ours at ${live.cached.url} (cache on), peer at ${live.peer.url}`,
    );

    const load: LoadOptions = {
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
    };
    const seedCases = shapeCases(seedParams);
    if (options.scaleOnly) {
      // Without the main table nothing has warmed the JIT of the servers and of Neo4j; the first size would pay it.
      progress('warming up on the shipped seed');
      for (const shape of seedCases) {
        for (const who of CONTESTANTS) {
          if (who === 'peer' && !shape.peer) continue;
          await measure(who, shape, live, db, { connections: options.connections, seconds: 2, warmupSeconds: 0 });
          await settle(live, db);
        }
      }
    }
    const main =
      options.scaleOnly || options.learnersOnly
        ? []
        : await runShapes(seedCases, live, db, schema, options.rounds, load, options.serialBudgetMs, 'seed');
    let scenarios: Scenarios | undefined;
    let overhead: BenchResult['clientOverhead'];
    if (main.length) {
      const body = JSON.stringify(seedCases[0].ours);
      overhead = { http: await clientOverhead(body, WARM), fetch: await clientOverhead(body, WARM, fetchAsker) };
      progress(
        `the one-client client alone against a fixed answer: http p50 ${overhead.http.p50.toFixed(3)} ms, fetch p50 ${overhead.fetch!.p50.toFixed(3)} ms`,
      );
    }
    if (!options.scaleOnly && !options.learnersOnly) {
      await measureCached(main, seedCases, live, db, options.rounds, load);
      scenarios = await measureScenarios(seedCases, live, db, options.rounds, load);
    }
    if (!options.quick && !options.scaleOnly && !options.learnersOnly)
      await measurePersisted(main, seedCases, live, db, load);
    const rssMain = {
      ours: live.ours.peakRssMiB(),
      cached: live.cached?.peakRssMiB(),
      peer: live.peer?.peakRssMiB() ?? 0,
    };
    // The learners stay in the graph for the scale series: the public shapes must not care that they are there.
    const learners =
      options.scaleOnly || options.learners === 0
        ? undefined
        : await runLearners({
            db,
            server: live.ours,
            schema,
            cases: seedCases,
            population: options.learners,
            load,
            rounds: options.rounds,
            oneClient: WARM,
            settle: () => settle(live, db),
            progress,
          });

    const scale: ScaleStep[] = [];
    const skipped: string[] = [];
    const scaleLoad: LoadOptions = {
      connections: options.connections,
      seconds: options.scaleSeconds,
      warmupSeconds: options.scaleWarmupSeconds,
    };
    let last: { size: number; seedSeconds: number; measureSeconds: number } | undefined;
    for (const size of options.learnersOnly ? [] : options.sizes) {
      if (last && options.budgetMinutes > 0) {
        // Seeding grows about linearly with the size; measuring a step costs about what the last one did.
        const predicted = (last.seedSeconds * size) / last.size + last.measureSeconds + 30;
        const left = options.budgetMinutes * 60 - (Date.now() - started) / 1000;
        if (predicted > left) {
          skipped.push(
            `${size} concepts: predicted ${Math.round(predicted / 60)} min, ${Math.max(0, Math.round(left / 60))} min of the ${options.budgetMinutes} min budget left`,
          );
          progress(`scale ${size}: skipped (${skipped[skipped.length - 1]})`);
          continue;
        }
      }
      // Each size is seeded from nothing, so the timing is that of a fresh load of `size` concepts.
      await writeSynthetic(db.gateway, 0, db.logger);
      progress(`scale ${size}: seeding`);
      const seeded = await writeSynthetic(db.gateway, size, db.logger);
      await db.gateway.write('CALL db.awaitIndexes(600)');
      const counts = await graphCounts(db);
      await checkSyntheticKeys(db, size);
      progress(
        `scale ${size}: ${seeded.concepts} concepts + ${seeded.relations} relations in ${seeded.seconds.toFixed(1)} s (graph: ${counts.concepts} concepts, ${counts.relations} relations)`,
      );
      const measureStarted = Date.now();
      const params = await probe(db.driver, db.config.neo4j.database, {
        origin: SYNTHETIC_ORIGIN,
        hubDegree: 6,
        ballSize: 40,
        sampleFrom: syntheticSlug(Math.max(1, Math.floor(size / 2))),
      });
      progress(`scale ${size} choices: ${JSON.stringify(params)}`);
      const work = await describeChoices(db.driver, db.config.neo4j.database, params);
      progress(`scale ${size} work per question: ${JSON.stringify(work)}`);
      const rows = await runShapes(
        shapeCases(params),
        live,
        db,
        schema,
        options.scaleRounds,
        scaleLoad,
        options.serialBudgetMs,
        `scale ${size}`,
      );
      scale.push({
        size,
        concepts: counts.concepts,
        relations: counts.relations,
        seeding: seeded,
        params,
        work,
        rows,
      });
      last = { size, seedSeconds: seeded.seconds, measureSeconds: (Date.now() - measureStarted) / 1000 };
    }
    const rssEnd = {
      ours: live.ours.peakRssMiB(),
      cached: live.cached?.peakRssMiB(),
      peer: live.peer?.peakRssMiB() ?? 0,
    };

    const result: BenchResult = {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: machine(),
      options,
      seed: { ...seed, params: seedParams },
      main,
      clientOverhead: overhead,
      scenarios,
      learners,
      rss: { main: rssMain, end: rssEnd },
      scale,
      skipped,
      minutes: (Date.now() - started) / 60000,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    const stamp = result.date.replace(/[:.]/g, '-');
    const report = printReport(result);
    fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), `${JSON.stringify({ ...result, report }, null, 2)}\n`);
    fs.writeFileSync(path.join(RESULTS, 'latest.md'), `${report.markdown}\n`);
    process.stdout.write(`${report.markdown}\n\nJSON: bench/results/bench-${stamp}.json\n`);
    if (report.invalid.length) {
      process.stderr.write(
        `\nNot measured, or failed under load:\n${report.invalid.map((l) => `  ${l}`).join('\n')}\n`,
      );
      // A contestant that errors is a result; ours failing or an answer that differs from ours is a broken run.
      if (report.broken) process.exitCode = 1;
    }
  } finally {
    if (!db.owned && options.sizes.length && !options.learnersOnly)
      await writeSynthetic(db.gateway, 0, db.logger).catch(() => undefined);
    await stopAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
