import { startAtlas, type Atlas } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';

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
  const logger =
    options.logger ?? createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'info') ?? 'silent', logPretty: false });
  const atlas = await startAtlas(config, logger);
  const url = atlas.url;
  return {
    atlas,
    url,
    config,
    async gql(query, variables, headers = {}) {
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
    },
    stop: () => atlas.stop(),
  };
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
