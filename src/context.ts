import type { Config } from './config';
import type { Lang } from './graph/vocabulary';
import type { Logger } from './logger';
import type { Neo4jGateway, QueryStats } from './neo4j/gateway';
import { StatsRepository } from './stats/stats.repository';

/** Everything a resolver may use, made fresh for every request (repositories and DataLoaders are per request). */
export interface AtlasContext {
  requestId: string;
  /** The language of the Accept-Language header; a field's own `lang` argument wins over it. */
  lang: Lang;
  /** Round trips and database time of this request. */
  queryStats: QueryStats;
  logger: Logger;
  config: Config;
  repos: Repositories;
}

export interface Repositories {
  stats: StatsRepository;
}

/** Builds the per-request repositories over a gateway view that counts this request's round trips. */
export function createRepositories(gateway: Neo4jGateway, _config: Config): Repositories {
  return {
    stats: new StatsRepository(gateway),
  };
}
