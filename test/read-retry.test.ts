import net from 'node:net';

import { DatabaseUnavailableError } from '../src/errors';
import { createLogger } from '../src/logger';
import { createDriver } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { testConfig } from './support/server';

/**
 * Reads are single auto-commit queries that the gateway itself retries on retryable errors. A TCP relay in front of
 * the real test database cuts the first `dropFirst` connections as they open (what a restarting server or a moving
 * cluster leader looks like to the driver) and passes the rest through.
 */
async function startRelay(target: { host: string; port: number }, dropFirst: number) {
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (dropped < dropFirst) {
      dropped += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('reads retry retryable failures', () => {
  const config = testConfig();
  const target = new URL(config.neo4j.uri!.replace(/^\w+:/, 'http:'));
  const logger = createLogger({ logLevel: 'silent', logPretty: false });

  async function readThroughRelay(dropFirst: number, retryTimeMs: number) {
    const relay = await startRelay({ host: target.hostname, port: Number(target.port) }, dropFirst);
    const driver = createDriver(relay.uri, { ...config.neo4j, retryTimeMs }, logger);
    const gateway = new Neo4jGateway(driver, { database: config.neo4j.database, queryTimeoutMs: 5000, retryTimeMs, logger });
    try {
      const rows = await gateway.read('MATCH (c:Concept {slug: $slug}) RETURN c.slug AS slug', { slug: 'container' }).catch((error: unknown) => error);
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
