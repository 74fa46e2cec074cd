import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';

/** Seeds the graph on start when the seed content changed. The seeder is not written yet: this only says so. */
export async function seedOnStart(_gateway: Neo4jGateway, _config: Config, logger: Logger): Promise<void> {
  logger.warn('seeder not implemented yet: the graph is left as it is');
}
