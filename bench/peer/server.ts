import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

import { PEER_TYPE_DEFS } from './type-defs';

/**
 * The peer: @neo4j/graphql on Apollo Server (standalone), over the database in NEO4J_URI, on PORT. Prints one JSON
 * line `{"graphql": url}` when it serves, like ours, so the same process helper can start and measure both.
 */
/**
 * The peer's generated Cypher for a deep nested selection can run for minutes on a larger graph (the depth-2
 * neighborhood at 10k concepts ran past 3 minutes); without a limit such a query keeps a core busy long after the load
 * that sent it ended, and every contestant measured after it is billed for it. Past this, the peer answers with an
 * error and the bench reports that it gave no answer.
 */
const TRANSACTION_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI must point at the database to serve');
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    {
      maxConnectionPoolSize: 50,
      userAgent: 'container-atlas-bench-peer',
    },
  );
  await driver.verifyConnectivity();
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  const schema = await neoSchema.getSchema();
  const server = new ApolloServer({ schema, introspection: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
    context: async () => ({
      sessionConfig: { database: process.env.NEO4J_DATABASE ?? 'neo4j' },
      transaction: { timeout: TRANSACTION_TIMEOUT_MS },
    }),
  });
  process.stdout.write(`${JSON.stringify({ graphql: url })}\n`);
  const stop = () => {
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`peer server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
