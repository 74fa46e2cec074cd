import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';

import type { Config } from '../config';
import { type AtlasContext, createLoaders, createRepositories } from '../context';
import { ErrorCode, formatError } from '../errors';
import { langFromAcceptLanguage } from '../i18n/lang';
import type { Logger } from '../logger';
import type { Neo4jGateway, QueryStats } from '../neo4j/gateway';
import { GraphVersion } from './graph-version';
import { healthRouter } from './health';
import { queryLimitsPlugin } from './limits';
import type { Metrics } from './metrics';
import { jsonOnlyPosts } from './csrf';
import { compress, corsPolicy, securityHeaders, varyOnLanguage } from './security';
import { webRouter } from './web';

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
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client may pass its own X-Request-Id (if it is short and plain); otherwise we make one. */
function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

/** A GraphQL-shaped error response for problems found before GraphQL runs (body too large, malformed JSON). */
function sendRequestError(res: express.Response, status: number, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? ErrorCode.BAD_USER_INPUT : 'BAD_REQUEST' } }] });
}

/** Rejects an over-long query text before it is parsed (parsing cost grows with it). */
function queryLengthGuard(maxLength: number): RequestHandler {
  return (req, res, next) => {
    const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && query.length > maxLength) {
      sendRequestError(res, 400, `The query text is ${query.length} characters long; the limit is ${maxLength}. Send a shorter query (persisted queries help).`);
      return;
    }
    next();
  };
}

function bodyErrors(maxBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      sendRequestError(res, 413, `The request body is larger than ${maxBytes} bytes. Send a smaller request.`);
    } else if (error.type === 'entity.parse.failed') {
      sendRequestError(res, 400, 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with Content-Type: application/json.');
    } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      sendRequestError(res, 415, 'The request body must be UTF-8 JSON.');
    } else {
      next(error);
    }
  };
}

/** Express + Apollo Server on one HTTP server, listening on the configured host and port. */
export async function startHttpServer({ config, logger, gateway, schema, metrics }: HttpServerDeps): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const graphVersion = new GraphVersion(gateway, logger);
  await graphVersion.refresh();
  graphVersion.start();
  // Weak ETags that change with the graph content as well as with the body.
  app.set('etag', (body: string | Buffer) => `W/"${crypto.createHash('sha1').update(graphVersion.current).update(body).digest('base64url')}"`);

  const httpServer = http.createServer(app);
  const exposeDetails = config.env === 'development';
  const maxAge = config.http.cacheMaxAgeSeconds;

  const apollo = new ApolloServer<AtlasContext>({
    schema,
    formatError: (formatted) => formatError(formatted, exposeDetails),
    includeStacktraceInErrorResponses: exposeDetails,
    introspection: true,
    // Replaced by jsonOnlyPosts (see there): it refused the plain GET queries of GraphQL-over-HTTP clients.
    csrfPrevention: false,
    // main.ts owns signal handling, so the drain happens once and in order (HTTP, then driver, then Neo4j).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control is set below, in one step for the whole response.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(config.limits, schema),
      metrics.plugin,
      {
        async requestDidStart({ contextValue }) {
          const started = performance.now();
          return {
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                if (!error.extensions?.code || error.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
                  contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error while resolving');
                }
              }
            },
            async willSendResponse({ response, operationName, errors }) {
              // Every field is equally cacheable (the graph changes only when it is reseeded, and ETags follow the seed),
              // so one max-age covers every successful answer; Apollo's cache-control plugin would compute the same
              // from per-field hints at the price of wrapping every field resolver.
              const cacheable = maxAge > 0 && response.body.kind === 'single' && !response.body.singleResult.errors;
              response.http.headers.set('cache-control', cacheable ? `max-age=${maxAge}, public` : 'no-store');
              response.http.headers.set('x-db-round-trips', String(contextValue.queryStats.roundTrips));
              response.http.headers.set('x-graph-version', graphVersion.current);
              contextValue.logger.debug(
                { operationName, ms: Math.round(performance.now() - started), roundTrips: contextValue.queryStats.roundTrips, errors: errors?.map((e) => e.extensions?.code) },
                'graphql request',
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  app.use(securityHeaders());
  app.use(corsPolicy(config.http));
  app.use(compress());
  app.use(healthRouter(gateway));
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  // Before /graphql: a browser's GET /graphql (Accept: text/html) gets the playground instead of Apollo.
  app.use(webRouter(config, logger));
  app.use(
    '/graphql',
    jsonOnlyPosts(),
    varyOnLanguage(),
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrors(config.limits.maxBodyBytes),
    queryLengthGuard(config.limits.maxQueryLength),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<AtlasContext> => {
        const requestId = res.locals.requestId as string;
        const queryStats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
        const repos = createRepositories(gateway.withStats(queryStats), config);
        return {
          requestId,
          lang: langFromAcceptLanguage(req.headers['accept-language']),
          queryStats,
          logger: logger.child({ requestId }),
          config,
          repos,
          loaders: createLoaders(repos),
        };
      },
    }),
  );

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
      await apollo.stop();
    },
  };
}
