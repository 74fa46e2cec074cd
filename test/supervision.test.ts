import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { startAtlas, type Atlas } from '../src/app';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { isAlive, runMain, waitFor } from './support/main-process';
import { graphSnapshot } from './support/seed';
import {
  DATABASE_FAULT_CODES,
  askUnderLoad,
  distinctErrors,
  faultBaseline,
  readyStatus,
  testConfig,
  testLogger,
} from './support/server';

/**
 * The local Neo4j that the service launched itself (NEO4J_URI unset) dies by SIGKILL: under load, in the middle of a
 * seeding transaction, and again and again. The service must restart it and answer again by itself, the graph must be
 * wholly the old or wholly the new seed, and too many crashes must end the process with a clear message.
 */

const ROOT = path.resolve(__dirname, '..');
const silent = testLogger();
/** A restart boots a JVM and recovers the store; on a busy 2-core machine that can take a while. */
const RECOVERY_MS = 90000;

/** A copy of the shipped seed in which every English summary and detail text starts with "Revised: ". */
function revisedSeedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-revised-seed-'));
  fs.cpSync(path.join(ROOT, 'seed'), dir, { recursive: true });
  const concepts = path.join(dir, 'concepts');
  for (const file of fs.readdirSync(concepts)) {
    const text = fs.readFileSync(path.join(concepts, file), 'utf8');
    fs.writeFileSync(path.join(concepts, file), text.replace(/^(\s+en: )"/gm, '$1"Revised: '));
  }
  return dir;
}

describe('the local Neo4j under supervision', () => {
  let dataDir: string;
  let revisedDir: string;
  let atlas: Atlas | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-supervised-'));
    revisedDir = revisedSeedCopy();
    // Development mode: an unexpected error keeps its real message, so a failure here says what went wrong.
    const config = testConfig({
      NODE_ENV: 'development',
      NEO4J_URI: '',
      NEO4J_LOCAL_PORT: '0',
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
      NEO4J_LOCAL_RESTART_DELAY_MS: '200',
      NEO4J_CONNECT_TIMEOUT_MS: '2000',
      NEO4J_RETRY_TIME_MS: '500',
      NEO4J_QUERY_TIMEOUT_MS: '10000',
      // Cached answers would keep coming while the database is down and hide the outage this suite looks for.
      RESPONSE_CACHE_BYTES: '0',
    });
    atlas = await startAtlas(config, silent);
  }, 180000);

  afterAll(async () => {
    await atlas?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(revisedDir, { recursive: true, force: true });
  });

  const killJvm = async () => {
    const local = atlas!.database.local!;
    const exited = local.exited;
    process.kill(local.pid, 'SIGKILL');
    await exited;
  };
  const waitUntilReady = () => waitFor(() => (lastReady === 200 ? true : undefined), RECOVERY_MS, 'readiness 200');
  let lastReady = 0;
  const pollReady = () => {
    lastReady = 0;
    let polling = true;
    const seen: number[] = [];
    const loop = (async () => {
      while (polling) {
        lastReady = await readyStatus(atlas!.url);
        seen.push(lastReady);
        await sleep(250);
      }
    })();
    return {
      seen,
      stop: async () => {
        polling = false;
        await loop;
      },
    };
  };

  it('restarts a JVM killed under load; answers and readiness come back by themselves', async () => {
    const url = atlas!.url;
    const baseline = await faultBaseline(url);
    expect(baseline).toBeGreaterThan(50);
    expect(await readyStatus(url)).toBe(200);
    const local = atlas!.database.local!;
    const firstPid = local.pid;
    expect(local.restarts).toBe(0);

    const load = askUnderLoad(url, baseline, { pauseMs: 20 });
    const { outcomes } = load;
    await load.untilCorrect(12);
    const ready = pollReady();
    await killJvm();
    const killedAt = outcomes.length;
    await waitFor(() => (ready.seen.includes(503) ? true : undefined), 10000, 'readiness 503');
    await waitUntilReady();
    await waitFor(
      () => (outcomes.slice(-6).every((o) => o.kind === 'correct') ? true : undefined),
      30000,
      'six correct answers in a row',
    );
    const back = outcomes.length;
    await sleep(1000);
    await load.stop();
    await ready.stop();
    process.stderr.write(`supervision test: ${outcomes.length} requests, readiness ${ready.seen.join(' ')}\n`);

    expect(local.restarts).toBe(1);
    expect(local.pid).not.toBe(firstPid);
    expect(isAlive(firstPid)).toBe(false);
    expect(outcomes.slice(0, killedAt).filter((o) => o.kind === 'correct').length).toBeGreaterThanOrEqual(12);
    expect(outcomes.filter((o) => o.kind === 'wrong')).toEqual([]);
    expect(distinctErrors(outcomes, DATABASE_FAULT_CODES)).toEqual([]);
    expect(outcomes.slice(killedAt).some((o) => o.kind === 'error')).toBe(true);
    expect(outcomes.slice(back).every((o) => o.kind === 'correct')).toBe(true);
    expect(ready.seen.indexOf(503)).toBeLessThan(ready.seen.lastIndexOf(200));
    expect(ready.seen[ready.seen.length - 1]).toBe(200);
  }, 180000);

  describe('killed during a reseed', () => {
    const revisedCount = async () => {
      const [row] = await atlas!.database.gateway.read(
        "MATCH (c:Concept {origin: 'seed'}) RETURN count(c) AS all, sum(CASE WHEN c.summaryEn STARTS WITH 'Revised: ' THEN 1 ELSE 0 END) AS revised",
      );
      return row as { all: number; revised: number };
    };

    it('leaves the old seed whole when the JVM dies inside the seeding transaction', async () => {
      const gateway = atlas!.database.gateway;
      const before = await graphSnapshot(gateway);
      const counts = await revisedCount();
      expect(counts.revised).toBe(0);
      let killed = false;
      const attempt = syncSeed(gateway, checkSeed(revisedDir), {
        batchSize: 10,
        hooks: {
          afterBatch: async (_step, batch) => {
            if (batch === 3 && !killed) {
              killed = true;
              await killJvm();
            }
          },
        },
      });
      await expect(attempt).rejects.toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
      expect(killed).toBe(true);

      const ready = pollReady();
      await waitUntilReady();
      await ready.stop();
      expect(await graphSnapshot(gateway)).toEqual(before);
      expect(await revisedCount()).toEqual({ all: counts.all, revised: 0 });
    }, 180000);

    it('is wholly the old or wholly the new seed when the JVM dies at any moment of a seed run', async () => {
      const gateway = atlas!.database.gateway;
      const shipped = checkSeed(path.join(ROOT, 'seed'));
      const revised = checkSeed(revisedDir);
      const oldState = await graphSnapshot(gateway, ['seededAt']);
      await syncSeed(gateway, revised, { batchSize: 5 });
      const newState = await graphSnapshot(gateway, ['seededAt']);
      expect(newState).not.toEqual(oldState);
      const { all } = await revisedCount();
      expect(await revisedCount()).toEqual({ all, revised: all });
      // Back again, timed on a warm database: how long one run takes now, so the kill below lands inside one.
      const started = performance.now();
      await syncSeed(gateway, shipped, { batchSize: 5 });
      const seedMs = performance.now() - started;
      expect(await graphSnapshot(gateway, ['seededAt'])).toEqual(oldState);

      // The revised seed again, with the JVM killed anywhere from early in the run to a little after its usual end.
      const killAfterMs = Math.round(seedMs * (0.1 + Math.random()));
      const attempt = syncSeed(gateway, revised, { batchSize: 5 }).then(
        () => 'committed',
        (error: { extensions?: { code?: string } }) => String(error.extensions?.code),
      );
      await sleep(killAfterMs);
      await killJvm();
      const outcome = await attempt;
      const ready = pollReady();
      await waitUntilReady();
      await ready.stop();

      const after = await graphSnapshot(gateway, ['seededAt']);
      const counts = await revisedCount();
      const holds = counts.revised === 0 ? 'shipped seed: the run was rolled back' : 'revised seed: the run committed';
      process.stderr.write(
        `supervision test: killed ${killAfterMs} ms into a seed run that took ${Math.round(seedMs)} ms before (${outcome}); the graph holds the ${holds}\n`,
      );
      expect(['committed', 'DATABASE_UNAVAILABLE']).toContain(outcome);
      if (counts.revised === 0) {
        expect(outcome).toBe('DATABASE_UNAVAILABLE');
        expect(counts).toEqual({ all, revised: 0 });
        expect(after).toEqual(oldState);
      } else {
        expect(counts).toEqual({ all, revised: all });
        expect(after).toEqual(newState);
      }
    }, 240000);
  });

  it('a normal shutdown stops the database for good', async () => {
    const local = atlas!.database.local!;
    const pid = local.pid;
    const restarts = local.restarts;
    await atlas!.stop();
    expect(isAlive(pid)).toBe(false);
    await sleep(2000);
    expect(local.restarts).toBe(restarts);
    expect(local.pid).toBe(pid);
  }, 60000);
});

describe('the built service (npm start) with a database that keeps dying', () => {
  it('restarts it, then gives up with a fatal line and exit code 1', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-crashing-'));
    const run = runMain({
      NEO4J_URI: '',
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      NEO4J_LOCAL_PORT: '0',
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
      NEO4J_LOCAL_MAX_RESTARTS: '1',
      NEO4J_LOCAL_RESTART_DELAY_MS: '100',
    });
    const jvmPids = () =>
      run.lines.filter((line) => line.msg === 'local Neo4j is ready').map((line) => Number(line.pid));
    try {
      await waitFor(() => run.lines.find((line) => typeof line.graphql === 'string'), 120000, 'the service to serve');
      const [first] = jvmPids();
      process.kill(first, 'SIGKILL');
      await waitFor(
        () => run.lines.find((line) => line.msg === 'the local Neo4j is back after a restart'),
        RECOVERY_MS,
        'the restart',
      );
      const second = jvmPids()[1];
      expect(second).not.toBe(first);
      process.kill(second, 'SIGKILL');
      expect(await run.exited).toBe(1);

      const stopped = run.lines.filter(
        (line) => line.level === 50 && String(line.msg).startsWith('the local Neo4j stopped unexpectedly'),
      );
      expect(stopped.map((line) => line.reason)).toEqual(['signal SIGKILL', 'signal SIGKILL']);
      expect(stopped[0].msg).toBe('the local Neo4j stopped unexpectedly (signal SIGKILL): restarting it in 100 ms');
      expect(Array.isArray(stopped[0].lastOutput)).toBe(true);
      const fatal = run.lines.filter((line) => line.level === 60);
      expect(fatal).toHaveLength(1);
      expect(String(fatal[0].msg)).toMatch(
        /^The local Neo4j stopped 2 times within 300 s \(last: signal SIGKILL\); giving up instead of restarting it again\./,
      );
      expect(jvmPids()).toHaveLength(2);
      expect(isAlive(second)).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300000);
});
