import crypto from 'node:crypto';

import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

import { PUBLIC_CALLER } from '../src/access/access.types';
import { AccessLimits } from '../src/access/access.rate-limit';
import { loadConfig } from '../src/config';
import { createApollo } from '../src/http/apollo';
import { recordSecurityHeaders } from '../src/http/front-door';
import { GraphVersion } from '../src/http/graph-version';
import { queryShapeGuard, verdictCache } from '../src/http/limits';
import { createMetrics } from '../src/http/metrics';
import { RequestContext } from '../src/http/request-context';
import { persistedQueryGuard, queryLengthGuard } from '../src/http/request-errors';
import { CORS_EXPOSED_HEADERS } from '../src/http/security';
import { langFromAcceptLanguage } from '../src/i18n/lang';
import { createLogger, type Logger } from '../src/logger';
import { connectDatabase } from '../src/neo4j/database';
import { buildAtlasSchema } from '../src/schema/build';

/**
 * A prototype for bench/layers.ts: the same Apollo Server (options, plugins, context) as ours, served by Fastify
 * through @as-integrations/fastify instead of Express, over an already seeded database (NEO4J_URI), response cache
 * off. What our Express layers do on a well-formed request is done here too: request id and logger child, security
 * headers, CORS headers, Vary, the variant ETag, the persisted-query, length and shape guards (the same functions,
 * handed Fastify's request, whose method, headers, query and body they read) and the public caller. Refusals are
 * answered by those guards through a small reply adapter; compression, the other routes and every other error path
 * are not ported. Prints `{"graphql": url}` when it serves.
 */

type Guard = (req: never, res: never, next: () => void) => unknown;

interface Locals {
  requestId: string;
  logger: Logger;
  caller?: unknown;
}

/** Runs an Express-style guard against Fastify's request; resolves true when it let the request through. */
function passes(guard: Guard, request: FastifyRequest, reply: FastifyReply, locals: Locals): Promise<boolean> {
  return new Promise((resolve) => {
    const res = {
      locals,
      setHeader: (name: string, value: string) => reply.header(name, value),
      status: (code: number) => ({
        json: (body: unknown) => {
          void reply.code(code).send(body);
          resolve(false);
        },
      }),
    };
    void guard(request as never, res as never, () => resolve(true));
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  let gateway: Awaited<ReturnType<typeof connectDatabase>>['gateway'] | undefined;
  const metrics = createMetrics(() => gateway, config.neo4j.maxPoolSize);
  const db = await connectDatabase(config, logger, (kind, ms, ok) => metrics.recordQuery(kind, ms, ok));
  gateway = db.gateway;
  const schema = await buildAtlasSchema();
  const graphVersion = new GraphVersion(db.gateway, logger);
  await graphVersion.refresh();
  graphVersion.start(config.http.graphVersionCheckMs);
  const limitVerdicts = verdictCache(config.caches.limitVerdictBytes);
  const accessLimits = new AccessLimits(config.access);

  const app = Fastify({ bodyLimit: config.limits.maxBodyBytes });
  const apollo = createApollo({
    config,
    schema,
    metrics,
    httpServer: app.server,
    graphVersion,
    limitVerdicts,
    accessLimits,
    responses: undefined,
    omitLayers: new Set(),
  });
  await apollo.start();

  const security = recordSecurityHeaders();
  const anyOrigin = config.http.corsOrigins.includes('*');
  const origins = new Set(config.http.corsOrigins);
  const exposed = CORS_EXPOSED_HEADERS.join(',');
  const locals = new WeakMap<FastifyRequest, Locals>();
  const guards: Guard[] = [
    persistedQueryGuard(),
    queryLengthGuard(config.limits.maxQueryLength),
    queryShapeGuard(config.limits, schema, limitVerdicts),
  ];

  app.addHook('onRequest', (request, reply, done) => {
    const header = request.headers['x-request-id'];
    const id = typeof header === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(header) ? header : crypto.randomUUID();
    let child: Logger | undefined;
    locals.set(request, {
      requestId: id,
      get logger() {
        return (child ??= logger.child({ requestId: id }));
      },
    });
    void reply.header('x-request-id', id);
    for (const [name, value] of security) void reply.header(name, value);
    const origin = request.headers.origin;
    if (origin && (anyOrigin || origins.has(origin))) void reply.header('access-control-allow-origin', origin);
    void reply.header('access-control-expose-headers', exposed);
    // What CORS, compression (without Accept-Encoding) and the /graphql vary step set, in the same order.
    void reply.header('vary', 'Origin, Accept-Encoding, Accept, Accept-Language');
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload === 'string' && !reply.hasHeader('etag')) {
      const variant = `${langFromAcceptLanguage(request.headers['accept-language'])}\u0000${String(reply.getHeader('content-type') ?? '')}`;
      void reply.header(
        'etag',
        `W/"${crypto.createHash('sha1').update(graphVersion.current).update(variant).update(payload).digest('base64url')}"`,
      );
    }
    done(null, payload);
  });

  const handler = fastifyApolloHandler(apollo, {
    context: (request) => {
      const own = locals.get(request)!;
      return Promise.resolve(
        new RequestContext(
          own.requestId,
          PUBLIC_CALLER,
          langFromAcceptLanguage(request.headers['accept-language']),
          'application/json',
          config,
          db.gateway,
          () => own.logger,
        ),
      );
    },
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    preHandler: async (request, reply) => {
      const own = locals.get(request)!;
      for (const guard of guards) {
        if (!(await passes(guard, request, reply, own))) return reply;
      }
      return undefined;
    },
    handler,
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ graphql: `http://${config.host}:${port}/graphql` })}\n`);
  const stop = () => {
    graphVersion.stop();
    accessLimits.stop();
    void apollo
      .stop()
      .then(() => app.close())
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fastify server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
