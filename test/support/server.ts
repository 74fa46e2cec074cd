import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { startAtlas, type Atlas } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { type LocalNeo4j, freePort, startLocalNeo4j } from '../../src/neo4j/local';
import { waitFor } from './main-process';

export interface TestServer {
  atlas: Atlas;
  url: string;
  config: Config;
  /** POSTs a GraphQL request and returns the HTTP status, the parsed body and the headers. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  };
  headers: Headers;
}

/** Every test server signs learner tokens with this, so a token from one is good on another (as across replicas). */
export const TEST_TOKEN_SECRET = 'test-learner-token-secret-0123456789abcdef';

/** The configuration tests run with: the test database (NEO4J_URI from the global setup), a free port. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LEARNER_TOKEN_SECRET: TEST_TOKEN_SECRET,
    ...overrides,
  });
}

/** Starts the real service (real HTTP, real Neo4j) on a free port; pass a logger to read what it logs. */
export async function startTestServer(
  overrides: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestServer> {
  const config = testConfig(overrides);
  const atlas = await startAtlas(config, options.logger ?? testLogger());
  const url = atlas.url;
  return {
    atlas,
    url,
    config,
    gql: (query, variables, headers) => postGql(url, query, variables, headers),
    stop: () => atlas.stop(),
  };
}

/** The logger of a service under test: silent unless TEST_LOG_LEVEL asks for more. */
export function testLogger(): Logger {
  return createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'info') ?? 'silent', logPretty: false });
}

/** POSTs a GraphQL request to `url` and returns the HTTP status, the parsed body and the headers. */
export async function postGql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`The server did not answer JSON (HTTP ${response.status}): ${text.slice(0, 500)}`);
  }
  return { status: response.status, body, headers: response.headers };
}

export interface UseTestServerOptions {
  /** Receives what the server logs; by default it logs nothing (TEST_LOG_LEVEL raises that). */
  logger?: Logger;
  /** Runs once the server is up, before the suite's first test: for data the suite adds to the shared graph. */
  seed?: (server: TestServer) => Promise<unknown>;
  /** Runs after the suite's last test, before the server stops: undoes what `seed` added. */
  cleanup?: (server: TestServer) => Promise<unknown>;
}

/**
 * The suite's real server on the shared test database: started in a beforeAll, stopped in an afterAll. The returned
 * object stands for the running server, so it can be declared at the top of a file and used inside tests and hooks.
 * Seeding and cleaning up go through `options`, because jest runs afterAll hooks in the order they are declared and a
 * suite's own afterAll would otherwise run after the server has stopped.
 */
export function useTestServer(overrides: Record<string, string> = {}, options: UseTestServerOptions = {}): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(overrides, { logger: options.logger });
    await options.seed?.(running);
  });
  afterAll(async () => {
    if (!running) return;
    try {
      await options.cleanup?.(running);
    } finally {
      await running.stop();
      running = undefined;
    }
  });
  return new Proxy({} as TestServer, {
    get(_target, property) {
      if (!running) {
        throw new Error(
          `The test server is not running: read server.${String(property)} inside a test or a hook of the suite that called useTestServer().`,
        );
      }
      return running[property as keyof TestServer];
    },
  });
}

/** What the database-fault suites ask again and again: both of its fields need the database. */
export const FAULT_QUERY = '{ stats { concepts relations } concept(slug: "container") { slug } }';

/** The codes a request may fail with while the database is away or too slow; any other error is a defect. */
export const DATABASE_FAULT_CODES: readonly string[] = ['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT'];

/** One answer to FAULT_QUERY, sorted: correct, an error with its code (the first), or wrong (kept whole to show). */
export type FaultOutcome = { startedAt: number; ms: number } & (
  { kind: 'correct' } | { kind: 'error'; code: string; message: string } | { kind: 'wrong'; body: string }
);

interface FaultData {
  stats: { concepts: number };
  concept: { slug: string } | null;
}

/** How many concepts FAULT_QUERY counts while the database is well: what a correct answer must say; 0 for none. */
export async function faultBaseline(url: string): Promise<number> {
  const { body } = await postGql<FaultData>(url, FAULT_QUERY);
  return body.data?.stats.concepts ?? 0;
}

/** Asks FAULT_QUERY once; correct is the `container` concept and `concepts` concepts in all. */
export async function askFault(url: string, concepts: number): Promise<FaultOutcome> {
  const startedAt = Date.now();
  const { body } = await postGql<FaultData>(url, FAULT_QUERY);
  const ms = Date.now() - startedAt;
  const error = body.errors?.[0];
  if (error) return { kind: 'error', code: String(error.extensions?.code), message: error.message, startedAt, ms };
  const correct = body.data?.concept?.slug === 'container' && body.data.stats.concepts === concepts;
  return correct ? { kind: 'correct', startedAt, ms } : { kind: 'wrong', body: JSON.stringify(body), startedAt, ms };
}

/** Each distinct error among `outcomes` as "CODE: message", leaving out those whose code is in `except`. */
export function distinctErrors(outcomes: readonly FaultOutcome[], except: readonly string[] = []): string[] {
  const errors = outcomes.flatMap((o) =>
    o.kind === 'error' && !except.includes(o.code) ? [`${o.code}: ${o.message}`] : [],
  );
  return [...new Set(errors)];
}

/**
 * `clients` clients that each ask FAULT_QUERY (see askFault) one request after another, pausing `pauseMs` in between,
 * until stopped: the load a fault suite breaks the database under. `outcomes` fills in as the answers come. A request
 * that gets no HTTP answer at all ends the load and is thrown by `stop()`, so a suite that failed early and stopped its
 * server leaves no client asking into the void.
 */
export function askUnderLoad(url: string, concepts: number, { clients = 6, pauseMs = 0 } = {}) {
  const outcomes: FaultOutcome[] = [];
  let running = true;
  let failure: { error: unknown } | undefined;
  const loops = Array.from({ length: clients }, async () => {
    try {
      while (running && !failure) {
        outcomes.push(await askFault(url, concepts));
        if (pauseMs > 0) await sleep(pauseMs);
      }
    } catch (error) {
      failure ??= { error };
    }
  });
  return {
    outcomes,
    /** Waits for `count` correct answers in all: on a busy machine answers can take longer to flow than a fixed pause. */
    untilCorrect: (count: number) =>
      waitFor(
        () => {
          if (failure) throw failure.error;
          return outcomes.filter((o) => o.kind === 'correct').length >= count ? true : undefined;
        },
        30000,
        `${count} correct answers`,
      ),
    stop: async () => {
      running = false;
      await Promise.all(loops);
      if (failure) throw failure.error;
    },
  };
}

/** The HTTP status of the service's readiness probe, for the service whose GraphQL endpoint is `url`. */
export function readyStatus(url: string): Promise<number> {
  return fetch(url.replace('/graphql', '/health/ready')).then((r) => r.status);
}

export interface OwnNeo4j {
  start(): Promise<LocalNeo4j>;
  remove(): void;
}

/**
 * A Neo4j of the suite's own, never the shared test database, for a suite that stops or freezes it: a fresh data
 * folder (`atlas-<name>-…`) and a free port, the same each time `start()` starts it. `remove()` deletes the folder once
 * the database is stopped.
 */
export async function ownNeo4j(name: string): Promise<OwnNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${name}-`));
  const config = testConfig({
    NEO4J_URI: '',
    NEO4J_LOCAL_PORT: String(await freePort()),
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_LOCAL_HEAP: '512m',
    NEO4J_LOCAL_PAGECACHE: '64m',
  });
  return {
    start: () => startLocalNeo4j(config.local, config.rootDir, testLogger(), 120000),
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
