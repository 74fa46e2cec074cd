import type http from 'node:http';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  type ValidationContext,
} from 'graphql';

import { useAccessRules } from '../access/access.plugin';
import type { AccessLimits } from '../access/access.rate-limit';
import type { Config } from '../config';
import type { AtlasContext } from '../context';
import type { Logger } from '../logger';
import { formatError } from '../errors';
import type { GraphVersion } from './graph-version';
import { queryLimitsPlugin, type VerdictCache } from './limits';
import type { Metrics } from './metrics';
import { useCacheControl } from './plugins/cache-control.plugin';
import { useErrorLog } from './plugins/error-log.plugin';
import { useOperationTrace } from './plugins/operation-trace.plugin';
import { type RequestHooks, requestHooksPlugin } from './plugins/request-hooks';
import { useRequestLog } from './plugins/request-log.plugin';
import { useResponseHeaders } from './plugins/response-headers.plugin';
import { useResponseStatus } from './plugins/response-status.plugin';
import { type ResponseStore, useResponseCacheVerdict } from './response-cache';

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

export interface ApolloDeps {
  config: Config;
  /** The server's logger (each request logs through its own child). */
  logger: Logger;
  schema: GraphQLSchema;
  metrics: Metrics;
  /** The server Apollo drains on stop. */
  httpServer: http.Server;
  graphVersion: GraphVersion;
  limitVerdicts: VerdictCache;
  accessLimits: AccessLimits;
  /** The response cache, when it is on: answers are marked storable or not. */
  responses: ResponseStore | undefined;
  /** Plugins left out by name (the layer benchmark only). */
  omitLayers: ReadonlySet<string>;
}

/** Apollo Server with this API's options and plugins, whichever HTTP framework serves it. Start it before use. */
export function createApollo({
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
}: ApolloDeps): ApolloServer<AtlasContext> {
  const kept = <T>(layers: [string, T][]): T[] => layers.filter(([name]) => !omitLayers.has(name)).map(([, l]) => l);
  const exposeDetails = config.env === 'development';
  // Every cache kept between requests has a budget in bytes, so a flood of distinct queries cannot grow memory past
  // it; Apollo's default for the document and persisted-query caches is 30 MiB of JSON each.
  const persistedQueries = new InMemoryLRUCache<string>({ maxSize: Math.max(1, config.caches.persistedQueryBytes) });
  return new ApolloServer<AtlasContext>({
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
    plugins: [
      ...kept<ApolloServerPlugin<AtlasContext>>([
        ['drain', ApolloServerPluginDrainHttpServer({ httpServer })],
        ['landing-page-disabled', ApolloServerPluginLandingPageDisabled()],
        // Cache-Control is set by useCacheControl, in one step for the whole response.
        ['cache-control-disabled', ApolloServerPluginCacheControlDisabled()],
        // Apollo installs inline tracing for federated subgraphs only, but its listener runs on every request.
        ['inline-trace-disabled', ApolloServerPluginInlineTraceDisabled()],
      ]),
      requestHooksPlugin(
        kept<RequestHooks>([
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
          ...(responses ? [['response-cache-verdict', useResponseCacheVerdict()] as [string, RequestHooks]] : []),
          ['error-log', useErrorLog()],
          ['request-log', useRequestLog(logger)],
        ]),
      ),
    ],
  });
}
