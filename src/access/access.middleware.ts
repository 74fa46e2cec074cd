import type { IncomingMessage, ServerResponse } from 'node:http';

import type { AccessConfig } from '../config';
import { AtlasError } from '../errors';
import type { Neo4jGateway } from '../neo4j/gateway';
import { callerOf } from './access.credential';
import { AccessRepository } from './access.repository';
import { PUBLIC_CALLER } from './access.types';

/** What a response to a request with a credential must say to every cache on the way. */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * Reads the `Authorization` header into the request's caller (`req.atlas`, src/http/request-state.ts) before GraphQL runs. A request that sends the header gets
 * `Cache-Control: private, no-store` whatever happens next; a bad credential is answered here, as a GraphQL-shaped
 * 401 with code UNAUTHENTICATED, and nothing of the request runs. Without the header nothing changes.
 */
export function authenticate(
  gateway: Neo4jGateway,
  config: AccessConfig,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const repo = new AccessRepository(gateway);
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      if (req.atlas) req.atlas.caller = PUBLIC_CALLER;
      next();
      return;
    }
    res.setHeader('cache-control', PRIVATE_NO_STORE);
    callerOf(header, repo, config.tokenSecret).then(
      (caller) => {
        if (req.atlas) req.atlas.caller = caller;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AtlasError)) {
          next(error);
          return;
        }
        req.atlas?.logger.info({ status: 401, code: error.code }, 'credential refused');
        const { http: httpHead, ...extensions } = error.extensions as {
          http?: { status: number; headers?: Map<string, string> };
        };
        for (const [name, value] of httpHead?.headers ?? []) res.setHeader(name, value);
        res.statusCode = httpHead?.status ?? (error.code.startsWith('DATABASE_') ? 503 : 500);
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
      },
    );
  };
}
