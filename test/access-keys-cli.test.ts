import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { createLogger } from '../src/logger';
import { connectDatabase, type Database } from '../src/neo4j/database';
import { learnerToken } from './support/access';
import { seedTestConfig } from './support/seed';
import { useTestServer } from './support/server';

/** `npm run keys` as an operator runs it: the built CLI against the test database, judged by exit code and output. */

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'src', 'access', 'access.cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function keys(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_PRETTY: 'false' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const STATS = '{ stats { concepts } }';
let db: Database;

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), createLogger({ logLevel: 'silent', logPretty: false }));
});
afterAll(() => db?.close());

const server = useTestServer();

describe('npm run keys', () => {
  const name = `cli-${randomUUID().slice(0, 8)}`;
  let key = '';
  let id = '';

  it('create prints the key once; only its hash and prefix are stored', async () => {
    const run = await keys(['create', name]);
    expect(run.code).toBe(0);
    const match = /^key: (atlas_[A-Za-z0-9_-]{43})$/m.exec(run.stdout);
    expect(match).not.toBeNull();
    key = match![1];
    id = /\(id ([0-9a-f-]{36})\)/.exec(run.stdout)![1];
    expect(run.stdout).toContain('This is the only time the key is shown');
    const rows = await db.gateway.read('MATCH (f:Frontend {id: $id}) RETURN properties(f) AS p', { id });
    const stored = rows[0].p as Record<string, unknown>;
    expect(stored.name).toBe(name);
    expect(stored.keyPrefix).toBe(key.slice(0, 14));
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(stored).map(String)).not.toContain(key);
  });

  it('the key it printed works as a credential', async () => {
    const res = await server.gql(STATS, {}, { authorization: `Bearer ${key}` });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('a second active frontend with the same name is refused with exit 1', async () => {
    const run = await keys(['create', name]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`an active frontend is already named "${name}"`);
    const rows = await db.gateway.read('MATCH (f:Frontend {name: $name}) RETURN count(f) AS n', { name });
    expect(Number(rows[0].n)).toBe(1);
  });

  it.each([['bad name'], ['-starts-with-dash'], ['x'.repeat(65)]])(
    'an invalid name %j is refused with exit 1',
    async (bad) => {
      const run = await keys(['create', bad]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is not valid: use 1 to 64 letters');
    },
  );

  it('list shows the frontend by its key prefix, never the key', async () => {
    const run = await keys(['list']);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.includes(name));
    expect(line).toBeDefined();
    expect(line).toContain(id);
    expect(line).toContain(`${key.slice(0, 14)}...`);
    expect(run.stdout).not.toContain(key);
  });

  it('revoke by name ends the key and the tokens it issued', async () => {
    const token = await learnerToken(key, 'learner-1', undefined, server);
    expect((await server.gql(STATS, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    const run = await keys(['revoke', name]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`revoked frontend ${name} (id ${id})`);
    for (const credential of [key, token]) {
      const res = await server.gql(STATS, {}, { authorization: `Bearer ${credential}` });
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('revoke of nothing known exits 1 and says how to list', async () => {
    const run = await keys(['revoke', 'no-such-frontend']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run keys -- list');
  });

  it.each([[['frobnicate']], [['create']], [['list', 'extra']]])(
    'wrong usage %j exits 2 with the usage',
    async (args) => {
      const run = await keys(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npm run keys -- <command>');
    },
  );
});
