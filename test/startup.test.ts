import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createLogger } from '../src/logger';
import { connectDatabase } from '../src/neo4j/database';
import { PrerequisiteError } from '../src/errors';
import { isAlive, runMain, waitFor } from './support/main-process';
import { startTestServer, testConfig } from './support/server';

const silent = createLogger({ logLevel: 'silent', logPretty: false });

describe('start-up paths', () => {
  it('with NEO4J_URI set, connects to that database and starts no Java', async () => {
    const server = await startTestServer();
    try {
      expect(server.atlas.database.local).toBeUndefined();
      expect(server.atlas.database.uri).toBe(process.env.NEO4J_URI);
      const { status, body } = await server.gql('{ __typename }');
      expect(status).toBe(200);
      expect(body.data).toEqual({ __typename: 'Query' });
      const live = await fetch(server.url.replace('/graphql', '/health/live'));
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'live' });
      const ready = await fetch(server.url.replace('/graphql', '/health/ready'));
      expect(((await ready.json()) as { database: string }).database).toBe('up');
    } finally {
      await server.stop();
    }
  });

  it('with NEO4J_URI unset, starts a local Neo4j on 127.0.0.1 and stops it on close', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-startup-'));
    const config = testConfig({
      NEO4J_URI: '',
      NEO4J_LOCAL_PORT: '0',
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
    });
    const db = await connectDatabase(config, silent);
    try {
      expect(db.local).toBeDefined();
      expect(db.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(await db.gateway.ping()).toBe(true);
      expect(isAlive(db.local!.pid)).toBe(true);
    } finally {
      await db.close();
    }
    expect(isAlive(db.local!.pid)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('without Java and without NEO4J_URI, fails with both ways out', async () => {
    const config = testConfig({ NEO4J_URI: '', JAVA_HOME: '/nonexistent-jdk' });
    const attempt = connectDatabase(config, silent);
    await expect(attempt).rejects.toBeInstanceOf(PrerequisiteError);
    await expect(attempt).rejects.toThrow(
      /Java 17 or newer.*JAVA_HOME=\/nonexistent-jdk.*docker compose up.*NEO4J_URI/s,
    );
  });

  it('a database that never answers is a clear error within the start-up timeout, not a hang', async () => {
    const started = Date.now();
    const config = testConfig({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_STARTUP_TIMEOUT_MS: '1500',
      NEO4J_CONNECT_TIMEOUT_MS: '500',
    });
    await expect(connectDatabase(config, silent)).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('bolt://127.0.0.1:1 did not answer'),
    });
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('the built service (npm start)', () => {
  it('exits 1 with a message naming a bad variable', async () => {
    const run = runMain({ PORT: 'not-a-port' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('PORT must be a whole number');
    expect(run.stderr()).toContain('Example: PORT=4000');
  });

  it('exits 1 naming the missing prerequisite when Java is missing and NEO4J_URI is unset', async () => {
    const run = runMain({ NEO4J_URI: '', JAVA_HOME: '/nonexistent-jdk', PORT: '0' });
    expect(await run.exited).toBe(1);
    const fatal = run.lines.find((line) => line.level === 60);
    expect(fatal?.code).toBe('PREREQUISITE_MISSING');
    expect(String(fatal?.msg)).toMatch(/docker compose up.*NEO4J_URI/s);
  });

  it('serves GraphQL, prints its URL, and exits 0 on SIGTERM', async () => {
    const run = runMain({ PORT: '0', HOST: '127.0.0.1', SEED_ON_START: 'false' });
    try {
      const serving = await waitFor(() => run.lines.find((line) => typeof line.graphql === 'string'), 60000);
      const url = String(serving.graphql);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.lines.some((line) => line.msg === 'stopped cleanly')).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
