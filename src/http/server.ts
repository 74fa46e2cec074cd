import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler } from 'express';
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  type ValidationContext,
} from 'graphql';

import { authenticate } from '../access/access.middleware';
import { exportRouter } from '../access/access.export';
import { useAccessRules } from '../access/access.plugin';
import { AccessLimits } from '../access/access.rate-limit';
import { type Caller, PUBLIC_CALLER } from '../access/access.types';
import type { Config } from '../config';
import type { AtlasContext } from '../context';
import { formatError } from '../errors';
import { langFromAcceptLanguage } from '../i18n/lang';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { GraphVersion } from './graph-version';
import { healthRouter } from './health';
import { responseCache, ResponseStore, useResponseCacheVerdict } from './response-cache';
import { queryLimitsPlugin, queryShapeGuard, verdictCache } from './limits';
import type { Metrics } from './metrics';
import { useCacheControl } from './plugins/cache-control.plugin';
import { useErrorLog } from './plugins/error-log.plugin';
import { useOperationTrace } from './plugins/operation-trace.plugin';
import { useRequestLog } from './plugins/request-log.plugin';
import { useResponseHeaders } from './plugins/response-headers.plugin';
import { useResponseStatus } from './plugins/response-status.plugin';
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

/** Operations of a type the schema lacks (subscriptions) would fail in execution as an internal error; validation names them instead. */
function operationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === OperationTypeNode.QUERY
          ? schema.getQueryType()
          : node.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(
            `This API has no ${node.operation} operations. Send a query (\`query { ... }\`) or, with a credential, a mutation.`,
            { nodes: node },
          ),
        );
      }
    },
  };
}

/**
 * The heap a cached document holds, estimated: its locations keep the parser's token list alive, so a parsed document
 * weighs more than four times its JSON text (4.3 measured on the load script's flood queries); Apollo's default
 * counts the JSON alone and so lets the cache hold several times its budget.
 */
function documentHeapBytes(document: DocumentNode): number {
  return 5 * Buffer.byteLength(JSON.stringify(document), 'utf8');
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

  const httpServer = http.createServer(app);
  const exposeDetails = config.env === 'development';
  // Every cache kept between requests has a budget in bytes, so a flood of distinct queries cannot grow memory past
  // it; Apollo's default for the document and persisted-query caches is 30 MiB of JSON each.
  const persistedQueries = new InMemoryLRUCache<string>({ maxSize: Math.max(1, config.caches.persistedQueryBytes) });
  const limitVerdicts = verdictCache(config.caches.limitVerdictBytes);
  const accessLimits = new AccessLimits(config.access);

  const apollo = new ApolloServer<AtlasContext>({
    schema,
    formatError: (formatted) => formatError(formatted, exposeDetails),
    includeStacktraceInErrorResponses: exposeDetails,
    introspection: true,
    // Replaced by jsonOnlyPosts (see there): it refused the plain GET queries of GraphQL-over-HTTP clients.
    csrfPrevention: false,
    parseOptions: { maxTokens: config.limits.maxQueryTokens },
    validationRules: [operationTypesRule],
    documentStore:
      config.caches.documentBytes > 0
        ? new InMemoryLRUCache<DocumentNode>({
            maxSize: config.caches.documentBytes,
            sizeCalculation: documentHeapBytes,
          })
        : null,
    cache: persistedQueries,
    persistedQueries: config.caches.persistedQueryBytes > 0 ? { cache: persistedQueries } : false,
    // main.ts owns signal handling, so the drain happens once and in order (HTTP, then driver, then Neo4j).
    stopOnTerminationSignals: false,
    plugins: kept<ApolloServerPlugin<AtlasContext>>([
      ['drain', ApolloServerPluginDrainHttpServer({ httpServer })],
      ['landing-page-disabled', ApolloServerPluginLandingPageDisabled()],
      // Cache-Control is set by useCacheControl, in one step for the whole response.
      ['cache-control-disabled', ApolloServerPluginCacheControlDisabled()],
      ['query-limits', queryLimitsPlugin(config.limits, schema, limitVerdicts)],
      ['metrics', metrics.plugin],
      ['operation-trace', useOperationTrace()],
      [
        'access-rules',
        useAccessRules(accessLimits, { read: config.access.readsPerMinute, write: config.access.writesPerMinute }),
      ],
      ['cache-control', useCacheControl({ maxAgeSeconds: config.http.cacheMaxAgeSeconds })],
      ['response-status', useResponseStatus()],
      ['response-headers', useResponseHeaders({ graphVersion: () => graphVersion.current })],
      ...(responses
        ? [['response-cache-verdict', useResponseCacheVerdict()] as [string, ApolloServerPlugin<AtlasContext>]]
        : []),
      ['error-log', useErrorLog()],
      ['request-log', useRequestLog()],
    ]),
  });
  await apollo.start();

  if (!omitLayers.has('front-door')) app.use(frontDoor(config.http, logger));
  // First, so a GraphQL request passes no other layer; a browser's GET /graphql (Accept: text/html) leaves the chain
  // for the playground in webRouter.
  app.use(
    '/graphql',
    chain([
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
    ]),
  );
  if (!omitLayers.has('routes')) {
    app.use(healthRouter(gateway, config.neo4j.pingTimeoutMs));
    app.get('/metrics', async (_req, res) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
    app.use(webRouter(config, logger));
    if (config.demo) app.use(demoRouter(config.demo));
    app.use(exportRouter(gateway, config.access, accessLimits));
  }

  app.use(finalErrorHandler(logger, exposeDetails));

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
