import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

import { type DocumentNode, execute, type ExecutionResult, type GraphQLSchema, isObjectType, parse } from 'graphql';

/**
 * One build's GraphQL execution in process, for bench/execute.ts: `node execute-worker.js <dist dir>` loads that
 * build's schema and request context (so two builds can be compared with the same harness), reads one job as JSON
 * on stdin and prints one JSON line: CPU µs per answer (user + system of this process, so the driver's decoding and
 * the garbage count, Neo4j's own work does not), and a digest of the answer, which must not differ between builds.
 * With `replay` the driver and the socket are left out too (see recordReads).
 */

interface Job {
  query: string;
  variables: Record<string, unknown>;
  answers: number;
  warmup: number;
  concurrency: number;
  count: boolean;
  /** Rows recorded on the first answer and replayed afterwards: GraphQL execution and our resolvers alone. */
  replay: boolean;
  /** Where to write a CPU profile of the measured answers only (none when absent). */
  profile?: string;
}

function load(dist: string) {
  const from = (file: string) => require(path.resolve(dist, file));
  return {
    loadConfig: from('src/config.js').loadConfig,
    createLogger: from('src/logger.js').createLogger,
    connectDatabase: from('src/neo4j/database.js').connectDatabase,
    buildAtlasSchema: from('src/schema/build.js').buildAtlasSchema,
    RequestContext: from('src/http/request-context.js').RequestContext,
    PUBLIC_CALLER: from('src/access/access.types.js').PUBLIC_CALLER,
    Neo4jGateway: from('src/neo4j/gateway.js').Neo4jGateway,
  };
}

type Rows = Record<string, unknown>[];

/**
 * Makes the gateway's reads record their rows by statement and parameters, then (`replaying()`) answer a structured
 * clone of them without the database, so the resolvers may treat the rows as their own as they do the driver's.
 * `cloneAll` clones every recorded read once, to take the replay's own CPU off the measured answers.
 */
function recordReads(gateway: { prototype: { read: (cypher: string, params?: object) => Promise<Rows> } }) {
  const recorded = new Map<string, Rows>();
  const live = gateway.prototype.read;
  let replay = false;
  gateway.prototype.read = async function read(this: unknown, cypher: string, params: object = {}) {
    const key = cypher + JSON.stringify(params);
    if (replay) {
      const rows = recorded.get(key);
      if (!rows) throw new Error('--replay: an answer read a statement the first answer did not');
      return structuredClone(rows);
    }
    const rows = await live.call(this, cypher, params);
    recorded.set(key, structuredClone(rows));
    return rows;
  };
  return {
    replaying: () => (replay = true),
    cloneAll: () => {
      for (const rows of recorded.values()) structuredClone(rows);
    },
  };
}

/** Wraps every field resolver to count calls and promises per answer (a separate run: the wrapper costs CPU). */
function countResolvers(schema: GraphQLSchema): Map<string, { calls: number; promises: number }> {
  const counts = new Map<string, { calls: number; promises: number }>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const entry = { calls: 0, promises: 0 };
      counts.set(key, entry);
      const inner = field.resolve;
      field.resolve = (source, args, context, info) => {
        entry.calls += 1;
        const value: unknown = inner
          ? inner(source, args, context, info)
          : (source as Record<string, unknown>)[info.fieldName];
        const resolved = typeof value === 'function' ? (value as () => unknown).call(source) : value;
        if (resolved && typeof (resolved as Promise<unknown>).then === 'function') entry.promises += 1;
        return resolved;
      };
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const dist = process.argv[2];
  const job = JSON.parse(await new Response(process.stdin).text()) as Job;
  const m = load(dist);
  const config = m.loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
  const logger = m.createLogger(config);
  const reads = job.replay ? recordReads(m.Neo4jGateway) : undefined;
  const db = await m.connectDatabase(config, logger);
  const schema = (await m.buildAtlasSchema()) as GraphQLSchema;
  const counts = job.count ? countResolvers(schema) : undefined;
  const document: DocumentNode = parse(job.query);
  let n = 0;
  const one = async (): Promise<ExecutionResult> => {
    n += 1;
    const context = new m.RequestContext(
      `r${n}`,
      m.PUBLIC_CALLER,
      'EN',
      'application/json',
      config,
      db.gateway,
      () => logger,
    );
    return await execute({ schema, document, variableValues: job.variables, contextValue: context });
  };
  const run = async (answers: number) => {
    let left = answers;
    const worker = async () => {
      while (left > 0) {
        left -= 1;
        const result = await one();
        if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  };
  const first = await one();
  const digest = JSON.stringify(first);
  reads?.replaying();
  if (reads && JSON.stringify(await one()) !== digest) throw new Error('--replay: the replayed answer differs');
  await run(job.warmup);
  if (counts) for (const entry of counts.values()) Object.assign(entry, { calls: 0, promises: 0 });
  const session = job.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const before = process.cpuUsage();
  const started = performance.now();
  await run(job.answers);
  const cpu = process.cpuUsage(before);
  const wallMs = performance.now() - started;
  if (session && job.profile) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(job.profile, JSON.stringify(profile));
    session.disconnect();
  }
  // A profile still holds the replay's clones (under `read` in this file); they are no part of the answer.
  let replayUs = 0;
  if (reads) {
    const cloning = process.cpuUsage();
    for (let i = 0; i < job.answers; i += 1) reads.cloneAll();
    const cloned = process.cpuUsage(cloning);
    replayUs = cloned.user + cloned.system;
  }
  const resolvers = counts
    ? [...counts]
        .filter(([, entry]) => entry.calls > 0)
        .map(([name, entry]) => ({
          name,
          calls: entry.calls / job.answers,
          promises: entry.promises / job.answers,
        }))
    : undefined;
  process.stdout.write(
    `${JSON.stringify({
      cpuUsPerAnswer: (cpu.user + cpu.system - replayUs) / job.answers,
      answersPerSecond: (1000 * job.answers) / wallMs,
      digest,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      resolvers,
    })}\n`,
  );
  await db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`execute worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
