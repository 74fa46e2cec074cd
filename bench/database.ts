import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Driver } from 'neo4j-driver';

import { type Config, loadConfig } from '../src/config';
import { RelationType } from '../src/graph/vocabulary';
import { createLogger, type Logger } from '../src/logger';
import { createDriver, waitForDatabase } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local';
import { applySchema } from '../src/neo4j/migrations';

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
