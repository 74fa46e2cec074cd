import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { startApiProcess } from './api-process';
import { summarizeCpuProfile } from './cpu-profile';
import { openBenchDatabase } from './database';
import { loadHttp } from './load-http';
import { loadRaw, runRawOnce } from './load-raw';
import { timeHttpSerial, timeSerial } from './load-serial';
import { median } from './measure';
import { startPeerProcess } from './peer/peer-process';
import { probeSeed } from './probe';
import { type CpuTimes, cpuMicros, processCpu } from './proc-cpu';
import { type ServerProcess, startServerProcess } from './server-process';
import { SHAPE_IDS, type ShapeId, shapeCases } from './shapes';

/**
 * `node dist/bench/layers.js`: where a request's time goes, layer by layer. Starts the peer's bare server, ours as
 * shipped (cache off), and ours once per variant with one layer (or a named group) left out, then asks each the same
 * question with autocannon at 16 clients, in an order that alternates between rounds, and prints requests/s and the
 * server's CPU time per request (user + system of the whole process, from /proc, over the measured seconds). On a
 * machine shared with other work the CPU time per request moves far less than requests/s, so a layer's cost is the
 * CPU µs per request of ours as shipped minus that of the variant without it.
 *
 *   --question typename|SHAPE  what to ask (typename: `{ __typename }`, no resolver and no database; or a bench
 *                              shape: concept, nav2, page50, search, neighborhood, path)
 *   --rounds N --seconds S     (2 rounds of 3 s)
 *   --warmup S                 seconds each contestant is asked before any is measured (3)
 *   --variants a,b+c,...       layers to leave out, one variant each (`+` joins layers into one variant)
 *   --entry FILE               another server entry to compare (bench-relative or absolute, e.g. another build's
 *                              dist/bench/layers-server.js), repeatable
 *   --raw                      also the shape's hand-written Cypher, run from this process through the driver
 *                              (no HTTP, no GraphQL), as the bench's raw contestant
 *   --no-peer                  leave the peer out (its neighbourhood runs into its 30 s transaction timeout)
 *   --floor                    also the floor of a server on this stack (bench/floor-server.ts): node's `http` and the
 *                              driver running that Cypher, no GraphQL; what no API on the same runtime can beat
 *   --ours-flags A,B           ours once more per entry, started with these node flags (space-separated within an
 *                              entry; e.g. `--max-semi-space-size=16,--max-semi-space-size=64`)
 *   --profile                  instead: ours as shipped under the same load with node --cpu-prof, and where its CPU went
 *
 * Besides the server's CPU, each answer's CPU in the database (a local one) and in this process, the load generator
 * (autocannon; for raw Cypher, the driver and the whole client): on one machine the three share the cores, so their
 * sum bounds requests/s.
 */

/** Every layer src/http/server.ts and src/http/apollo.ts let a benchmark leave out, by the name they give it. */
const DEFAULT_VARIANTS = [
  'front-door',
  'direct-graphql',
  'routes',
  'playground',
  'json-only-posts',
  'vary',
  'variant-etags',
  'get-without-body',
  'authenticate',
  'persisted-query-guard',
  'query-length-guard',
  'query-shape-guard',
  'query-limits',
  'metrics',
  'operation-trace',
  'access-rules',
  'cache-control',
  'response-status',
  'response-headers',
  'error-log',
  'request-log',
];

interface Options {
  question: 'typename' | ShapeId;
  rounds: number;
  seconds: number;
  variants: string[];
  entries: string[];
  oursFlags: string[];
  profile: boolean;
  raw: boolean;
  floor: boolean;
  peer: boolean;
  warmup: number;
}

function parse(argv: string[]): Options {
  const options: Options = {
    question: 'typename',
    rounds: 2,
    seconds: 3,
    variants: DEFAULT_VARIANTS,
    entries: [],
    oursFlags: [],
    profile: false,
    raw: false,
    floor: false,
    peer: true,
    warmup: 3,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--question':
        if (value !== 'typename' && !SHAPE_IDS.includes(value as ShapeId))
          throw new Error(`--question takes typename or one of ${SHAPE_IDS.join(', ')}`);
        options.question = value as Options['question'];
        break;
      case '--rounds':
        options.rounds = Number(value);
        break;
      case '--seconds':
        options.seconds = Number(value);
        break;
      case '--variants':
        options.variants = value === 'none' ? [] : value.split(',');
        break;
      case '--entry':
        options.entries.push(value);
        break;
      case '--warmup':
        options.warmup = Number(value);
        break;
      case '--raw':
        options.raw = true;
        i -= 1;
        break;
      case '--no-peer':
        options.peer = false;
        i -= 1;
        break;
      case '--floor':
        options.floor = true;
        i -= 1;
        break;
      case '--ours-flags':
        options.oursFlags = value.split(',');
        break;
      case '--profile':
        options.profile = true;
        i -= 1;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
    i += 1;
  }
  return options;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** A server's CPU time so far; none for raw Cypher, asked from this process, whose client is counted apart. */
const cpuOf = (server: ServerProcess | undefined): CpuTimes =>
  server ? processCpu(server.pid) : { user: 0, system: 0, total: 0 };

/** One client's timed asks: 100, after 5 unmeasured ones. */
const ONE_CLIENT = { warmupMs: 0, asks: 100, budgetMs: Number.POSITIVE_INFINITY };

/**
 * The median time one client waits for an answer, asking 100 times in a row after 5 unmeasured asks, through the
 * bench's lean one-client asker (node `http`, one kept-alive connection), so it reads like the bench's warm figure.
 */
async function oneClientP50(url: string, body: string): Promise<number> {
  return (await timeHttpSerial(url, body, ONE_CLIENT, 5)).p50;
}

/** Ours as shipped under node --cpu-prof: self time by package and function over the measured seconds only. */
async function profileOurs(env: Record<string, string>, body: string, seconds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-layers-profile-'));
  const server = await startApiProcess(env, ['--cpu-prof', '--cpu-prof-dir', dir]);
  let from = 0;
  let to = 0;
  try {
    await loadHttp(server.url, body, { connections: 16, seconds: 2, warmupSeconds: 0 });
    from = performance.now();
    const m = await loadHttp(server.url, body, { connections: 16, seconds, warmupSeconds: 0 });
    to = performance.now();
    progress(`profiled: ${m.rps.toFixed(0)} req/s`);
  } finally {
    await server.stop();
  }
  const exited = performance.now();
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no profile');
  const summary = summarizeCpuProfile(path.join(dir, file), { fromEndMs: exited - from, toEndMs: exited - to }, 40);
  process.stdout.write(
    [
      `${summary.totalMs} ms of CPU on the main thread while measured; profile in ${path.join(dir, file)}`,
      '',
      `by package: ${summary.byPackage.map((s) => `${s.name} ${s.percent}%`).join(', ')}`,
      '',
      ...summary.byFunction.map((s) => `- ${s.percent}% ${s.name}`),
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  const servers: { name: string; server: ServerProcess }[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map(({ server }) => server.stop()));
    await db.stop();
  };
  // Stopped early (Ctrl-C, or `timeout`), it stops the servers and the database it started instead of leaving them.
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().finally(() => process.exit(143)));
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    const params = await probeSeed(db.driver, db.config.neo4j.database);
    const shape = shapeCases(params).find((one) => one.id === options.question);
    const ours = JSON.stringify(shape ? shape.ours : { query: '{ __typename }' });
    // The peer has no query for some shapes (a path): then it is not asked.
    const peerRequest = options.peer ? (shape ? shape.peer : { query: '{ __typename }' }) : undefined;
    const peer = JSON.stringify(peerRequest ?? {});
    const env = { NEO4J_URI: db.uri, RESPONSE_CACHE_BYTES: '0', SEED_ON_START: 'false' };
    const serverEnv = {
      ...env,
      NODE_ENV: 'production',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    if (options.profile) {
      await profileOurs(env, ours, options.seconds);
      return;
    }
    if (peerRequest) servers.push({ name: 'peer (bare standalone)', server: await startPeerProcess(db.uri) });
    servers.push({ name: 'ours', server: await startApiProcess(env) });
    for (const flags of options.oursFlags) {
      const server = await startApiProcess(env, flags.split(' ').filter(Boolean));
      servers.push({ name: `ours ${flags}`, server });
    }
    for (const entry of options.entries) {
      servers.push({ name: entry, server: await startServerProcess(entry, path.resolve(__dirname, entry), serverEnv) });
    }
    if (options.floor) {
      const floorEnv = shape ? { FLOOR_CYPHER: shape.raw.cypher, FLOOR_PARAMS: JSON.stringify(shape.raw.params) } : {};
      const server = await startServerProcess('floor', path.join(__dirname, 'floor-server.js'), {
        ...serverEnv,
        ...floorEnv,
      });
      servers.push({ name: 'floor (node http + driver, no GraphQL)', server });
    }
    for (const variant of options.variants) {
      const server = await startServerProcess(variant, path.join(__dirname, 'layers-server.js'), {
        ...serverEnv,
        LAYERS_OMIT: variant.split('+').join(','),
      });
      servers.push({ name: `ours without ${variant}`, server });
    }
    progress(`${servers.length} servers up; ${options.rounds} rounds of ${options.seconds} s at 16 clients`);
    const load = { connections: 16, seconds: options.seconds, warmupSeconds: 0 };
    const raw = options.raw && shape ? shape.raw : undefined;
    const database = db.config.neo4j.database;
    const runRaw = (seconds: number) => loadRaw(db.driver, database, raw!.cypher, raw!.params, { ...load, seconds });
    const contestants: { name: string; server?: ServerProcess }[] = [
      ...servers,
      ...(raw ? [{ name: 'raw Cypher (in process)' }] : []),
    ];
    // A server's first seconds run cold code; every one is warmed before any is measured.
    for (const { name, server } of contestants) {
      if (server)
        await loadHttp(server.url, name.startsWith('peer') ? peer : ours, { ...load, seconds: options.warmup });
      else await runRaw(options.warmup);
    }
    const rps = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    const cpu = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    const serial = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    // The database's CPU per answer too (a local database only): a server can cost less itself by asking more of it.
    const dbCpu = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    // Of which its Bolt threads: the statements' own work, without its collector and compiler threads, whose CPU per
    // second is much the same at any rate and so weighs more per answer on a slower contestant.
    const boltCpu = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    // And the load generator's (this process): it shares the cores with the server and the database.
    const clientCpu = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    // Cores the three kept busy together (their CPU per answer times answers per second): below the machine's cores,
    // the contestant waited on something else than CPU (a hop between processes, other work on the machine).
    const cores = new Map<string, number[]>(contestants.map(({ name }) => [name, []]));
    const dbPid = db.local?.pid;
    for (let round = 0; round < options.rounds; round += 1) {
      const order = round % 2 === 0 ? contestants : [...contestants].reverse();
      for (const { name, server } of order) {
        const body = name.startsWith('peer') ? peer : ours;
        if (server) {
          serial.get(name)!.push(await oneClientP50(server.url, body));
          await loadHttp(server.url, body, { ...load, seconds: 1 });
        } else {
          // Asked as a server is (see oneClientP50), from this process through the driver.
          const ask = () => runRawOnce(db.driver, database, raw!.cypher, raw!.params);
          serial.get(name)!.push((await timeSerial(ask, ONE_CLIENT, 5)).p50);
          await runRaw(1);
        }
        const before = cpuOf(server);
        const dbBefore = dbPid ? cpuMicros(dbPid) : undefined;
        const clientBefore = process.cpuUsage();
        const m = server ? await loadHttp(server.url, body, load) : await runRaw(options.seconds);
        const client = process.cpuUsage(clientBefore);
        const after = cpuOf(server);
        const dbAfter = dbPid ? cpuMicros(dbPid) : undefined;
        // Every reading is in microseconds: /proc's (see proc-cpu) and process.cpuUsage's alike.
        const per = (micros: number) => micros / (m.requests + m.errors);
        const user = per(after.user - before.user);
        const system = per(after.system - before.system);
        const us = user + system;
        const dbUs = dbBefore && dbAfter ? per(dbAfter.total - dbBefore.total) : undefined;
        const boltUs = dbBefore && dbAfter ? per(dbAfter.bolt - dbBefore.bolt) : undefined;
        const clientUs = per(client.user + client.system);
        if (dbUs !== undefined) dbCpu.get(name)!.push(dbUs);
        if (boltUs !== undefined) boltCpu.get(name)!.push(boltUs);
        clientCpu.get(name)!.push(clientUs);
        cores.get(name)!.push(((us + (dbUs ?? 0) + clientUs) * m.rps) / 1e6);
        progress(
          `round ${round + 1} ${name}: ${m.rps.toFixed(0)} req/s, ${us.toFixed(0)} µs CPU/request (user ${user.toFixed(0)}, system ${system.toFixed(0)})${dbUs === undefined ? '' : `, Neo4j ${dbUs.toFixed(0)} µs (Bolt threads ${boltUs!.toFixed(0)})`}, load generator ${clientUs.toFixed(0)} µs${m.errors ? `, ${m.errors} ERRORS` : ''}`,
        );
        rps.get(name)!.push(m.rps);
        cpu.get(name)!.push(us);
      }
    }
    const base = median(cpu.get('ours')!);
    const lines = [
      `question: ${options.question}; ${options.rounds} rounds of ${options.seconds} s, 16 clients; ${new Date().toISOString()}`,
      '',
      '| server | req/s per round | median req/s | CPU µs/request per round | median | µs saved against ours | 1-client p50 ms per round | median | peak RSS MiB |',
      '| --- | --- | ---: | --- | ---: | ---: | --- | ---: | ---: |',
    ];
    for (const { name, server } of contestants) {
      const all = rps.get(name)!;
      const us = cpu.get(name)!;
      const p50 = serial.get(name)!;
      lines.push(
        `| ${name} | ${all.map((v) => v.toFixed(0)).join(' · ')} | ${median(all).toFixed(0)} | ${us.map((v) => v.toFixed(0)).join(' · ')} | ${median(us).toFixed(0)} | ${(base - median(us)).toFixed(0)} | ${p50.length ? p50.map((v) => v.toFixed(2)).join(' · ') : '–'} | ${p50.length ? median(p50).toFixed(2) : '–'} | ${server ? server.peakRssMiB() : '–'} |`,
      );
    }
    const perRound = (title: string, values: Map<string, number[]>, digits = 0) =>
      `${title}, per round (median): ${contestants
        .map(
          ({ name }) =>
            `${name} ${values
              .get(name)!
              .map((v) => v.toFixed(digits))
              .join(' · ')} (${median(values.get(name)!).toFixed(digits)})`,
        )
        .join('; ')}`;
    if (dbPid) {
      lines.push(
        '',
        perRound('Neo4j CPU µs per answer', dbCpu),
        '',
        perRound('Neo4j Bolt threads CPU µs per answer', boltCpu),
      );
    }
    lines.push('', perRound('Load generator (this process) CPU µs per answer', clientCpu));
    lines.push('', perRound('Cores busy (server, Neo4j and load generator)', cores, 2));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
