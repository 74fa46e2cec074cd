import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { StatsRepository } from '../stats/stats.repository';
import { seedHash, toRows } from './seed.rows';
import { syncSeed } from './seed.sync';
import { checkSeed } from './seed.validate';

/**
 * Seeds the graph on start when the seed files changed since the last seeding (their hash differs from the stored
 * SeedState, or there is none). The files are always validated first: an invalid seed throws a SeedValidationError
 * listing every problem, so the service does not start and the database is not touched.
 */
export async function seedOnStart(gateway: Neo4jGateway, config: Config, logger: Logger): Promise<void> {
  const content = checkSeed(config.seed.dir);
  const hash = seedHash(toRows(content));
  const state = await new StatsRepository(gateway).seedState();
  if (state?.hash === hash) {
    logger.info({ hash: hash.slice(0, 16), seededAt: state.seededAt }, 'the graph is up to date with the seed files');
    return;
  }
  logger.info({ stored: state?.hash.slice(0, 16) ?? null, files: hash.slice(0, 16) }, 'the seed files changed: seeding the graph');
  const result = await syncSeed(gateway, content);
  logger.info(
    { concepts: result.concepts, relations: result.relations, comparisons: result.comparisons, removed: result.removed, seconds: Number(result.seconds.toFixed(2)), hash: result.hash.slice(0, 16) },
    `seeded ${result.concepts} concepts, ${result.relations} relations and ${result.comparisons} comparisons in ${result.seconds.toFixed(2)} s`,
  );
}
