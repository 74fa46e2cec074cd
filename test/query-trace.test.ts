import { setTimeout as sleep } from 'node:timers/promises';

import neo4j from 'neo4j-driver';
import pino from 'pino';

import { createDriver } from '../src/neo4j/driver';
import { Neo4jGateway, type QueryStats } from '../src/neo4j/gateway';
import { testConfig, useTestServer } from './support/server';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  operationName?: string;
  cypher?: string;
  params?: Record<string, unknown>;
  ms?: number;
  err?: { message: string };
}

function capturedLogger(level: 'debug' | 'info') {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}

/** Every Cypher statement can be traced back to the GraphQL request that sent it, in the log and in Neo4j itself. */
describe('queries you can follow', () => {
  describe('through the real server', () => {
    const { logger, lines } = capturedLogger('debug');
    const server = useTestServer({}, { logger });

    it('debug-logs each statement of a request with its parameters, its duration, the request id and the operation name', async () => {
      lines.length = 0;
      const { body } = await server.gql('query DockerKind { concept(slug: "docker") { slug kind } }', undefined, {
        'x-request-id': 'trace-log-1',
      });
      expect(body).toEqual({ data: { concept: { slug: 'docker', kind: 'PRODUCT' } } });
      const statements = lines.filter((line) => line.msg === 'cypher statement' && line.requestId === 'trace-log-1');
      expect(statements.length).toBeGreaterThanOrEqual(1);
      const concept = statements.find((line) => JSON.stringify(line.params).includes('"docker"'));
      expect(concept).toBeDefined();
      expect(concept!.operationName).toBe('DockerKind');
      expect(concept!.cypher).toMatch(/MATCH/);
      expect(typeof concept!.ms).toBe('number');
      expect(concept!.ms).toBeGreaterThanOrEqual(0);
    });
  });

  describe('through a gateway view', () => {
    const config = testConfig();
    const { logger, lines } = capturedLogger('debug');
    const driver = createDriver(config.neo4j.uri!, config.neo4j, logger);
    const gateway = new Neo4jGateway(driver, {
      database: config.neo4j.database,
      queryTimeoutMs: 30000,
      retryTimeMs: 0,
      logger,
    });
    afterAll(() => gateway.close());

    it('names the request and its operation in the metadata of a transaction while it runs', async () => {
      const stats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
      const view = gateway.withStats(stats, { requestId: 'trace-slow-1', operationName: 'SlowOne' });
      // Slow on purpose: long enough for another session to see it among the running transactions.
      const slow = view.read('UNWIND range(1, $upTo) AS x WITH x WHERE x < 0 RETURN count(x) AS n', {
        upTo: 30_000_000,
      });
      const watcher = driver.session({ database: config.neo4j.database, defaultAccessMode: neo4j.session.READ });
      let seen: Record<string, unknown> | undefined;
      try {
        for (let attempt = 0; attempt < 200 && !seen; attempt++) {
          const result = await watcher.run(
            'SHOW TRANSACTIONS YIELD currentQuery, metaData RETURN currentQuery, metaData',
          );
          seen = result.records
            .map((record) => ({
              query: record.get('currentQuery') as string,
              metaData: record.get('metaData') as Record<string, unknown>,
            }))
            .find((tx) => tx.query.includes('UNWIND range(1, $upTo)'))?.metaData;
          if (!seen) await sleep(25);
        }
      } finally {
        await watcher.close();
      }
      expect(seen).toEqual({ app: 'container-atlas', requestId: 'trace-slow-1', operationName: 'SlowOne' });
      expect(await slow).toEqual([{ n: 0 }]);
      expect(stats.roundTrips).toBe(1);
      const logged = lines.find((line) => line.msg === 'cypher statement' && line.requestId === 'trace-slow-1');
      expect(logged).toMatchObject({
        operationName: 'SlowOne',
        cypher: 'UNWIND range(1, $upTo) AS x WITH x WHERE x < 0 RETURN count(x) AS n',
        params: { upTo: 30_000_000 },
      });
      expect(logged!.ms).toBeGreaterThan(0);
    }, 60000);

    it('logs a failed statement with its text and parameters, shortening a long one', async () => {
      const view = gateway.withStats({ roundTrips: 0, dbTimeMs: 0 }, { requestId: 'trace-fail-1' });
      const long = 'x'.repeat(5000);
      await expect(view.read('RETURN $slug +* AS broken', { slug: 'docker', long })).rejects.toThrow();
      const failed = lines.find((line) => line.msg === 'Cypher query failed' && line.requestId === 'trace-fail-1');
      expect(failed).toBeDefined();
      expect(failed!.cypher).toBe('RETURN $slug +* AS broken');
      expect(failed!.params).toEqual({ slug: 'docker', long: `${'x'.repeat(200)}… (5000 chars)` });
      expect(failed!.err).toBeDefined();
    });

    it('debug-logs each statement of a write transaction', async () => {
      const view = gateway.withStats({ roundTrips: 0, dbTimeMs: 0 }, { requestId: 'trace-write-1' });
      await view.writeTransaction(async (tx) => {
        await tx.run('RETURN $a AS a', { a: 1 });
        await tx.run('RETURN $b AS b', { b: 'two' });
      });
      const logged = lines
        .filter((line) => line.msg === 'cypher statement' && line.requestId === 'trace-write-1')
        .map((line) => [line.cypher, line.params]);
      expect(logged).toEqual([
        ['RETURN $a AS a', { a: 1 }],
        ['RETURN $b AS b', { b: 'two' }],
      ]);
    });
  });
});
