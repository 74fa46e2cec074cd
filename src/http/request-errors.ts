import crypto from 'node:crypto';

import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** The code of a request refused before GraphQL runs because it is malformed (Apollo's code for the same). */
export const BAD_REQUEST = 'BAD_REQUEST';

/**
 * A GraphQL-shaped error response for problems found before GraphQL runs (body too large, malformed JSON), logged at
 * info without a stack: it is the client's mistake, not ours.
 */
export function sendRequestError(
  res: Response,
  status: number,
  message: string,
  code: string = status === 413 ? ErrorCode.BAD_USER_INPUT : BAD_REQUEST,
  details: Record<string, unknown> = {},
): void {
  const logger = res.locals.logger as Logger | undefined;
  logger?.info({ status, code, reason: message }, 'request refused');
  res.setHeader('cache-control', 'no-store');
  res.status(status).json({ errors: [{ message, extensions: { ...details, code } }] });
}

/** Rejects an over-long query text before it is parsed (parsing cost grows with it). */
export function queryLengthGuard(maxLength: number): RequestHandler {
  return (req, res, next) => {
    const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && query.length > maxLength) {
      sendRequestError(
        res,
        400,
        `The query text is ${query.length} characters long; the limit is ${maxLength}. Send a shorter query (persisted queries help).`,
      );
      return;
    }
    next();
  };
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A GET carries its request in the URL; a body beside it would be ignored, and a client that sent one meant something
 * other than what would run.
 */
export function getWithoutBody(): RequestHandler {
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && hasBody(req.headers)) {
      sendRequestError(
        res,
        400,
        'A GET request carries its query in the URL (?query=...&variables=...) and must have no body. Send the body with POST instead.',
      );
      return;
    }
    next();
  };
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

function persistedQueryOf(
  req: Parameters<RequestHandler>[0],
): { query: unknown; extension: PersistedQueryExtension | undefined } | 'malformed' {
  if (req.method === 'GET') {
    const raw = req.query.extensions;
    if (typeof raw !== 'string') return { query: req.query.query, extension: undefined };
    try {
      const parsed = JSON.parse(raw) as { persistedQuery?: PersistedQueryExtension } | null;
      return { query: req.query.query, extension: parsed?.persistedQuery };
    } catch {
      return 'malformed';
    }
  }
  const body = req.body as { query?: unknown; extensions?: { persistedQuery?: PersistedQueryExtension } } | undefined;
  return {
    query: body?.query,
    extension: body && typeof body.extensions === 'object' ? body.extensions?.persistedQuery : undefined,
  };
}

/**
 * Automatic persisted queries sent with a hash that does not match their text, or in a version this server does not
 * speak, are the client's mistake: answered 400 BAD_REQUEST saying what to fix (Apollo would call them internal).
 */
export function persistedQueryGuard(): RequestHandler {
  return (req, res, next) => {
    const found = persistedQueryOf(req);
    if (found === 'malformed') {
      sendRequestError(
        res,
        400,
        'The `extensions` parameter is not valid JSON. Send a JSON object, e.g. {"persistedQuery":{"version":1,"sha256Hash":"..."}}.',
      );
      return;
    }
    const { query, extension } = found;
    if (!extension || typeof extension !== 'object') return next();
    if (extension.version !== 1) {
      sendRequestError(
        res,
        400,
        `Persisted queries are supported in version 1 only; got version ${JSON.stringify(extension.version ?? null)}. Send "version": 1.`,
      );
      return;
    }
    if (typeof extension.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(extension.sha256Hash)) {
      sendRequestError(
        res,
        400,
        'The persisted query has no valid `sha256Hash`: send the lowercase hex SHA-256 of the query text (64 characters).',
      );
      return;
    }
    if (typeof query === 'string' && crypto.createHash('sha256').update(query).digest('hex') !== extension.sha256Hash) {
      sendRequestError(
        res,
        400,
        "The persisted query's `sha256Hash` is not the SHA-256 of the query text sent with it. Hash the exact query text (hex, lowercase) and send both again.",
      );
      return;
    }
    next();
  };
}

/** body-parser's error types that describe a request the client got wrong, with the status and message to answer. */
const CLIENT_BODY_ERRORS: Record<string, (maxBytes: number) => [number, string]> = {
  'entity.too.large': (maxBytes) => [413, `The request body is larger than ${maxBytes} bytes. Send a smaller request.`],
  'entity.parse.failed': () => [
    400,
    'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with Content-Type: application/json.',
  ],
  'charset.unsupported': () => [415, 'The request body must be UTF-8 JSON.'],
  'encoding.unsupported': () => [
    415,
    "The request body's Content-Encoding is not supported. Send it uncompressed (identity), gzip, deflate or br.",
  ],
  'request.aborted': () => [
    400,
    'The request body ended before its announced length: the client stopped sending. Send the whole body again.',
  ],
  'request.size.invalid': () => [
    400,
    'The request body is not as long as its Content-Length says. Send the whole body with a matching Content-Length.',
  ],
  'stream.encoding.set': () => [400, 'The request body could not be read. Send it again as UTF-8 JSON.'],
};

/** Errors from reading the request body: each answered as the client's mistake, with what to do. */
export function bodyErrors(maxBytes: number): ErrorRequestHandler {
  return (error: { type?: string }, _req, res, next) => {
    const known = error.type ? CLIENT_BODY_ERRORS[error.type] : undefined;
    if (!known) return next(error);
    const [status, message] = known(maxBytes);
    // An aborted request has nobody left to answer; the log line is all there is.
    if (res.req.socket.destroyed) {
      (res.locals.logger as Logger | undefined)?.info(
        { status, code: BAD_REQUEST, reason: message },
        'request refused',
      );
      return;
    }
    sendRequestError(res, status, message);
  };
}

/**
 * The last error handler: whatever reached it is logged as one JSON line (Express's own handler would print a raw
 * stack to stderr) and answered as a GraphQL-shaped error, 4xx when the error says the client caused it.
 */
export function finalErrorHandler(logger: Logger, exposeDetails: boolean): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; expose?: boolean; message?: string }, req, res, _next) => {
    const status = error.status ?? error.statusCode ?? 500;
    const log = (res.locals.logger as Logger | undefined) ?? logger;
    if (status >= 400 && status < 500) {
      log.info(
        { status, code: BAD_REQUEST, reason: error.message, method: req.method, path: req.path },
        'request refused',
      );
    } else {
      log.error({ err: error, method: req.method, path: req.path }, 'unexpected error while handling a request');
    }
    if (res.headersSent || req.socket.destroyed) {
      res.destroy();
      return;
    }
    const message =
      status < 500 && error.expose !== false && error.message
        ? `${error.message}. Check the request against the API's documentation and send it again.`
        : exposeDetails && error.message
          ? error.message
          : 'Internal server error. The problem was logged; try again, and report it if it persists.';
    res.setHeader('cache-control', 'no-store');
    res.status(status < 400 || status > 599 ? 500 : status).json({
      errors: [{ message, extensions: { code: status < 500 ? BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR } }],
    });
  };
}
