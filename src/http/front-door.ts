import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { HttpConfig } from '../config';
import type { Logger } from '../logger';
import type { Step } from './chain';
import { openState } from './request-state';
import { compress, corsPolicy, CORS_EXPOSED_HEADERS, securityHeaders } from './security';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client may pass its own X-Request-Id (if it is short and plain); otherwise we make one. */
function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

/**
 * The headers helmet sets, recorded once: they depend on nothing in the request, so each response copies the list
 * instead of running helmet's dozen steps.
 */
export function recordSecurityHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name);
    },
    getHeader: () => undefined,
  };
  let finished = false;
  securityHeaders()({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, () => {
    finished = true;
  });
  // Helmet calls back synchronously; were that to change, recording nothing would silently drop every header.
  if (!finished || headers.size === 0) throw new Error('helmet did not set its headers synchronously');
  return [...headers];
}

/**
 * What every request gets before it is routed, in one step: its state (src/http/request-state.ts) with its request id
 * and a logger child naming it (made only when something logs), the security headers, CORS and response
 * compression. A preflight (OPTIONS) goes through the `cors` package; an actual request gets the same headers it
 * would set, computed here: the allowed origin reflected (or none), `Vary: Origin` and the exposed headers. A request
 * that already passed (a browser's GET /graphql handed on to the Express app) passes straight through.
 */
export function frontDoor(config: HttpConfig, logger: Logger): Step {
  const security = recordSecurityHeaders();
  const preflight = corsPolicy(config);
  const anyOrigin = config.corsOrigins.includes('*');
  const origins = new Set(config.corsOrigins);
  const exposed = CORS_EXPOSED_HEADERS.join(',');
  const compressing = compress();
  return (req, res, next) => {
    if (req.atlas) return next();
    const id = requestIdOf(req.headers['x-request-id']);
    openState(req, id, logger);
    res.setHeader('X-Request-Id', id);
    for (const [name, value] of security) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      preflight(req, res, next);
      return;
    }
    const origin = req.headers.origin;
    if (origin && (anyOrigin || origins.has(origin))) res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', exposed);
    compressing(req, res, next);
  };
}
