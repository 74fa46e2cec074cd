import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Driver } from 'neo4j-driver';

import { type Config, loadConfig } from '../src/config';
import { SYNTHETIC_ORIGIN } from '../src/graph/graph.model';
import { RelationType } from '../src/graph/vocabulary';
import { createLogger, type Logger } from '../src/logger';
import { createDriver, waitForDatabase } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local';
import { applySchema } from '../src/neo4j/migrations';
import { syntheticSlug } from '../src/seed/seed.synthetic';

/** The one database every contestant reads: the bundled Neo4j in a fresh temporary folder, or NEO4J_URI. */
export interface BenchDatabase {
  uri: string;
  /** Whether the benchmark started this database (and may leave its data behind when it stops). */
  owned: boolean;
  config: Config;
  logger: Logger;
  driver: Driver;
  gateway: Neo4jGateway;
  local?: LocalNeo4j;
  stop(): Promise<void>;
}

export interface DatabaseSizing {
  heap: string;
  pageCache: string;
}

/**
 * Starts (or connects to) the database, applies our constraints and indexes as the API does on start, and makes
 * sure the search index exists. A local database lives in a temporary folder that is removed when it stops.
 */
export async function openBenchDatabase(sizing: DatabaseSizing): Promise<BenchDatabase> {
  const external = Boolean(process.env.NEO4J_URI?.trim());
  const dataDir = external ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-neo4j-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    ...(dataDir
      ? {
          NEO4J_LOCAL_PORT: '0',
          NEO4J_LOCAL_DATA_DIR: dataDir,
          NEO4J_LOCAL_HEAP: sizing.heap,
          NEO4J_LOCAL_PAGECACHE: sizing.pageCache,
        }
      : {}),
  });
  const logger = createLogger({ logLevel: 'warn', logPretty: false });
  const local = external
    ? undefined
    : await startLocalNeo4j(config.local, config.rootDir, logger, config.neo4j.startupTimeoutMs);
  const uri = config.neo4j.uri ?? local!.uri;
  const driver = createDriver(uri, { ...config.neo4j, maxPoolSize: 100 }, logger);
  await waitForDatabase(driver, uri, config.neo4j.startupTimeoutMs, logger);
  const gateway = new Neo4jGateway(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: 600000,
    retryTimeMs: config.neo4j.retryTimeMs,
    logger,
  });
  await applySchema(gateway, config.rootDir, logger);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    owned: !external,
    config,
    logger,
    driver,
    gateway,
    local,
    stop() {
      stopping ??= (async () => {
        await driver.close();
        await local?.stop();
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** How many concepts and relations the graph holds (from Neo4j's count store, so cheap at any size). */
export async function graphCounts(db: BenchDatabase): Promise<{ concepts: number; relations: number }> {
  const [concepts] = await db.gateway.read('MATCH (c:Concept) RETURN count(c) AS n');
  let relations = 0;
  for (const type of Object.values(RelationType)) {
    const [row] = await db.gateway.read(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
    relations += row.n as number;
  }
  return { concepts: concepts.n as number, relations };
}

/**
 * Fails, saying what is missing, unless the synthetic graph just written is what the shapes assume: `size` synthetic
 * concepts, every one with its stored sort keys and degree (src/graph/sort-keys.ts), and the degree right. Pages
 * ordered by name or degree read those keys from an index; a concept without them would drop out of such a page, and
 * a wrong degree would put it in the wrong place, so the series would time a different question, not a bigger graph.
 */
export async function checkSyntheticKeys(db: BenchDatabase, size: number): Promise<void> {
  const [row] = await db.gateway.read(
    `MATCH (c:Concept {origin: $origin})
     RETURN count(c) AS concepts,
            count(CASE WHEN c.sortNameEn IS NULL OR c.sortNameKo IS NULL THEN 1 END) AS noNameKeys,
            count(CASE WHEN c.degree IS NULL THEN 1 END) AS noDegree`,
    { origin: SYNTHETIC_ORIGIN },
  );
  const [wrong] = await db.gateway.read(
    `MATCH (c:Concept {origin: $origin}) WHERE c.slug >= $from WITH c ORDER BY c.slug LIMIT 1000
     WITH c, COUNT { (c)--(:Concept) } AS degree WHERE c.degree <> degree
     RETURN count(c) AS n, collect(c.slug + ' stores ' + toString(c.degree) + ', has ' + toString(degree))[0..3] AS some`,
    { origin: SYNTHETIC_ORIGIN, from: syntheticSlug(Math.max(1, Math.floor(size / 2))) },
  );
  const problems = [
    row.concepts !== size ? `${row.concepts} synthetic concepts instead of ${size}` : '',
    row.noNameKeys ? `${row.noNameKeys} without sortNameEn/sortNameKo` : '',
    row.noDegree ? `${row.noDegree} without a stored degree` : '',
    wrong.n ? `${wrong.n} of 1000 sampled with a wrong stored degree (${(wrong.some as string[]).join('; ')})` : '',
  ].filter(Boolean);
  if (problems.length)
    throw new Error(
      `the synthetic graph of ${size} concepts is not what the shapes assume: ${problems.join(', ')}. ` +
        'writeSynthetic (src/seed/seed.synthetic.ts) must write every concept with NAME_KEYS_SET and recompute ' +
        'DEGREE_KEY_SET for all of them once the relations are written.',
    );
}
