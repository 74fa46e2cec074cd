import { setTimeout as sleep } from 'node:timers/promises';

import { startAtlas, type Atlas } from '../src/app';
import type { LocalNeo4j } from '../src/neo4j/local';
import {
  DATABASE_FAULT_CODES,
  askFault,
  askUnderLoad,
  distinctErrors,
  faultBaseline,
  ownNeo4j,
  type OwnNeo4j,
  readyStatus,
  testConfig,
  testLogger,
  type FaultOutcome,
} from './support/server';

/**
 * The database goes away under steady load and comes back: every answer must be either correct or a clear error,
 * readiness must follow the database, and the API must recover by itself without a restart.
 */

const silent = testLogger();

describe('database outage under load', () => {
  let own: OwnNeo4j | undefined;
  let neo4j: LocalNeo4j | undefined;
  let atlas: Atlas | undefined;

  // A restarted database plans every query afresh on a cold page cache; on a busy machine the first answers can take
  // seconds, so the query timeout here is generous. Fast failure while the database is away does not depend on it:
  // refused connections fail at once.
  beforeAll(async () => {
    own = await ownNeo4j('outage');
    neo4j = await own.start();
    // Development mode: an unexpected error keeps its real message, so a failure here says what went wrong. The
    // response cache off: it would answer the repeated question without the database, which is what is tested here.
    atlas = await startAtlas(
      testConfig({
        NODE_ENV: 'development',
        RESPONSE_CACHE_BYTES: '0',
        NEO4J_URI: neo4j.uri,
        NEO4J_CONNECT_TIMEOUT_MS: '1000',
        NEO4J_RETRY_TIME_MS: '500',
        NEO4J_QUERY_TIMEOUT_MS: '10000',
      }),
      silent,
    );
  }, 180000);

  afterAll(async () => {
    await atlas?.stop();
    await neo4j?.stop();
    own?.remove();
  });

  it('answers correctly or with DATABASE_UNAVAILABLE, turns unready, and recovers by itself', async () => {
    const url = atlas!.url;
    const baseline = await faultBaseline(url);
    expect(baseline).toBeGreaterThan(50);
    expect(await readyStatus(url)).toBe(200);
    const ask = () => askFault(url, baseline);

    const load = askUnderLoad(url, baseline);
    await load.untilCorrect(11);
    await neo4j!.stop();
    const downAt = load.outcomes.length;

    // While it is down: fast, clear errors and readiness 503.
    const during: FaultOutcome[] = [];
    for (let i = 0; i < 5; i += 1) during.push(await ask());
    expect(during.every((o) => o.kind === 'error' && o.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(Math.max(...during.map((o) => o.ms))).toBeLessThan(5000);
    expect(await readyStatus(url)).toBe(503);

    neo4j = await own!.start();
    const backAt = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - backAt < 20000) {
      recovered = (await ask()).kind === 'correct';
      if (!recovered) await sleep(200);
    }
    const recoverySeconds = (Date.now() - backAt) / 1000;
    await sleep(1000);
    await load.stop();
    const { outcomes } = load;

    expect(recovered).toBe(true);
    process.stderr.write(`outage test: recovered ${recoverySeconds.toFixed(1)} s after the database was back\n`);
    expect(recoverySeconds).toBeLessThan(20);
    expect(await readyStatus(url)).toBe(200);
    expect(outcomes.filter((o) => o.kind === 'wrong')).toEqual([]);
    expect(distinctErrors(outcomes, DATABASE_FAULT_CODES)).toEqual([]);
    expect(outcomes.slice(0, downAt).filter((o) => o.kind === 'correct').length).toBeGreaterThan(10);
    expect(outcomes.slice(-5).every((o) => o.kind === 'correct')).toBe(true);
  }, 120000);
});
