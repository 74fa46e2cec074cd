import crypto from 'node:crypto';

import pino from 'pino';

import { useTestServer } from './support/server';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  operationName?: string;
  code?: string;
  ms?: number;
  roundTrips?: number;
  errors?: string[];
}

/** The Apollo plugins of src/http/plugins, each through the real server: headers, status, caching and logs. */
describe('Apollo plugins', () => {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  // The response cache off: a repeated question would be answered from it, and these plugins would not run.
  const server = useTestServer({ CACHE_MAX_AGE_SECONDS: '120', RESPONSE_CACHE_BYTES: '0' }, { logger });

  const linesOf = (requestId: string, msg: string) =>
    lines.filter((line) => line.requestId === requestId && line.msg === msg);

  describe('useCacheControl', () => {
    it('lets shared caches keep a successful answer for the configured time', async () => {
      const { headers } = await server.gql('{ concept(slug: "docker") { slug } }');
      expect(headers.get('cache-control')).toBe('max-age=120, public');
    });

    it('keeps no answer with errors', async () => {
      const { headers, body } = await server.gql('{ concepts(first: -1) { totalCount } }');
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(headers.get('cache-control')).toBe('no-store');
    });

    it('keeps no quiz without a seed, and keeps one with a seed', async () => {
      expect((await server.gql('{ quiz(count: 3) { id } }')).headers.get('cache-control')).toBe('no-store');
      expect((await server.gql('{ quiz(count: 3, seed: 7) { id } }')).headers.get('cache-control')).toBe(
        'max-age=120, public',
      );
    });
  });

  describe('useResponseHeaders', () => {
    it('reports the round trips of a request and the graph version it was read from', async () => {
      const none = await server.gql('{ __typename }');
      expect(none.headers.get('x-db-round-trips')).toBe('0');
      const one = await server.gql('{ concept(slug: "docker") { slug } }');
      expect(one.headers.get('x-db-round-trips')).toBe('1');
      const { headers, body } = await server.gql('{ stats { seed { hash } } }');
      const hash = (body.data as { stats: { seed: { hash: string } } }).stats.seed.hash;
      expect(headers.get('x-graph-version')).toBe(hash.slice(0, 16));
    });
  });

  describe('useResponseStatus', () => {
    const unknownPersisted = (accept: string, text: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({
          extensions: {
            persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update(text).digest('hex') },
          },
        }),
      });

    it('answers 400 to an application/graphql-response+json request that gets no data, 200 to an application/json one', async () => {
      expect((await unknownPersisted('application/graphql-response+json', '{ plugin test one }')).status).toBe(400);
      expect((await unknownPersisted('application/json', '{ plugin test two }')).status).toBe(200);
    });
  });

  describe('useErrorLog', () => {
    it("logs a client's mistake as one info line with its code", async () => {
      await server.gql('{ concepts(first: -1) { totalCount } }', undefined, { 'x-request-id': 'plugin-error-1' });
      const logged = linesOf('plugin-error-1', 'request answered with an error');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 30, code: 'BAD_USER_INPUT' });
      expect(linesOf('plugin-error-1', 'unexpected error while resolving')).toEqual([]);
    });
  });

  describe('useRequestLog', () => {
    it('logs each request at debug level with its operation, duration, round trips and error codes', async () => {
      await server.gql('query PluginConcept { concept(slug: "docker") { slug } }', undefined, {
        'x-request-id': 'plugin-log-1',
      });
      const logged = linesOf('plugin-log-1', 'graphql request');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 20, operationName: 'PluginConcept', roundTrips: 1 });
      expect(logged[0].ms).toBeGreaterThanOrEqual(0);
      expect(logged[0].errors).toBeUndefined();
    });
  });
});
