import { setTimeout as sleep } from 'node:timers/promises';

import { startAtlas, type Atlas } from '../src/app';
import type { LocalNeo4j } from '../src/neo4j/local';
import {
  askFault,
  askUnderLoad,
  distinctErrors,
  faultBaseline,
  ownNeo4j,
  type OwnNeo4j,
  readyStatus,
  testConfig,
  testLogger,
} from './support/server';

/**
 * The database stops answering without going away (its JVM frozen with SIGSTOP: connections stay open, nothing comes
 * back). A frozen server enforces no transaction timeout, so only the gateway's own deadline can end a request: every
 * request must fail with DATABASE_TIMEOUT soon after NEO4J_QUERY_TIMEOUT_MS, readiness must turn 503, and answers
 * must come back as soon as the JVM runs again. The test uses a Neo4j of its own, never the shared one.
 */

const QUERY_TIMEOUT_MS = 3000;
const PING_TIMEOUT_MS = 1500;
const FREEZE_MS = 8000;
// The deadline is the timeout plus the gateway's 500 ms margin; the rest is slack for a busy 2-core machine.
const REQUEST_BOUND_MS = QUERY_TIMEOUT_MS + 500 + 3000;
const READY_BOUND_MS = PING_TIMEOUT_MS + 500 + 3000;
const silent = testLogger();

describe('a database that hangs', () => {
  let own: OwnNeo4j | undefined;
  let neo4j: LocalNeo4j | undefined;
  let atlas: Atlas | undefined;
  let frozen = false;

  beforeAll(async () => {
    own = await ownNeo4j('hang');
    neo4j = await own.start();
    // Seeding and the first queries on a cold database are slow on a busy machine: they run once with the default
    // timeouts, so the short ones below only ever meet a warm database.
    const seeding = await startAtlas(testConfig({ NEO4J_URI: neo4j.uri }), silent);
    await seeding.stop();
    // The connect timeout is longer than the deadline on purpose: a connection attempt to a frozen server hangs in
    // its handshake, and the answer must still be our DATABASE_TIMEOUT at the deadline, not a late connect error.
    atlas = await startAtlas(
      testConfig({
        NODE_ENV: 'development',
        NEO4J_URI: neo4j.uri,
        NEO4J_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
        NEO4J_PING_TIMEOUT_MS: String(PING_TIMEOUT_MS),
        NEO4J_CONNECT_TIMEOUT_MS: '15000',
        NEO4J_RETRY_TIME_MS: '500',
        // Cached answers would keep coming while the database hangs and hide the timeouts this suite looks for.
        RESPONSE_CACHE_BYTES: '0',
      }),
      silent,
    );
  }, 180000);

  afterAll(async () => {
    // Whatever failed, the JVM must run again, or stopping it would wait for ever.
    if (frozen && neo4j) process.kill(neo4j.pid, 'SIGCONT');
    await atlas?.stop();
    await neo4j?.stop();
    own?.remove();
  });

  it('fails each request with DATABASE_TIMEOUT at its deadline, turns unready, and answers again right after SIGCONT', async () => {
    const url = atlas!.url;
    let baseline = 0;
    for (let tries = 0; baseline === 0 && tries < 20; tries += 1) baseline = await faultBaseline(url);
    expect(baseline).toBeGreaterThan(50);
    // A probe can miss its short deadline now and then on a busy machine; readiness must settle at 200.
    const settlesReady = async () => {
      for (let tries = 0; tries < 5; tries += 1) if ((await readyStatus(url)) === 200) return true;
      return false;
    };
    expect(await settlesReady()).toBe(true);
    const driverBefore = atlas!.database.driver;

    const load = askUnderLoad(url, baseline);
    const { outcomes } = load;
    await load.untilCorrect(12);

    const readiness: { status: number; ms: number }[] = [];
    let resumedAt = 0;
    try {
      process.kill(neo4j!.pid, 'SIGSTOP');
      frozen = true;
      const frozenAt = Date.now();
      while (Date.now() - frozenAt < FREEZE_MS) {
        const started = Date.now();
        const status = await readyStatus(url);
        readiness.push({ status, ms: Date.now() - started });
        await sleep(300);
      }
    } finally {
      process.kill(neo4j!.pid, 'SIGCONT');
      frozen = false;
      resumedAt = Date.now();
    }

    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - resumedAt < 15000) {
      const outcome = await askFault(url, baseline);
      if (outcome.kind === 'correct') recoveredAt = Date.now();
    }
    await sleep(1500);
    await load.stop();

    const errors = outcomes.filter((o) => o.kind === 'error');
    process.stderr.write(
      `hang test: ${outcomes.length} requests, ${errors.length} DATABASE_TIMEOUT, slowest ${Math.max(...outcomes.map((o) => o.ms))} ms, ` +
        `readiness ${readiness.map((r) => `${r.status}/${r.ms}ms`).join(' ')}, answering again ${((recoveredAt - resumedAt) / 1000).toFixed(1)} s after SIGCONT\n`,
    );

    // Every client was stuck on the frozen database at least once, and each of them got the timeout error.
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(distinctErrors(outcomes)).toEqual([
      'DATABASE_TIMEOUT: The database took too long to answer and the query was stopped. Ask for less (smaller first/limit/depth) or try again.',
    ]);
    expect(outcomes.filter((o) => o.kind === 'wrong')).toEqual([]);
    // No request, whenever it came, waited much past the deadline, though the freeze lasted far longer.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(REQUEST_BOUND_MS);
    expect(Math.min(...errors.map((o) => o.ms))).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS);

    expect(readiness.some((r) => r.status === 503)).toBe(true);
    expect(Math.max(...readiness.map((r) => r.ms))).toBeLessThan(READY_BOUND_MS);

    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveredAt - resumedAt).toBeLessThan(5000);
    const afterRecovery = outcomes.filter((o) => o.startedAt > recoveredAt);
    expect(afterRecovery.length).toBeGreaterThan(6);
    expect(afterRecovery.every((o) => o.kind === 'correct')).toBe(true);
    expect(await settlesReady()).toBe(true);
    // The driver whose connections hung was retired: new requests run on fresh connections.
    expect(atlas!.database.driver).not.toBe(driverBefore);
  }, 120000);
});
