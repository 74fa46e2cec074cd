import type { Config } from './config';
import { createMetrics } from './http/metrics';
import { type HttpServer, startHttpServer } from './http/server';
import type { Logger } from './logger';
import { connectDatabase, type Database } from './neo4j/database';
import { applySchema } from './neo4j/migrations';
import { buildAtlasSchema } from './schema/build';
import { warmUpSearch } from './search/search.warmup';
import { seedOnStart } from './seed/seed.startup';
import { prepareDemo } from './demo/demo.startup';

export interface Atlas {
  url: string;
  database: Database;
  server: HttpServer;
  /** Drains HTTP, closes the driver, stops the local Neo4j if we started it. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The whole service: database (local or NEO4J_URI) -> constraints and indexes -> seed if changed -> schema -> HTTP.
 * Pass `database` to reuse a connection you already have (tests share one Neo4j across servers).
 */
export async function startAtlas(config: Config, logger: Logger, database?: Database): Promise<Atlas> {
  let gatewayRef: Database['gateway'] | undefined;
  const metrics = createMetrics(() => gatewayRef, config.neo4j.maxPoolSize);
  if (config.learning.quizSecretGenerated && config.env === 'production') {
    logger.warn(
      'QUIZ_SECRET is not set: quiz question ids will not survive a restart or work across replicas; set it to a long random string',
    );
  }
  if (config.access.tokenSecretGenerated && config.env === 'production') {
    logger.warn(
      'LEARNER_TOKEN_SECRET is not set: learner tokens will stop working on a restart and on every other replica; set it to a random string of at least 32 characters',
    );
  }
  const db =
    database ??
    (await connectDatabase(config, logger, (kind, durationMs, ok) => metrics.recordQuery(kind, durationMs, ok)));
  gatewayRef = db.gateway;
  try {
    await applySchema(db.gateway, config.rootDir, logger);
    if (config.seed.onStart) await seedOnStart(db.gateway, config, logger);
    if (config.demo) await prepareDemo(db.gateway, config.demo, logger);
    await warmUpSearch(db.gateway, logger);
    const schema = await buildAtlasSchema();
    const server = await startHttpServer({ config, logger, gateway: db.gateway, schema, metrics });
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      database: db,
      server,
      stop() {
        stopping ??= (async () => {
          await server.close();
          if (!database) await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (!database) await db.close();
    throw error;
  }
}
