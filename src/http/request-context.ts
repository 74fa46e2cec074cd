import type { Caller } from '../access/access.types';
import type { Config } from '../config';
import {
  type AtlasContext,
  createLoaders,
  createRepositories,
  createServices,
  type Loaders,
  type Repositories,
  type Services,
} from '../context';
import type { Lang } from '../graph/vocabulary';
import type { Logger } from '../logger';
import type { Neo4jGateway, QueryStats, QueryTrace } from '../neo4j/gateway';

/**
 * A request's context whose repositories, DataLoaders, services and logger child are made when a resolver or plugin
 * first asks for them: a request that reads nothing from the database (`{ __typename }`, a refused operation) makes
 * none of them. The lazy parts are getters on the prototype and their values plain fields, because Apollo copies
 * the context with `Object.assign(Object.create(prototype), context)` before running it.
 */
export class RequestContext implements AtlasContext {
  readonly queryStats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
  readonly trace: QueryTrace;
  perCallAnswer = false;
  private madeRepos: Repositories | undefined = undefined;
  private madeLoaders: Loaders | undefined = undefined;
  private madeServices: Services | undefined = undefined;

  constructor(
    readonly requestId: string,
    readonly caller: Caller,
    readonly lang: Lang,
    readonly responseMediaType: string,
    readonly config: Config,
    private readonly gateway: Neo4jGateway,
    private readonly loggerOf: () => Logger,
  ) {
    this.trace = { requestId };
  }

  get logger(): Logger {
    return this.loggerOf();
  }

  get repos(): Repositories {
    return (this.madeRepos ??= createRepositories(this.gateway.withStats(this.queryStats, this.trace), this.config));
  }

  get loaders(): Loaders {
    return (this.madeLoaders ??= createLoaders(this.repos));
  }

  get services(): Services {
    return (this.madeServices ??= createServices(this.repos, this.config));
  }
}
