import { spawn } from 'node:child_process';
import path from 'node:path';

import { createLogger } from '../../src/logger';
import { connectDatabase, type Database } from '../../src/neo4j/database';
import { freePort } from '../../src/neo4j/local';
import { checkSeed } from '../../src/seed/seed.validate';
import { graphSnapshot, restoreShippedSeed, seedTestConfig } from '../support/seed';

/** `npm run seed` as a user runs it: the built CLI against the test database, judged by exit code and output. */

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'src', 'seed', 'seed.cli.js');
const silent = createLogger({ logLevel: 'silent', logPretty: false });
let db: Database;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function seed(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_PRETTY: 'false', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const shipped = checkSeed(seedTestConfig().seed.dir);
const counts = `${shipped.concepts.length} concepts, ${shipped.relations.length} relations`;

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), silent);
});

afterAll(async () => {
  if (db) {
    await db.gateway.write("MATCH (c:Concept {origin: 'synthetic'}) DETACH DELETE c");
    await restoreShippedSeed(db.gateway);
    await db.close();
  }
});

describe('npm run seed', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await seed(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run seed -- [options]');
    expect(run.stdout).toContain('--synthetic N');
  });

  it.each([
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--synthetic', 'many'], '--synthetic takes a whole number'],
    [['--synthetic', '-1'], "Option '--synthetic' argument is ambiguous"],
    [['--dry-run', '--reset'], 'cannot be combined'],
    [['extra'], 'Unexpected argument'],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const run = await seed(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('--dry-run validates, prints the counts and touches nothing', async () => {
    const before = await graphSnapshot(db.gateway);
    // An unreachable database proves it is not contacted at all.
    const run = await seed(['--dry-run'], { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dry run: the seed is valid: ${counts}, ${shipped.comparisons.length} comparisons`);
    expect(run.stdout).toContain('every source names one of the 49 sections of getting-started-with-docker.md (note/note-index.json)');
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });

  it('exits 1 on an invalid seed, printing every problem with file and line, and touches nothing', async () => {
    const before = await graphSnapshot(db.gateway);
    const run = await seed([], { SEED_DIR: path.join(ROOT, 'test/fixtures/broken-seed/wrong-shape') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The seed has 3 problems');
    expect(run.stderr).toContain('test/fixtures/broken-seed/wrong-shape/concepts/00-base.yaml:6: unknown field "summery" in a concept — did you mean "summary"?');
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });

  it('--dry-run reports every problem of an entry in one run, a bad source with the nearest real section, and exits 1', async () => {
    const run = await seed(['--dry-run'], { SEED_DIR: path.join(ROOT, 'test/fixtures/broken-seed/one-entry-many-problems') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The seed has 5 problems');
    expect(run.stderr).toContain(
      'test/fixtures/broken-seed/one-entry-many-problems/concepts/00-base.yaml:10: the source "Containr and Docker" of concept "Docker_Stop" is not a section of the note — use "Container and Docker"',
    );
  });

  it('exits 3 when the database cannot be reached', async () => {
    const run = await seed([], { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, NEO4J_STARTUP_TIMEOUT_MS: '1000' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not answer/);
  });

  it('seeds and prints a summary line; running it again changes nothing', async () => {
    const before = await graphSnapshot(db.gateway, ['seededAt']);
    const run = await seed([]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toMatch(new RegExp(`^seeded ${counts} and ${shipped.comparisons.length} comparisons in \\d+\\.\\d\\d s$`));
    expect(await graphSnapshot(db.gateway, ['seededAt'])).toEqual(before);
  });

  it('--synthetic N adds synthetic data, --synthetic 0 and --reset remove it', async () => {
    const syntheticCount = async () => (await db.gateway.read("MATCH (c:Concept {origin: 'synthetic'}) RETURN count(c) AS n"))[0].n;
    const added = await seed(['--synthetic', '30']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/synthetic: 30 concepts and \d+ relations in [\d.]+ s/);
    expect(await syntheticCount()).toBe(30);
    expect((await seed(['--synthetic', '0'])).code).toBe(0);
    expect(await syntheticCount()).toBe(0);

    expect((await seed(['--synthetic', '10'])).code).toBe(0);
    const before = await graphSnapshot(db.gateway, ['seededAt']);
    const reset = await seed(['--reset']);
    expect(reset.code).toBe(0);
    expect(await syntheticCount()).toBe(0);
    const after = await graphSnapshot(db.gateway, ['seededAt']);
    expect(after.nodes).toEqual(before.nodes.filter((n) => !n.includes('"synthetic"')));
  });
});
