import { execute, parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';

import { type Caller, PUBLIC_CALLER } from '../src/access/access.types';
import type { Config } from '../src/config';
import { type AtlasContext, createLoaders, createRepositories, createServices } from '../src/context';
import { Lang } from '../src/graph/vocabulary';
import type { Logger } from '../src/logger';
import type { CypherRunner, Neo4jGateway, Params, Row } from '../src/neo4j/gateway';
import type { CypherRequest, GraphQLRequest } from './shapes';

/**
 * Neo4j's own measure of the work a query does: database hits from PROFILE, summed over the plan. For ours, the
 * real resolvers and repositories run in this process over a runner that profiles every statement, so the figure
 * is the sum over all the Cypher one request sends.
 */

export interface DbWork {
  dbHits: number;
  statements: number;
  /** Each statement sent, with its db hits and its costliest operators ("NodeByLabelScan(m:ConceptMemory) 1003"). */
  plans: { cypher: string; dbHits: number; hottest: string[] }[];
}

/** The operators of a plan with the most db hits of their own, costliest first. */
function hottest(plan: ProfiledPlan, count = 3): string[] {
  const all: ProfiledPlan[] = [];
  const walk = (p: ProfiledPlan) => {
    all.push(p);
    p.children.forEach(walk);
  };
  walk(plan);
  return all
    .filter((p) => p.dbHits > 0)
    .sort((a, b) => b.dbHits - a.dbHits)
    .slice(0, count)
    .map((p) => {
      const details = (p.arguments as { Details?: unknown }).Details;
      return `${p.operatorType}${details ? `(${String(details).slice(0, 80)})` : ''} ${p.dbHits}`;
    });
}

function hitsOf(plan: ProfiledPlan | false): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((sum, child) => sum + hitsOf(child), 0);
}

/** Runs every read under PROFILE and adds up its database hits, statement by statement. */
export class ProfilingRunner implements CypherRunner {
  dbHits = 0;
  statements = 0;
  plans: DbWork['plans'] = [];

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(`PROFILE ${cypher}`, params));
      const hits = hitsOf(result.summary.profile);
      this.dbHits += hits;
      this.statements += 1;
      if (result.summary.profile) this.plans.push({ cypher, dbHits: hits, hottest: hottest(result.summary.profile) });
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  write(): Promise<Row[]> {
    throw new Error('the benchmark only reads');
  }
}

/** A request context whose repositories run through a bench runner instead of the gateway. */
export function benchContext(
  repos: ReturnType<typeof createRepositories>,
  config: Config,
  requestId: string,
  logger: Logger | undefined,
  caller: Caller = PUBLIC_CALLER,
): AtlasContext {
  return {
    requestId,
    lang: Lang.EN,
    queryStats: { roundTrips: 0, dbTimeMs: 0 },
    logger,
    config,
    repos,
    loaders: createLoaders(repos),
    services: createServices(repos, config),
    perCallAnswer: false,
    responseMediaType: 'application/json',
    caller,
  } as AtlasContext;
}

/**
 * Database hits of one GraphQL request answered by our resolvers and repositories, as the public (or, with `caller`,
 * as that credential's holder).
 */
export async function oursDbWork(
  schema: GraphQLSchema,
  driver: Driver,
  config: Config,
  logger: Logger,
  request: GraphQLRequest,
  caller: Caller = PUBLIC_CALLER,
): Promise<DbWork> {
  const runner = new ProfilingRunner(driver, config.neo4j.database);
  // Repositories only ever call read/write, which is all the profiling runner provides.
  const repos = createRepositories(runner as unknown as Neo4jGateway, config);
  const context = benchContext(repos, config, 'bench-profile', logger, caller);
  const result = await execute({
    schema,
    document: parse(request.query),
    variableValues: request.variables,
    contextValue: context,
  });
  if (result.errors?.length) throw new Error(`profiling ours failed: ${result.errors[0].message}`);
  return { dbHits: runner.dbHits, statements: runner.statements, plans: runner.plans };
}

/** Database hits of the hand-written Cypher. */
export async function rawDbWork(driver: Driver, database: string, request: CypherRequest): Promise<DbWork> {
  const runner = new ProfilingRunner(driver, database);
  await runner.read(request.cypher, request.params);
  return { dbHits: runner.dbHits, statements: runner.statements, plans: runner.plans };
}
