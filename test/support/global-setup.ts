import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startLocalNeo4j } from '../../src/neo4j/local';
import { skipNotices } from './optional-tools';
import { prepareTestDatabase } from './seed';

/**
 * Starts one real Neo4j for the whole test run (unless NEO4J_URI points at one) in a fresh temporary directory on a
 * free port, and hands its address to the tests through NEO4J_URI. Then applies the schema and seeds the shipped
 * seed once, so every test sees the seeded graph (tests that change it restore it in afterAll).
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  // Jest lists skipped tests by name only for a single file, so a missing tool is announced once here.
  for (const notice of skipNotices()) process.stderr.write(`\n${notice}\n`);
  if (process.env.NEO4J_URI) return prepareTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-neo4j-'));
  const config = loadConfig({
    ...process.env,
    NEO4J_LOCAL_PORT: '0',
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_LOCAL_HEAP: '768m',
    NEO4J_LOCAL_PAGECACHE: '128m',
  });
  const logger = createLogger({
    logLevel: process.env.TEST_LOG_LEVEL === undefined ? 'warn' : (process.env.TEST_LOG_LEVEL as 'info'),
    logPretty: false,
  });
  const local = await startLocalNeo4j(config.local, config.rootDir, logger, config.neo4j.startupTimeoutMs);
  process.env.NEO4J_URI = local.uri;
  process.env.ATLAS_TEST_LOCAL_NEO4J = '1';
  (globalThis as Record<string, unknown>).__atlasLocalNeo4j = { local, dataDir };
  try {
    await prepareTestDatabase();
  } catch (error) {
    // Jest skips the global teardown when the setup fails: stop the database here, or it would outlive the run.
    await local.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
