import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';

import { authenticate } from '../access/access.middleware';
import { exportRouter } from '../access/access.export';
import { AccessLimits } from '../access/access.rate-limit';
import { type Caller, PUBLIC_CALLER } from '../access/access.types';
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
import { chain, type ChainStep } from './chain';
import { frontDoor } from './front-door';
import { RequestContext } from './request-context';
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

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** A browser's GET /graphql leaves the GraphQL chain for the playground page (webRouter). */
const playgroundExit: RequestHandler = (req, _res, next) => next(isPageRequest(req) ? 'router' : undefined);

/** The same choice, in the same order of preference, as Apollo makes for the response (no Accept: the first). */
function responseMediaTypeOf(req: Request): string {
  if (req.headers.accept === undefined) return 'application/json';
  return req.accepts(['application/json', GRAPHQL_RESPONSE_JSON]) || 'application/json';
}

/**
 * Each answer names in its ETag what it depends on besides its body: the graph content and the variant (language
 * and media type), so a cache revalidating one variant never gets a 304 meant for another.
 */
function variantEtags(graphVersion: GraphVersion): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && !res.getHeader('etag')) {
        const variant = `${langFromAcceptLanguage(req.headers['accept-language'])}\u0000${String(res.getHeader('content-type') ?? '')}`;
        res.setHeader(
          'ETag',
          `W/"${crypto.createHash('sha1').update(graphVersion.current).update(variant).update(body).digest('base64url')}"`,
        );
      }
      return send(body);
    };
    next();
  };
}

/** The request headers a /graphql answer depends on, for shared caches (Origin and Accept-Encoding are added by CORS and compression). */
const varyOnRequest: RequestHandler = (_req, res, next) => {
  res.vary('Accept');
  res.vary('Accept-Language');
  next();
};

/** Express + Apollo Server on one HTTP server, listening on the configured host and port. */
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

  // Set once the app is built: a GraphQL request skips the Express app (see directGraphql below).
  let listener: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => listener(req, res));
  const exposeDetails = config.env === 'development';
  const limitVerdicts = verdictCache(config.caches.limitVerdictBytes);
  const accessLimits = new AccessLimits(config.access);

  const apollo = createApollo({
    config,
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

  const front = frontDoor(config.http, logger);
  if (!omitLayers.has('front-door')) app.use(front);
  // First, so a GraphQL request passes no other layer; a browser's GET /graphql (Accept: text/html) leaves the chain
  // for the playground in webRouter.
  const graphql = chain([
    ...kept<ChainStep>([
      ['playground', playgroundExit],
      ['json-only-posts', jsonOnlyPosts()],
      ['vary', varyOnRequest],
      ['variant-etags', variantEtags(graphVersion)],
      ['get-without-body', getWithoutBody()],
      ['authenticate', authenticate(gateway, config.access)],
      ['json', express.json({ limit: config.limits.maxBodyBytes })],
      ['body-errors', bodyErrors(config.limits.maxBodyBytes)],
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
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        Promise.resolve(
          new RequestContext(
            (res.locals.requestId as string | undefined) ?? '',
            (res.locals.caller as Caller | undefined) ?? PUBLIC_CALLER,
            langFromAcceptLanguage(req.headers['accept-language']),
            responseMediaTypeOf(req),
            config,
            gateway,
            () => (res.locals.logger as Logger | undefined) ?? logger,
          ),
        ),
    }),
  ]);
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
   * A request to /graphql is given Express's request and response (so every step keeps its API) and runs the front
   * door and the /graphql chain directly, without the app's router: measured with bench/layers.ts, the app and its
   * router cost about 45 of the 175 CPU µs a `{ __typename }` request took. Everything else, and a browser asking
   * for the playground, goes through the app; an error goes to the same last handler.
   */
  const enter: RequestHandler = omitLayers.has('front-door') ? (_req, _res, next) => next() : front;
  const directGraphql: http.RequestListener = (req, res) => {
    const url = req.url ?? '';
    if (url !== '/graphql' && !url.startsWith('/graphql?')) {
      app(req, res);
      return;
    }
    const request = Object.setPrototypeOf(req, app.request) as Request;
    const response = Object.setPrototypeOf(res, app.response) as Response;
    request.res = response;
    response.req = request;
    response.locals = Object.create(null) as Response['locals'];
    const elsewhere = (error?: unknown) => {
      if (error) finalErrors(error, request, response, () => undefined);
      else app(req, res);
    };
    enter(request, response, (error?: unknown) =>
      error ? elsewhere(error) : void graphql(request, response, elsewhere),
    );
  };
  if (!omitLayers.has('direct-graphql')) listener = directGraphql;

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
