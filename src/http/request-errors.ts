import crypto from 'node:crypto';

import type { IncomingMessage, ServerResponse } from 'node:http';

import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { ErrorStep, Step } from './chain';
import { sendJson } from './respond';

/** The code of a request refused before GraphQL runs because it is malformed (Apollo's code for the same). */
export const BAD_REQUEST = 'BAD_REQUEST';

/**
 * A GraphQL-shaped error response for problems found before GraphQL runs (body too large, malformed JSON), logged at
 * info without a stack: it is the client's mistake, not ours.
 */
export function sendRequestError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  code: string = status === 413 ? ErrorCode.BAD_USER_INPUT : BAD_REQUEST,
  details: Record<string, unknown> = {},
): void {
  req.atlas?.logger.info({ status, code, reason: message }, 'request refused');
  res.setHeader('cache-control', 'no-store');
  sendJson(req, res, status, { errors: [{ message, extensions: { ...details, code } }] });
}

/** A parameter of the URL's query string given exactly once (Apollo refuses one given twice, saying so). */
export function searchParam(req: IncomingMessage, name: string): string | undefined {
  const search = req.atlas?.search;
  if (!search) return undefined;
  const values = search.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/** The query text of a GraphQL request: from the URL for a GET, from the JSON body otherwise. */
export function queryTextOf(req: IncomingMessage): unknown {
  return req.method === 'GET' ? searchParam(req, 'query') : (req.atlas?.body as { query?: unknown } | undefined)?.query;
}

/** Rejects an over-long query text before it is parsed (parsing cost grows with it). */
export function queryLengthGuard(maxLength: number): Step {
  return (req, res, next) => {
    const query = queryTextOf(req);
    if (typeof query === 'string' && query.length > maxLength) {
      sendRequestError(
        req,
        res,
        400,
        `The query text is ${query.length} characters long; the limit is ${maxLength}. Send a shorter query (persisted queries help).`,
      );
      return;
    }
    next();
  };
}

function hasContent(headers: IncomingMessage['headers']): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A GET carries its request in the URL; a body beside it would be ignored, and a client that sent one meant something
 * other than what would run.
 */
export function getWithoutBody(): Step {
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && hasContent(req.headers)) {
      sendRequestError(
        req,
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
  req: IncomingMessage,
): { query: unknown; extension: PersistedQueryExtension | undefined } | 'malformed' {
  if (req.method === 'GET') {
    const raw = searchParam(req, 'extensions');
    const query = searchParam(req, 'query');
    if (raw === undefined) return { query, extension: undefined };
    try {
      const parsed = JSON.parse(raw) as { persistedQuery?: PersistedQueryExtension } | null;
      return { query, extension: parsed?.persistedQuery };
    } catch {
      return 'malformed';
    }
  }
  const body = req.atlas?.body as
    { query?: unknown; extensions?: { persistedQuery?: PersistedQueryExtension } } | undefined;
  return {
    query: body?.query,
    extension: body && typeof body.extensions === 'object' ? body.extensions?.persistedQuery : undefined,
  };
}

/**
 * Automatic persisted queries sent with a hash that does not match their text, or in a version this server does not
 * speak, are the client's mistake: answered 400 BAD_REQUEST saying what to fix (Apollo would call them internal).
 */
export function persistedQueryGuard(): Step {
  return (req, res, next) => {
    const found = persistedQueryOf(req);
    if (found === 'malformed') {
      sendRequestError(
        req,
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
        req,
        res,
        400,
        `Persisted queries are supported in version 1 only; got version ${JSON.stringify(extension.version ?? null)}. Send "version": 1.`,
      );
      return;
    }
    if (typeof extension.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(extension.sha256Hash)) {
      sendRequestError(
        req,
        res,
        400,
        'The persisted query has no valid `sha256Hash`: send the lowercase hex SHA-256 of the query text (64 characters).',
      );
      return;
    }
    if (typeof query === 'string' && crypto.createHash('sha256').update(query).digest('hex') !== extension.sha256Hash) {
      sendRequestError(
        req,
        res,
        400,
        "The persisted query's `sha256Hash` is not the SHA-256 of the query text sent with it. Hash the exact query text (hex, lowercase) and send both again.",
      );
      return;
    }
    next();
  };
}

/** The error types of reading a body (body-parser's and raw-body's) that describe a request the client got wrong, with the status and message to answer. */
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
  'encoding.invalid': () => [
    400,
    'The request body could not be decoded as its Content-Encoding says. Send it uncompressed, or compressed as the header names (gzip, deflate or br).',
  ],
  'request.aborted': () => [
    400,
    'The request body ended before its announced length: the client stopped sending. Send the whole body again.',
  ],
  'request.closed': () => [
    400,
    'The connection closed before the request body was read: the client went away. Send the request again.',
  ],
  'request.size.invalid': () => [
    400,
    'The request body is not as long as its Content-Length says. Send the whole body with a matching Content-Length.',
  ],
  'stream.encoding.set': () => [400, 'The request body could not be read. Send it again as UTF-8 JSON.'],
};

/** Errors from reading the request body: each answered as the client's mistake, with what to do. */
export function bodyErrors(maxBytes: number): ErrorStep {
  return (error, req, res, next) => {
    const type = (error as { type?: unknown } | undefined)?.type;
    const known = typeof type === 'string' ? CLIENT_BODY_ERRORS[type] : undefined;
    if (!known) return next(error);
    const [status, message] = known(maxBytes);
    // An aborted request has nobody left to answer; the log line is all there is.
    if (req.socket.destroyed) {
      req.atlas?.logger.info({ status, code: BAD_REQUEST, reason: message }, 'request refused');
      return;
    }
    sendRequestError(req, res, status, message);
  };
}

/**
 * The last error handler: whatever reached it is logged as one JSON line (Express's own handler would print a raw
 * stack to stderr) and answered as a GraphQL-shaped error, 4xx when the error says the client caused it.
 */
export function finalErrorHandler(logger: Logger, exposeDetails: boolean): ErrorStep {
  return (thrown, req, res, _next) => {
    const error = (thrown ?? {}) as { status?: number; statusCode?: number; expose?: boolean; message?: string };
    const status = error.status ?? error.statusCode ?? 500;
    const log = req.atlas?.logger ?? logger;
    const path = (req.url ?? '').split('?')[0];
    if (status >= 400 && status < 500) {
      log.info({ status, code: BAD_REQUEST, reason: error.message, method: req.method, path }, 'request refused');
    } else {
      log.error({ err: thrown, method: req.method, path }, 'unexpected error while handling a request');
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
    sendJson(req, res, status < 400 || status > 599 ? 500 : status, {
      errors: [{ message, extensions: { code: status < 500 ? BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR } }],
    });
  };
}
