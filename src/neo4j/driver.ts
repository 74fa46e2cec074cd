import { setTimeout as sleep } from 'node:timers/promises';

import neo4j, { type Driver } from 'neo4j-driver';

import type { Neo4jConfig } from '../config';
import { DatabaseUnavailableError } from '../errors';
import type { Logger } from '../logger';

/** One driver per process: it owns the connection pool and, for neo4j:// URIs, cluster routing. */
export function createDriver(uri: string, config: Neo4jConfig, logger: Logger): Driver {
  // A server with auth disabled (the bundled local one) accepts any basic credentials.
  const auth = neo4j.auth.basic(config.user, config.password);
  return neo4j.driver(uri, auth, {
    maxConnectionPoolSize: config.maxPoolSize,
    connectionTimeout: config.connectTimeoutMs,
    connectionAcquisitionTimeout: config.connectTimeoutMs,
    maxTransactionRetryTime: config.retryTimeMs,
    disableLosslessIntegers: true,
    userAgent: 'container-atlas',
    logging: {
      level: 'warn',
      // The driver reports every lost connection as an error; the gateway turns those into DATABASE_UNAVAILABLE
      // answers, so here they are warnings.
      logger: (level, message) =>
        logger[level === 'error' || level === 'warn' ? 'warn' : 'debug']({ neo4j: true }, message),
    },
  });
}

/**
 * Waits until the database answers, retrying with exponential backoff, so a database that is still starting does not
 * fail our start-up, and one that never comes up fails it with a clear error instead of a hang.
 */
export async function waitForDatabase(driver: Driver, uri: string, timeoutMs: number, logger: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 200;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (Date.now() + delay > deadline) {
        throw new DatabaseUnavailableError(
          `Neo4j at ${uri} did not answer within ${Math.round(timeoutMs / 1000)} s (${attempt} attempts; last error: ${reason}). ` +
            'Check that it is running and that NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are right, or unset NEO4J_URI to use the bundled local Neo4j.',
        );
      }
      logger.info({ attempt, retryInMs: delay, reason }, 'waiting for Neo4j');
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}
