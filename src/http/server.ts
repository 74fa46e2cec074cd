import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';

import type { Config } from '../config';
import { type AtlasContext, createRepositories } from '../context';
import { formatError } from '../errors';
import { langFromAcceptLanguage } from '../i18n/lang';
import type { Logger } from '../logger';
import type { Neo4jGateway, QueryStats } from '../neo4j/gateway';
import { healthRouter } from './health';

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
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client may pass its own X-Request-Id (if it is short and plain); otherwise we make one. */
function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

/** Express + Apollo Server on one HTTP server, listening on the configured host and port. */
export async function startHttpServer({ config, logger, gateway, schema }: HttpServerDeps): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const exposeDetails = config.env === 'development';

  const apollo = new ApolloServer<AtlasContext>({
    schema,
    formatError: (formatted) => formatError(formatted, exposeDetails),
    includeStacktraceInErrorResponses: exposeDetails,
    introspection: true,
    // main.ts owns signal handling, so the drain happens once and in order (HTTP, then driver, then Neo4j).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart({ contextValue }) {
          return {
            async willSendResponse({ response }) {
              response.http.headers.set('x-db-round-trips', String(contextValue.queryStats.roundTrips));
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
  app.use(healthRouter(gateway));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<AtlasContext> => {
        const requestId = res.locals.requestId as string;
        const queryStats: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
        return {
          requestId,
          lang: langFromAcceptLanguage(req.headers['accept-language']),
          queryStats,
          logger: logger.child({ requestId }),
          config,
          repos: createRepositories(gateway.withStats(queryStats), config),
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
      await apollo.stop();
    },
  };
}
