import { DatabaseUnavailableError } from '../src/errors';
import { createLogger } from '../src/logger';
import { createDriver } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { testConfig } from './support/server';
import { startTcpRelay } from './support/tcp-relay';

/**
 * Reads are single auto-commit queries that the gateway itself retries on retryable errors. A TCP relay in front of
 * the real test database cuts the first `dropFirst` connections as they open (what a restarting server or a moving
 * cluster leader looks like to the driver) and passes the rest through.
 */
describe('reads retry retryable failures', () => {
  const config = testConfig();
  const target = new URL(config.neo4j.uri!.replace(/^\w+:/, 'http:'));
  const logger = createLogger({ logLevel: 'silent', logPretty: false });

  async function readThroughRelay(dropFirst: number, retryTimeMs: number) {
    const relay = await startTcpRelay({ host: target.hostname, port: Number(target.port) }, { dropFirst });
    const driver = createDriver(relay.uri, { ...config.neo4j, retryTimeMs }, logger);
    const gateway = new Neo4jGateway(driver, {
      database: config.neo4j.database,
      queryTimeoutMs: 5000,
      retryTimeMs,
      logger,
    });
    try {
      const rows = await gateway
        .read('MATCH (c:Concept {slug: $slug}) RETURN c.slug AS slug', { slug: 'container' })
        .catch((error: unknown) => error);
      return { rows, dropped: relay.dropped() };
    } finally {
      await driver.close();
      await relay.close();
    }
  }

  it('answers once a connection gets through within the retry time', async () => {
    const { rows, dropped } = await readThroughRelay(2, 5000);
    expect(dropped).toBe(2);
    expect(rows).toEqual([{ slug: 'container' }]);
  });

  it('gives up with DATABASE_UNAVAILABLE when retrying is switched off', async () => {
    const { rows, dropped } = await readThroughRelay(1, 0);
    expect(dropped).toBe(1);
    expect(rows).toBeInstanceOf(DatabaseUnavailableError);
  });
});
