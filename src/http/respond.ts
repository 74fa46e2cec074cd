import type { IncomingMessage, ServerResponse } from 'node:http';

/** The media type of every JSON answer this server writes itself (Apollo names its own). */
export const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Writes a whole text answer with the status already set: its length, the ETag the request's state makes (when none
 * is set yet), and a 304 without a body when a GET's If-None-Match names that ETag, as Express's `res.send` did. A
 * stored-answer keeper set by the response cache sees the answer before and after it is written.
 */
export function sendText(req: IncomingMessage, res: ServerResponse, body: string): void {
  const state = req.atlas;
  if (state?.etag && !res.hasHeader('etag')) res.setHeader('ETag', state.etag(req, res, body));
  const keeper = state?.keeper;
  const storable = keeper ? keeper.storable(res, body) : false;
  const head = req.method === 'HEAD';
  const status = res.statusCode;
  if (
    (head || req.method === 'GET') &&
    ((status >= 200 && status < 300) || status === 304) &&
    notModified(req, res.getHeader('etag'))
  ) {
    res.statusCode = 304;
    res.removeHeader('content-type');
    res.removeHeader('content-length');
    res.removeHeader('transfer-encoding');
    res.end();
  } else {
    res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'));
    if (head) res.end();
    // As a string, node joins it to the headers and sends both in one write; a Buffer would take a second one.
    else res.end(body, 'utf8');
  }
  if (storable) keeper!.keep(res, body);
}

/**
 * Whether If-None-Match names this ETag (weak comparison, as a GET revalidates), as the `fresh` package Express uses
 * decides it: `*` matches any, and Cache-Control: no-cache asks for the body whatever the tag.
 */
function notModified(req: IncomingMessage, etag: ReturnType<ServerResponse['getHeader']>): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (!noneMatch) return false;
  const cacheControl = req.headers['cache-control'];
  if (cacheControl && /(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(cacheControl)) return false;
  if (noneMatch === '*') return true;
  if (typeof etag !== 'string') return false;
  return noneMatch.split(',').some((tag) => {
    const match = tag.trim();
    return match === etag || `W/${match}` === etag || match === `W/${etag}`;
  });
}

/** A JSON answer with this status. */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_UTF8);
  sendText(req, res, JSON.stringify(value));
}
