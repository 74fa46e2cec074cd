import { loadConfig } from '../src/config';
import { createMetrics } from '../src/http/metrics';
import { startHttpServer } from '../src/http/server';
import { createLogger } from '../src/logger';
import { connectDatabase } from '../src/neo4j/database';
import { buildAtlasSchema } from '../src/schema/build';

/**
 * Our HTTP server over an already seeded database (NEO4J_URI) with the layers named in LAYERS_OMIT (comma-separated)
 * left out, for bench/layers.ts. Prints `{"graphql": url}` when it serves, like the API and the peer.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const omitLayers = new Set((process.env.LAYERS_OMIT ?? '').split(',').filter(Boolean));
  let gateway: Awaited<ReturnType<typeof connectDatabase>>['gateway'] | undefined;
  const metrics = createMetrics(() => gateway, config.neo4j.maxPoolSize);
  const db = await connectDatabase(config, logger, (kind, ms, ok) => metrics.recordQuery(kind, ms, ok));
  gateway = db.gateway;
  const schema = await buildAtlasSchema();
  const server = await startHttpServer({ config, logger, gateway: db.gateway, schema, metrics, omitLayers });
  process.stdout.write(`${JSON.stringify({ graphql: server.url })}\n`);
  const stop = () => {
    void server
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`layer server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
