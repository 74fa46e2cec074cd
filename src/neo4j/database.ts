import type { Driver } from 'neo4j-driver';

import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDriver, waitForDatabase } from './driver';
import { type GatewayOptions, Neo4jGateway } from './gateway';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './supervisor';

/** A connected database: the driver, the gateway over it, and the local server when we started one. */
export interface Database {
  uri: string;
  /** The driver in use now (the gateway replaces it when a call on it hangs). */
  readonly driver: Driver;
  gateway: Neo4jGateway;
  /** The local server when we started one; it is restarted when it dies (see superviseLocalNeo4j). */
  local?: SupervisedNeo4j;
  /** Closes the driver, then stops the local server if we started it. */
  close(): Promise<void>;
}

/**
 * With NEO4J_URI set, connects to that server and never starts Java. Without it, starts the bundled local Neo4j
 * (data under .data/neo4j unless configured) and connects to it on 127.0.0.1.
 */
export async function connectDatabase(
  config: Config,
  logger: Logger,
  onQuery?: GatewayOptions['onQuery'],
): Promise<Database> {
  const local = config.neo4j.uri
    ? undefined
    : await superviseLocalNeo4j(config.local, config.rootDir, logger, config.neo4j.startupTimeoutMs);
  const uri = config.neo4j.uri ?? local!.uri;
  const gateway = new Neo4jGateway(createDriver(uri, config.neo4j, logger), {
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    retryTimeMs: config.neo4j.retryTimeMs,
    logger,
    onQuery,
    replaceDriver: () => createDriver(uri, config.neo4j, logger),
  });
  try {
    await waitForDatabase(gateway.driver, uri, config.neo4j.startupTimeoutMs, logger);
    // A fresh server's first query loads and compiles its query runtime, which on a busy machine takes longer than a
    // request's deadline: it runs here, under the start-up timeout, so requests and readiness meet a warm database.
    await gateway.withTimeout(config.neo4j.startupTimeoutMs).read('RETURN 1 AS ok');
  } catch (error) {
    await gateway.close();
    await local?.stop();
    throw error;
  }
  logger.info({ uri, local: Boolean(local) }, 'connected to Neo4j');
  return {
    uri,
    get driver() {
      return gateway.driver;
    },
    gateway,
    local,
    async close() {
      await gateway.close();
      await local?.stop();
    },
  };
}
