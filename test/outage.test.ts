import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startAtlas, type Atlas } from '../src/app';
import { createLogger } from '../src/logger';
import { type LocalNeo4j, freePort, startLocalNeo4j } from '../src/neo4j/local';
import { testConfig } from './support/server';

/**
 * The database goes away under steady load and comes back: every answer must be either correct or a clear error,
 * readiness must follow the database, and the API must recover by itself without a restart.
 */

const QUERY = '{ stats { concepts relations } concept(slug: "container") { slug } }';
const silent = createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent', logPretty: false });

type Outcome =
  { kind: 'correct' } | { kind: 'error'; code: string; ms: number; message: string } | { kind: 'wrong'; body: string };

describe('database outage under load', () => {
  let dataDir: string;
  let port: number;
  let neo4j: LocalNeo4j | undefined;
  let atlas: Atlas | undefined;

  const localConfig = () =>
    testConfig({
      NEO4J_URI: '',
      NEO4J_LOCAL_PORT: String(port),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
    });

  // A restarted database plans every query afresh on a cold page cache; on a busy machine the first answers can take
  // seconds, so the query timeout here is generous. Fast failure while the database is away does not depend on it:
  // refused connections fail at once.
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-outage-'));
    port = await freePort();
    const config = localConfig();
    neo4j = await startLocalNeo4j(config.local, config.rootDir, silent, 120000);
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
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers correctly or with DATABASE_UNAVAILABLE, turns unready, and recovers by itself', async () => {
    const url = atlas!.url;
    const ready = () => fetch(url.replace('/graphql', '/health/ready')).then((r) => r.status);
    const ask = async (): Promise<Outcome> => {
      const started = Date.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as {
        data?: { stats: { concepts: number }; concept: { slug: string } | null } | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (body.errors?.length)
        return {
          kind: 'error',
          code: String(body.errors[0].extensions?.code),
          ms: Date.now() - started,
          message: body.errors[0].message,
        };
      const correct = body.data?.concept?.slug === 'container' && body.data.stats.concepts === baseline.concepts;
      return correct ? { kind: 'correct' } : { kind: 'wrong', body: JSON.stringify(body) };
    };

    const first = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const baseline = ((await first.json()) as { data: { stats: { concepts: number } } }).data.stats;
    expect(baseline.concepts).toBeGreaterThan(50);
    expect(await ready()).toBe(200);

    const outcomes: Outcome[] = [];
    let running = true;
    const clients = Array.from({ length: 6 }, async () => {
      for (let i = 0; running && i < 5000; i += 1) outcomes.push(await ask());
    });

    // Under load means answers are flowing; on a busy machine a fixed pause may not see many of them.
    for (
      const until = Date.now() + 30000;
      Date.now() < until && outcomes.filter((o) => o.kind === 'correct').length <= 10;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await neo4j!.stop();
    const downAt = outcomes.length;

    // While it is down: fast, clear errors and readiness 503.
    const during: Outcome[] = [];
    for (let i = 0; i < 5; i += 1) during.push(await ask());
    expect(during.every((o) => o.kind === 'error' && o.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(Math.max(...during.map((o) => (o.kind === 'error' ? o.ms : 0)))).toBeLessThan(5000);
    expect(await ready()).toBe(503);

    const config = localConfig();
    neo4j = await startLocalNeo4j(config.local, config.rootDir, silent, 120000);
    const backAt = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - backAt < 20000) {
      recovered = (await ask()).kind === 'correct';
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const recoverySeconds = (Date.now() - backAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    running = false;
    await Promise.all(clients);

    expect(recovered).toBe(true);
    process.stderr.write(`outage test: recovered ${recoverySeconds.toFixed(1)} s after the database was back\n`);
    expect(recoverySeconds).toBeLessThan(20);
    expect(await ready()).toBe(200);
    const wrong = outcomes.filter((o) => o.kind === 'wrong');
    expect(wrong).toEqual([]);
    const unexpected = new Set(
      outcomes.flatMap((o) =>
        o.kind === 'error' && o.code !== 'DATABASE_UNAVAILABLE' && o.code !== 'DATABASE_TIMEOUT'
          ? [`${o.code}: ${o.message}`]
          : [],
      ),
    );
    expect([...unexpected]).toEqual([]);
    expect(outcomes.slice(0, downAt).filter((o) => o.kind === 'correct').length).toBeGreaterThan(10);
    expect(outcomes.slice(-5).every((o) => o.kind === 'correct')).toBe(true);
  }, 120000);
});
