import compression from 'compression';
import cors from 'cors';
import helmet from 'helmet';
import vary from 'vary';

import type { HttpConfig } from '../config';
import type { Step } from './chain';

/**
 * Security headers. The content security policy allows only our own origin: the playground and explorer are served
 * by this server with everything bundled, so nothing needs another host. Monaco's workers run from blob: URLs and
 * its styles are injected inline.
 */
export function securityHeaders(): Step {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/** The response headers a page on another origin may read. */
export const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'x-graph-version',
  'x-db-round-trips',
  'x-response-cache',
  'etag',
  'retry-after',
];

/**
 * CORS from the configured allow-list; `*` (the default) allows every origin. That stays safe with credentials: the
 * only credential is a bearer header a page must add itself (a browser never sends it on its own), and `Authorization`
 * is not a simple header, so a cross-site call that carries it is preflighted.
 */
export function corsPolicy(config: HttpConfig): Step {
  const all = config.corsOrigins.includes('*');
  return cors({
    origin: all ? true : config.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'accept-language',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'if-none-match',
      'authorization',
    ],
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/**
 * gzip/deflate/br for responses above 1 KiB. A client that accepts no encoding skips the compression middleware
 * (which otherwise wraps every response's write and end), and still gets `Vary: Accept-Encoding` for caches.
 */
export function compress(): Step {
  // Typed for Express, written for node's request and response (it is a connect middleware).
  const compressing = compression({ threshold: 1024 }) as unknown as Step;
  return (req, res, next) => {
    if (req.headers['accept-encoding']) {
      compressing(req, res, next);
    } else {
      vary(res, 'Accept-Encoding');
      next();
    }
  };
}
