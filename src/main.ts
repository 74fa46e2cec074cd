import { ConfigError, loadConfig } from './config';
import { startAtlas } from './app';
import { AtlasError } from './errors';
import { createLogger } from './logger';

/** Wiring only: config -> logger -> the service -> signal handling. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);

  let atlas: Awaited<ReturnType<typeof startAtlas>>;
  try {
    atlas = await startAtlas(config, logger);
  } catch (error) {
    if (error instanceof AtlasError) {
      logger.fatal({ code: error.code }, error.message);
    } else {
      logger.fatal({ err: error }, 'container-atlas could not start');
    }
    logger.flush();
    process.exit(1);
  }

  const base = atlas.url.replace(/\/graphql$/, '');
  logger.info(
    {
      graphql: atlas.url,
      playground: atlas.url,
      explorer: `${base}/explore`,
      live: `${base}/health/live`,
      ready: `${base}/health/ready`,
      metrics: `${base}/metrics`,
    },
    `container-atlas is serving GraphQL at ${atlas.url} (playground there in a browser, explorer at ${base}/explore)`,
  );

  // The supervisor has already logged why; exiting non-zero hands the problem to whatever runs this process.
  atlas.database.local?.onGiveUp(() => {
    void atlas.stop().finally(() => {
      logger.flush();
      process.exit(1);
    });
  });

  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 35000);
    force.unref();
    atlas.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught error: stopping');
    void atlas.stop().finally(() => process.exit(1));
  });
}

void main();
