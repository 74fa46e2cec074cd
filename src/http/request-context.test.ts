import { PUBLIC_CALLER } from '../access/access.types';
import type { Config } from '../config';
import { Lang } from '../graph/vocabulary';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { RequestContext } from './request-context';

/** A gateway stand-in that counts the per-request views made of it (each view is what repositories are built on). */
function countingGateway(): { gateway: Neo4jGateway; views: () => number } {
  let views = 0;
  const gateway = {
    withStats() {
      views += 1;
      return gateway;
    },
  } as unknown as Neo4jGateway;
  return { gateway, views: () => views };
}

const config = { learning: { quizSecret: 'secret' } } as unknown as Config;

function contextOver(gateway: Neo4jGateway, logger: () => Logger = () => ({}) as Logger): RequestContext {
  return new RequestContext('req-1', PUBLIC_CALLER, Lang.EN, 'application/json', config, gateway, logger);
}

/** What Apollo Server does with a context before it runs an operation. */
function copiedAsApolloDoes<T extends object>(context: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(context) as object) as T, context);
}

describe('RequestContext', () => {
  it('makes no repositories, loaders, services or logger child until something asks for them', () => {
    const { gateway, views } = countingGateway();
    let loggers = 0;
    const context = copiedAsApolloDoes(
      contextOver(gateway, () => {
        loggers += 1;
        return {} as Logger;
      }),
    );
    expect(views()).toBe(0);
    expect(loggers).toBe(0);
    expect(context.requestId).toBe('req-1');
    expect(context.trace).toEqual({ requestId: 'req-1' });
    expect(context.queryStats).toEqual({ roundTrips: 0, dbTimeMs: 0 });
  });

  it('makes the repositories once, and the loaders and services over those same repositories', () => {
    const { gateway, views } = countingGateway();
    const context = copiedAsApolloDoes(contextOver(gateway));
    const repos = context.repos;
    expect(context.repos).toBe(repos);
    expect(context.loaders).toBe(context.loaders);
    expect(context.services).toBe(context.services);
    expect(views()).toBe(1);
  });

  it('keeps a value a resolver sets on the copy Apollo runs with', () => {
    const context = copiedAsApolloDoes(contextOver(countingGateway().gateway));
    context.perCallAnswer = true;
    expect(context.perCallAnswer).toBe(true);
  });
});
