import { Neo4jError } from 'neo4j-driver';

import { createLogger } from '../src/logger';
import { createDriver } from '../src/neo4j/driver';
import { Neo4jGateway } from '../src/neo4j/gateway';
import { testConfig } from './support/server';

/**
 * A read turns off stack capture while the driver builds its result (the driver's own capture of the caller's stack
 * is a share of every read's CPU). It must be back on for everything else the process does, whether the read
 * answers or fails.
 */
describe('reads and stack traces', () => {
  const config = testConfig();
  const logger = createLogger({ logLevel: 'silent', logPretty: false });
  const driver = createDriver(config.neo4j.uri!, config.neo4j, logger);
  const gateway = new Neo4jGateway(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: 5000,
    retryTimeMs: 0,
    logger,
  });
  const before = Error.stackTraceLimit;

  afterAll(() => driver.close());

  it('answers a read and leaves stack traces as they were', async () => {
    const rows = await gateway.read('MATCH (c:Concept {slug: $slug}) RETURN c.slug AS slug', { slug: 'container' });
    expect(rows).toEqual([{ slug: 'container' }]);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after a read').stack).toContain('gateway-reads.test.ts');
  });

  it('fails a read with the database error and leaves stack traces as they were', async () => {
    const failure = await gateway.read('MATCH (c:Concept RETURN c').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Neo4jError);
    expect((failure as Neo4jError).code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after a failed read').stack).toContain('gateway-reads.test.ts');
  });
});
