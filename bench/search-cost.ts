import path from 'node:path';

import { execute, parse } from 'graphql';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';

import { createRepositories } from '../src/context';
import type { Neo4jGateway, Params, Row } from '../src/neo4j/gateway';
import { buildAtlasSchema } from '../src/schema/build';
import { CANDIDATES } from '../src/search/search.repository';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { openBenchDatabase } from './database';
import { cpuMicros } from './proc-cpu';
import { benchContext } from './db-hits';
import { optionValue } from './options';
import { shapeCases, type ShapeParams } from './shapes';

/**
 * `node dist/bench/search-cost.js [--runs 3000] [--batch 250] [--text hypervisor] [--base <built bench dir>] [--variants <module>]`: what
 * Neo4j spends on the search shape's statement against the hand-written Cypher. Both run from here, one client,
 * auto-commit as the gateway sends them, in alternating batches; the database's CPU time is read from its process's
 * `/proc/<pid>/stat` around each batch and divided by the runs. With `--base`, the statement the search repository
 * of another build sends (its compiled `src/search/search.repository.js`) is timed beside ours; with `--variants`,
 * the statements a module's `variants(ours)` returns (rewrites to try before they go into the repository). With
 * `--floors`, what any statement costs besides its own work: `RETURN 1` and the bare index call with our Lucene text
 * on the shared session, and ours and `RETURN 1` sent as the gateway sends a read (a session per statement, READ
 * mode, the database named, a timeout and metadata), by hand without the timeout and metadata, and with the server's
 * notifications off. Ends with each statement's PROFILE: its db hits and the rows through each operator.
 */

interface Statement {
  label: string;
  cypher: string;
  params: Params;
  /** How it is sent; without it, on the one session every statement shares (`session.run`, no transaction config). */
  send?: (cypher: string, params: Params) => Promise<unknown>;
}

/** Only the search shape is asked; the other shapes' questions are filled in so that the shapes can be built. */
const SHAPE_PARAMS: ShapeParams = {
  hub: 'container',
  nav: { root: 'container-lifecycle', first: [], second: [] },
  search: 'hypervisor',
  center: 'container',
  path: { from: 'docker-stop', to: 'unikernel' },
};

/** The statements one GraphQL request sends, recorded (and answered) through the given search repository class. */
async function recordOurs(
  driver: Driver,
  database: string,
  request: { query: string; variables: Record<string, unknown> },
  label: string,
  searchRepository?: new (runner: unknown) => unknown,
): Promise<Statement[]> {
  const statements: Statement[] = [];
  const runner = {
    async read(cypher: string, params: Params = {}): Promise<Row[]> {
      statements.push({ label, cypher, params });
      const result = await driver.executeQuery(cypher, params, { database, routing: neo4j.routing.READ });
      return result.records.map((record) => record.toObject());
    },
    write(): Promise<Row[]> {
      throw new Error('the search cost bench only reads');
    },
  };
  const config = (await import('../src/config')).loadConfig({ ...process.env, NODE_ENV: 'production' });
  const repos = createRepositories(runner as unknown as Neo4jGateway, config);
  if (searchRepository) (repos as { search: unknown }).search = new searchRepository(runner);
  const context = benchContext(repos, config, 'search-cost', undefined);
  const result = await execute({
    schema: await buildAtlasSchema(),
    document: parse(request.query),
    variableValues: request.variables,
    contextValue: context,
  });
  if (result.errors?.length) throw new Error(`${label} failed: ${result.errors[0].message}`);
  return statements;
}

/** The floors (see `--floors`): the same work sent other ways, and the least any statement costs. */
function floors(db: Awaited<ReturnType<typeof openBenchDatabase>>, ours: Statement): Statement[] {
  const database = db.config.neo4j.database;
  const txConfig = {
    timeout: db.config.neo4j.queryTimeoutMs,
    metadata: { app: 'container-atlas', requestId: 'bench' },
  };
  const perSession =
    (config: Parameters<Driver['session']>[0], tx?: typeof txConfig) => async (cypher: string, params: Params) => {
      const session = db.driver.session({ database, defaultAccessMode: neo4j.session.READ, ...config });
      try {
        return (await session.run(cypher, params, tx)).records;
      } finally {
        await session.close();
      }
    };
  const gateway = (cypher: string, params: Params) => db.gateway.read(cypher, params);
  const one = 'RETURN 1 AS one';
  return [
    { label: 'RETURN 1', cypher: one, params: {} },
    {
      label: 'index call only',
      // The Lucene text as typed, the first our statement tries; as many candidates as it ranks.
      cypher: `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: ${CANDIDATES}}) YIELD node, score RETURN score`,
      params: { lucene: (ours.params.texts as string[])[0] },
    },
    { label: 'RETURN 1, gateway', cypher: one, params: {}, send: gateway },
    { label: 'ours, gateway', cypher: ours.cypher, params: ours.params, send: gateway },
    { label: 'ours, session each, no tx config', cypher: ours.cypher, params: ours.params, send: perSession({}) },
    {
      label: 'ours, session each, notifications off',
      cypher: ours.cypher,
      params: ours.params,
      send: perSession({ notificationFilter: { minimumSeverityLevel: 'OFF' } }, txConfig),
    },
  ];
}

function planLines(plan: ProfiledPlan, depth = 0): string[] {
  const details = String((plan.arguments as { Details?: unknown }).Details ?? '').slice(0, 90);
  return [
    `${'  '.repeat(depth)}${plan.operatorType} rows=${plan.rows} hits=${plan.dbHits} ${details}`,
    ...plan.children.flatMap((child) => planLines(child, depth + 1)),
  ];
}

async function main(): Promise<void> {
  const runs = Number(optionValue('--runs') ?? '3000');
  const batch = Number(optionValue('--batch') ?? '250');
  const text = optionValue('--text') ?? 'hypervisor';
  const base = optionValue('--base') ?? '';
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    await db.gateway.write('CALL db.awaitIndexes(600)');
    const shape = shapeCases({ ...SHAPE_PARAMS, search: text }).find((s) => s.id === 'search')!;
    const database = db.config.neo4j.database;
    const statements: Statement[] = [
      ...(await recordOurs(db.driver, database, shape.ours, 'ours')),
      { label: 'raw', cypher: shape.raw.cypher, params: shape.raw.params },
    ];
    const variants = optionValue('--variants') ?? '';
    if (variants) {
      const module = (await import(path.resolve(variants))) as { variants: (ours: Statement) => Statement[] };
      statements.push(...module.variants(statements[0]));
    }
    if (process.argv.includes('--floors')) statements.push(...floors(db, statements[0]));
    if (base) {
      const module = (await import(path.resolve(base, 'src/search/search.repository.js'))) as {
        SearchRepository: new (runner: unknown) => unknown;
      };
      statements.push(...(await recordOurs(db.driver, database, shape.ours, 'base', module.SearchRepository)));
    }
    const pid = db.local?.pid;
    if (!pid) throw new Error('the search cost bench reads the CPU time of the local Neo4j: unset NEO4J_URI');
    const session = db.driver.session({ database, defaultAccessMode: neo4j.session.READ });
    const cpu = new Map<string, number>(statements.map((s) => [s.label, 0]));
    const boltCpu = new Map<string, number>(statements.map((s) => [s.label, 0]));
    const wall = new Map<string, number>(statements.map((s) => [s.label, 0]));
    try {
      // Neo4j caches plans by statement text: the text must not change with what is searched for.
      const other = shapeCases({ ...SHAPE_PARAMS, search: text === 'container' ? 'hypervisor' : 'container' }).find(
        (one) => one.id === 'search',
      )!;
      const [otherOurs] = await recordOurs(db.driver, database, other.ours, 'ours');
      out(
        `our statement's text for another search text: ${otherOurs.cypher === statements[0].cypher ? 'the same' : 'DIFFERENT'}`,
      );
      // What planning costs, to tell from the timed runs below that they are not planned again.
      for (const s of statements) {
        const started = performance.now();
        await session.run(`CYPHER replan=force ${s.cypher}`, s.params);
        out(`${s.label}: ${(performance.now() - started).toFixed(1)} ms for a run planned again`);
      }
      // Warm-up: plans cached, JIT warm.
      for (const s of statements)
        for (let i = 0; i < 200; i += 1)
          await (s.send ?? ((c: string, p: Params) => session.run(c, p)))(s.cypher, s.params);
      for (let done = 0; done < runs; done += batch) {
        const order = (done / batch) % 2 === 0 ? statements : [...statements].reverse();
        for (const s of order) {
          const before = cpuMicros(pid);
          const started = performance.now();
          const send = s.send ?? ((cypher: string, params: Params) => session.run(cypher, params));
          for (let i = 0; i < batch; i += 1) await send(s.cypher, s.params);
          wall.set(s.label, wall.get(s.label)! + (performance.now() - started) * 1000);
          const after = cpuMicros(pid);
          cpu.set(s.label, cpu.get(s.label)! + after.total - before.total);
          boltCpu.set(s.label, boltCpu.get(s.label)! + after.bolt - before.bolt);
        }
      }
      out(`search "${text}", ${runs} runs each in alternating batches of ${batch}, one client:`);
      out('| statement | Neo4j CPU µs per run: process · Bolt threads | wall µs per run | db hits |');
      out('| --- | ---: | ---: | ---: |');
      for (const s of statements) {
        const profiled = await session.run(`PROFILE ${s.cypher}`, s.params);
        const plan = profiled.summary.profile as ProfiledPlan;
        const hits = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((sum, c) => sum + hits(c), 0);
        out(
          `| ${s.label} | ${Math.round(cpu.get(s.label)! / runs)} · ${Math.round(boltCpu.get(s.label)! / runs)} | ${Math.round(wall.get(s.label)! / runs)} | ${hits(plan)} |`,
        );
      }
      if (process.argv.includes('--plans')) {
        for (const s of statements) {
          const profiled = await session.run(`PROFILE ${s.cypher}`, s.params);
          out(`\n${s.label}:`);
          out(planLines(profiled.summary.profile as ProfiledPlan).join('\n'));
        }
      }
    } finally {
      await session.close();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
