import { startAtlas, type Atlas } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';

export interface TestServer {
  atlas: Atlas;
  url: string;
  config: Config;
  /** POSTs a GraphQL request and returns the HTTP status, the parsed body and the headers. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] };
  headers: Headers;
}

/** Every test server signs learner tokens with this, so a token from one is good on another (as across replicas). */
export const TEST_TOKEN_SECRET = 'test-learner-token-secret-0123456789abcdef';

/** The configuration tests run with: the test database (NEO4J_URI from the global setup), a free port. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LEARNER_TOKEN_SECRET: TEST_TOKEN_SECRET, ...overrides });
}

/** Starts the real service (real HTTP, real Neo4j) on a free port; pass a logger to read what it logs. */
export async function startTestServer(overrides: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const logger = options.logger ?? createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'info') ?? 'silent', logPretty: false });
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
