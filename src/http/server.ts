import crypto from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type { GraphQLSchema } from 'graphql';
import vary from 'vary';

import { authenticate } from '../access/access.middleware';
import { exportRouter } from '../access/access.export';
import { AccessLimits } from '../access/access.rate-limit';
import type { Config } from '../config';
import { langFromAcceptLanguage } from '../i18n/lang';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { createApollo } from './apollo';
import { GraphVersion } from './graph-version';
import { healthRouter } from './health';
import { responseCache, ResponseStore } from './response-cache';
import { queryShapeGuard, verdictCache } from './limits';
import type { Metrics } from './metrics';
import { jsonOnlyPosts } from './csrf';
import { bodyErrors, finalErrorHandler, getWithoutBody, persistedQueryGuard, queryLengthGuard } from './request-errors';
import { isPageRequest, webRouter } from './web';
import { chain, type ChainStep, serveFirst, type Step } from './chain';
import { frontDoor } from './front-door';
import { RequestContext } from './request-context';
import { jsonBody } from './body';
import { graphqlHandler } from './graphql-handler';
import { APPLICATION_JSON, graphqlMediaType } from './media-type';
import { openState, stateOf } from './request-state';
import { demoRouter } from '../demo/demo.router';

export interface HttpServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish (drain), then closes. */
  close(): Promise<void>;
}

export interface HttpServerDeps {
  config: Config;
  logger: Logger;
  gateway: Neo4jGateway;
  schema: GraphQLSchema;
  metrics: Metrics;
  /**
   * Layers left out, by name, so the layer benchmark (bench/layers.ts) can measure what each costs per request.
   * Never set by the service itself: leaving a layer out drops the behaviour it owns.
   */
  omitLayers?: ReadonlySet<string>;
}

/** A browser's GET /graphql leaves the GraphQL chain for the playground page (webRouter). */
const playgroundExit: Step = (req, _res, next) => next(isPageRequest(req) ? 'router' : undefined);

/** The query string, parsed once for every step that reads it (Apollo is handed the text). */
const readSearch: Step = (req, _res, next) => {
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  if (mark >= 0) {
    const state = stateOf(req);
    state.searchText = url.slice(mark);
    state.search = new URLSearchParams(url.slice(mark + 1));
  }
  next();
};

/**
 * Each answer names in its ETag what it depends on besides its body: the graph content and the variant (language
 * and media type), so a cache revalidating one variant never gets a 304 meant for another.
 */
function variantEtags(graphVersion: GraphVersion): Step {
  const etag = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const variant = `${langFromAcceptLanguage(req.headers['accept-language'])}\u0000${String(res.getHeader('content-type') ?? '')}`;
    // One-shot: the same digest as updating a Hash with each part, without making a Hash object per answer.
    return `W/"${crypto.hash('sha1', graphVersion.current + variant + body, 'base64url')}"`;
  };
  return (req, _res, next) => {
    stateOf(req).etag = etag;
    next();
  };
}

/** The request headers a /graphql answer depends on, for shared caches (Origin and Accept-Encoding are added by CORS and compression). */
const varyOnRequest: Step = (_req, res, next) => {
  vary(res, 'Accept');
  vary(res, 'Accept-Language');
  next();
};

/** Whether a URL is the GraphQL endpoint itself, which is served without the Express app. */
function isGraphqlUrl(url: string): boolean {
  return url === '/graphql' || url.startsWith('/graphql?');
}

/**
 * One HTTP server on the configured host and port: /graphql (Apollo Server) on node's own request and response, the
 * rest on Express.
 */
export async function startHttpServer({
  config,
  logger,
  gateway,
  schema,
  metrics,
  omitLayers = new Set(),
}: HttpServerDeps): Promise<HttpServer> {
  const kept = <T>(layers: [string, T][]): T[] => layers.filter(([name]) => !omitLayers.has(name)).map(([, l]) => l);
  const app = express();
  app.disable('x-powered-by');
  const graphVersion = new GraphVersion(gateway, logger);
  await graphVersion.refresh();
  graphVersion.start(config.http.graphVersionCheckMs);
  const responses = config.caches.responseBytes > 0 ? new ResponseStore(config.caches.responseBytes) : undefined;
  if (responses) graphVersion.onChange(() => responses.clear());
  // Weak ETags that change with the graph content as well as with the body.
  app.set(
    'etag',
    (body: string | Buffer) =>
      `W/"${crypto.createHash('sha1').update(graphVersion.current).update(body).digest('base64url')}"`,
  );

  // Set once the app is built: a GraphQL request skips the Express app (see serveDirectly below).
  let listener: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => listener(req, res));
  const exposeDetails = config.env === 'development';
  const limitVerdicts = verdictCache(config.caches.limitVerdictBytes);
  const accessLimits = new AccessLimits(config.access);

  const apollo = createApollo({
    config,
    logger,
    schema,
    metrics,
    httpServer,
    graphVersion,
    limitVerdicts,
    accessLimits,
    responses,
    omitLayers,
  });
  await apollo.start();

  // Without the front door (the layer benchmark only), a request still gets its state.
  const front: Step = omitLayers.has('front-door')
    ? (req, _res, next) => {
        if (!req.atlas) openState(req, '', logger);
        next();
      }
    : frontDoor(config.http, logger);
  app.use(front);
  // A browser's GET /graphql (Accept: text/html) leaves the chain for the playground in webRouter.
  const graphql = chain([
    readSearch,
    ...kept<ChainStep>([
      ['playground', playgroundExit],
      ['json-only-posts', jsonOnlyPosts()],
      ['vary', varyOnRequest],
      ['variant-etags', variantEtags(graphVersion)],
      ['get-without-body', getWithoutBody()],
      ['authenticate', authenticate(gateway, config.access)],
    ]),
    jsonBody(config.limits.maxBodyBytes),
    bodyErrors(config.limits.maxBodyBytes),
    ...kept<ChainStep>([
      ['persisted-query-guard', persistedQueryGuard()],
      ['query-length-guard', queryLengthGuard(config.limits.maxQueryLength)],
      ...(responses
        ? [
            [
              'response-cache',
              responseCache({
                store: responses,
                graphVersion: () => graphVersion.current,
                registry: metrics.registry,
              }),
            ] as [string, ChainStep],
          ]
        : []),
      ['query-shape-guard', queryShapeGuard(config.limits, schema, limitVerdicts)],
    ]),
    graphqlHandler(apollo, (req) => {
      const state = stateOf(req);
      return new RequestContext(
        state.id,
        state.caller,
        langFromAcceptLanguage(req.headers['accept-language']),
        graphqlMediaType(req) || APPLICATION_JSON,
        config,
        gateway,
        () => state.logger,
      );
    }),
  ]);
  // Other spellings of the endpoint (`/graphql/`, `/GraphQL`) reach the same chain through the app.
  app.use('/graphql', graphql);
  if (!omitLayers.has('routes')) {
    app.use(healthRouter(gateway, config.neo4j.pingTimeoutMs));
    app.get('/metrics', async (_req, res) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
    app.use(webRouter(config, logger));
    if (config.demo) app.use(demoRouter(config.demo, gateway, config.access));
    app.use(exportRouter(gateway, config.access, accessLimits));
  }

  const finalErrors = finalErrorHandler(logger, exposeDetails);
  app.use(finalErrors);
  /**
   * A request to /graphql runs the front door and the /graphql chain on node's own request and response, without
   * Express: measured with bench/layers.ts, Express's app, router, request and response objects and body-parser
   * cost most of what a `{ __typename }` request took. Everything else, and a browser asking for the playground,
   * goes through the app; an error on the way goes to the same last handler as the app's.
   */
  const serveDirectly = serveFirst(isGraphqlUrl, front, graphql, app, finalErrors);
  if (!omitLayers.has('direct-graphql')) listener = serveDirectly;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async close() {
      graphVersion.stop();
      accessLimits.stop();
      await apollo.stop();
    },
  };
}
