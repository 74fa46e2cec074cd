import { DatabaseTimeoutError } from '../src/errors';
import { createLogger } from '../src/logger';
import { createDriver } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { waitFor } from './support/main-process';
import { testConfig } from './support/server';
import { startTcpRelay } from './support/tcp-relay';

/**
 * The gateway's own deadline, against the real test database behind a TCP relay that can stop passing bytes: what a
 * frozen server or a half-open connection looks like to the driver (the socket stays open, nothing comes back).
 */
describe('the gateway deadline', () => {
  const config = testConfig();
  const target = new URL(config.neo4j.uri!.replace(/^\w+:/, 'http:'));
  const logger = createLogger({ logLevel: 'silent', logPretty: false });
  const QUERY_TIMEOUT_MS = 1000;

  it('fails a call the database never answers with DATABASE_TIMEOUT, and never reuses its connection', async () => {
    const relay = await startTcpRelay({ host: target.hostname, port: Number(target.port) });
    const neo4jConfig = { ...config.neo4j, connectTimeoutMs: 10000 };
    const gateway = new Neo4jGateway(createDriver(relay.uri, neo4jConfig, logger), {
      database: config.neo4j.database,
      queryTimeoutMs: QUERY_TIMEOUT_MS,
      retryTimeMs: 0,
      logger,
      replaceDriver: () => createDriver(relay.uri, neo4jConfig, logger),
    });
    try {
      expect(await gateway.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      const first = gateway.driver;
      expect(relay.counts()).toEqual({ opened: 1, closed: 0 });

      relay.freeze();
      const started = Date.now();
      const error = await gateway.read('RETURN 2 AS two').catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(DatabaseTimeoutError);
      // Deadline = timeout + 500 ms; the upper bound leaves room for a busy machine.
      expect(elapsed).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS + 500 - 20);
      expect(elapsed).toBeLessThan(QUERY_TIMEOUT_MS + 500 + 2000);
      expect(gateway.driver).not.toBe(first);

      // Within about one deadline the retired driver is closed, and with it the connection that hung.
      await waitFor(
        () => (relay.counts().closed === 1 ? true : undefined),
        QUERY_TIMEOUT_MS + 500 + 2000,
        'the hung connection to close',
      );
      expect(relay.counts()).toEqual({ opened: 1, closed: 1 });

      relay.thaw();
      const resumed = Date.now();
      expect(await gateway.read('RETURN 3 AS three')).toEqual([{ three: 3 }]);
      expect(Date.now() - resumed).toBeLessThan(2000);
      expect(relay.counts()).toEqual({ opened: 2, closed: 1 });
    } finally {
      await gateway.close();
      await relay.close();
    }
  }, 30000);
});
