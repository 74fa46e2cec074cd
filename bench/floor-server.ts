import http from 'node:http';

import neo4j from 'neo4j-driver';

import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createDriver } from '../src/neo4j/driver';
import { runRawOnce } from './load-raw';

/**
 * The floor of a server on this stack, for bench/layers.ts `--floor`: node's own `http` and neo4j-driver, nothing
 * else. It reads the POSTed body and parses it as JSON (as any GraphQL server must), runs the shape's hand-written
 * Cypher (FLOOR_CYPHER with FLOOR_PARAMS as JSON) as the bench's raw contestant runs it, and answers the records as
 * JSON; without FLOOR_CYPHER it answers `{ __typename }`'s body. No GraphQL, no limits, no headers beyond the content
 * type: no API can be faster than this on the same runtime, driver and host, so a target it misses is out of reach of
 * any server built on them. Prints `{"graphql": url}` when it serves, like the other contestants.
 */
const cypher = process.env.FLOOR_CYPHER;
// The shapes' integer parameters are the driver's Integers, which JSON writes as {low, high}: made Integers again.
const params = JSON.parse(process.env.FLOOR_PARAMS ?? '{}', (_key, value: unknown) =>
  value !== null && typeof value === 'object' && 'low' in value && 'high' in value
    ? neo4j.int(value as { low: number; high: number })
    : value,
) as Record<string, unknown>;
const config = loadConfig();
const { database } = config.neo4j;
// The driver as our API makes it (pool, timeouts, plain numbers).
const driver = createDriver(config.neo4j.uri!, config.neo4j, createLogger(config));

async function answer(body: string): Promise<string> {
  JSON.parse(body);
  if (!cypher) return '{"data":{"__typename":"Query"}}';
  return JSON.stringify({ data: await runRawOnce(driver, database, cypher, params) });
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8')).then(
      (text) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ graphql: `http://127.0.0.1:${port}/graphql` })}\n`);
});

const stop = () => {
  server.close();
  void driver.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
