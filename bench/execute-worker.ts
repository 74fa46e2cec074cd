import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

import { type DocumentNode, execute, type ExecutionResult, type GraphQLSchema, isObjectType, parse } from 'graphql';

/**
 * One build's GraphQL execution in process, for bench/execute.ts: `node execute-worker.js <dist dir>` loads that
 * build's schema and request context (so two builds can be compared with the same harness), reads one job as JSON
 * on stdin and prints one JSON line: CPU µs per answer (user + system of this process, so the driver's decoding and
 * the garbage count, Neo4j's own work does not), and a digest of the answer, which must not differ between builds.
 */

interface Job {
  query: string;
  variables: Record<string, unknown>;
  answers: number;
  warmup: number;
  concurrency: number;
  count: boolean;
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
      cpuUsPerAnswer: (cpu.user + cpu.system) / job.answers,
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
