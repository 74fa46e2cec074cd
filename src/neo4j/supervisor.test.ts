import { setTimeout as sleep } from 'node:timers/promises';

import type { LocalNeo4jConfig } from '../config';
import { createLogger } from '../logger';
import type { LocalExit, LocalNeo4j } from './local';
import { superviseLocalNeo4j } from './supervisor';

/** The restart policy on its own, with stand-in processes that exit when told to (the JVM tests are in test/). */

const silent = createLogger({ logLevel: 'silent', logPretty: false });
const config = (restart: LocalNeo4jConfig['restart']): LocalNeo4jConfig => ({
  port: 0,
  dataDir: 'data',
  heap: '512m',
  pageCache: '64m',
  restart,
});

/** Waits until `condition` holds, checking every few milliseconds; fails after `ms` saying what it waited for. */
async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(5);
  }
}

interface FakeProcess extends LocalNeo4j {
  die(exit: Partial<LocalExit>): void;
  stopped: boolean;
}

function fakeLauncher() {
  const launched: FakeProcess[] = [];
  const ports: number[] = [];
  const launch = async (local: LocalNeo4jConfig): Promise<LocalNeo4j> => {
    ports.push(local.port);
    let die!: (exit: LocalExit) => void;
    const exited = new Promise<LocalExit>((resolve) => (die = resolve));
    const fake: FakeProcess = {
      uri: 'bolt://127.0.0.1:7999',
      port: 7999,
      pid: 1000 + launched.length,
      dataDir: local.dataDir,
      exited,
      stopped: false,
      die: (exit) => die({ code: null, signal: null, lastOutput: [], ...exit }),
      async stop() {
        fake.stopped = true;
        die({ code: 0, signal: null, lastOutput: [] });
      },
    };
    launched.push(fake);
    return fake;
  };
  return { launch, launched, ports };
}

describe('superviseLocalNeo4j', () => {
  it('starts a process again on the same port after it dies, and follows its pid', async () => {
    const { launch, launched, ports } = fakeLauncher();
    const local = await superviseLocalNeo4j(
      config({ maxRestarts: 3, windowMs: 60000, delayMs: 10 }),
      '.',
      silent,
      1000,
      launch,
    );
    expect(local.pid).toBe(1000);
    launched[0].die({ signal: 'SIGKILL' });
    await until(() => local.restarts === 1, 'the restart');
    expect(launched).toHaveLength(2);
    expect(ports).toEqual([0, 7999]);
    expect(local.restarts).toBe(1);
    expect(local.pid).toBe(1001);
    await local.stop();
    expect(launched[1].stopped).toBe(true);
  });

  it('gives up, once, after more than maxRestarts crashes within the window', async () => {
    const { launch, launched } = fakeLauncher();
    const local = await superviseLocalNeo4j(
      config({ maxRestarts: 2, windowMs: 60000, delayMs: 5 }),
      '.',
      silent,
      1000,
      launch,
    );
    const reasons: string[] = [];
    local.onGiveUp((error) => reasons.push(error.message));
    launched[0].die({ code: 137 });
    await until(() => local.restarts === 1, 'the first restart');
    launched[1].die({ signal: 'SIGKILL' });
    await until(() => local.restarts === 2, 'the second restart');
    expect(reasons).toEqual([]);
    launched[2].die({ code: 3 });
    await until(() => reasons.length > 0, 'giving up');
    expect(launched).toHaveLength(3);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^The local Neo4j stopped 3 times within 60 s \(last: code 3\); giving up/);
    // A listener that comes late still hears it.
    const late: string[] = [];
    local.onGiveUp((error) => late.push(error.message));
    expect(late).toEqual(reasons);
    await local.stop();
  });

  it('counts a restart that fails as a crash and tries again', async () => {
    const { launch, launched } = fakeLauncher();
    let attempts = 0;
    const flaky = (local: LocalNeo4jConfig) => {
      attempts += 1;
      return attempts === 2
        ? Promise.reject(new Error('The local Neo4j exited (code 1) before it was ready. Last output:\nno space left'))
        : launch(local);
    };
    const local = await superviseLocalNeo4j(
      config({ maxRestarts: 2, windowMs: 60000, delayMs: 5 }),
      '.',
      silent,
      1000,
      flaky,
    );
    let gaveUp = false;
    local.onGiveUp(() => (gaveUp = true));
    launched[0].die({ signal: 'SIGKILL' });
    await until(() => local.restarts === 1, 'the restart after the failed one');
    expect(attempts).toBe(3);
    expect(launched).toHaveLength(2);
    expect(local.pid).toBe(1001);
    expect(local.restarts).toBe(1);
    expect(gaveUp).toBe(false);
    await local.stop();
  });

  it('forgets crashes older than the window', async () => {
    const { launch, launched } = fakeLauncher();
    const local = await superviseLocalNeo4j(
      config({ maxRestarts: 1, windowMs: 1000, delayMs: 5 }),
      '.',
      silent,
      1000,
      launch,
    );
    let gaveUp = false;
    local.onGiveUp(() => (gaveUp = true));
    launched[0].die({ code: 1 });
    await until(() => local.restarts === 1, 'the first restart');
    // The window has to pass for real: that is what is under test.
    await sleep(1100);
    launched[1].die({ code: 1 });
    await until(() => launched.length === 3, 'the second restart');
    expect(gaveUp).toBe(false);
    await local.stop();
  });

  it('never restarts after stop(), even when stopped while a restart is waiting', async () => {
    const { launch, launched } = fakeLauncher();
    const local = await superviseLocalNeo4j(
      config({ maxRestarts: 5, windowMs: 60000, delayMs: 50 }),
      '.',
      silent,
      1000,
      launch,
    );
    await local.stop();
    await sleep(100);
    expect(launched).toHaveLength(1);

    const second = fakeLauncher();
    const again = await superviseLocalNeo4j(
      config({ maxRestarts: 5, windowMs: 60000, delayMs: 50 }),
      '.',
      silent,
      1000,
      second.launch,
    );
    second.launched[0].die({ signal: 'SIGKILL' });
    await again.stop();
    await sleep(150);
    expect(second.launched).toHaveLength(1);
  });
});
