import type { IncomingMessage } from 'node:http';

import accepts from 'accepts';

export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** The media types an answer of /graphql can have, in Apollo's order of preference (no Accept header: the first). */
const GRAPHQL_MEDIA_TYPES = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON];

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PARAMETER = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)=("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*$/;

/**
 * A Content-Type header as its type/subtype (lowercase) and charset, or undefined when it is not a well-formed media
 * type: the rule the `content-type` package (behind Express's `req.is` and body-parser) applies.
 */
export function mediaTypeOf(header: string | undefined): { essence: string; charset: string | undefined } | undefined {
  if (!header) return undefined;
  const parts = header.split(';');
  const essence = parts[0].trim().toLowerCase();
  const slash = essence.indexOf('/');
  if (slash < 0 || !TOKEN.test(essence.slice(0, slash)) || !TOKEN.test(essence.slice(slash + 1))) return undefined;
  let charset: string | undefined;
  for (let i = 1; i < parts.length; i += 1) {
    // A trailing `;` is tolerated, as content-type does.
    if (i === parts.length - 1 && parts[i].trim() === '') break;
    const match = PARAMETER.exec(parts[i]);
    if (!match) return undefined;
    if (match[1].toLowerCase() === 'charset') {
      const value = match[2].startsWith('"') ? match[2].slice(1, -1).replace(/\\(.)/g, '$1') : match[2];
      charset = value.toLowerCase();
    }
  }
  return { essence, charset };
}

/** Whether a request carries a body (Transfer-Encoding, or a Content-Length, 0 included), as type-is decides it. */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

/** A request with a JSON body, as Express's `req.is('application/json')` decides it. */
export function isJsonBody(req: IncomingMessage): boolean {
  return hasBody(req) && mediaTypeOf(req.headers['content-type'])?.essence === APPLICATION_JSON;
}

/**
 * The media type a /graphql answer will have, chosen from the Accept header as Apollo chooses it; false when the client
 * accepts neither. The usual headers are answered without negotiating.
 */
export function graphqlMediaType(req: IncomingMessage): string | false {
  const accept = req.headers.accept;
  if (accept === undefined || accept === '*/*' || accept === APPLICATION_JSON) return APPLICATION_JSON;
  if (accept === GRAPHQL_RESPONSE_JSON) return GRAPHQL_RESPONSE_JSON;
  return accepts(req).type(GRAPHQL_MEDIA_TYPES) as string | false;
}

/**
 * A browser opening /graphql asks for HTML; a GraphQL client (or curl with its default Accept: *\/*) asks for JSON
 * or anything, and must reach Apollo. The same rule as Apollo's own landing page.
 */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (accept === undefined || accept === '*/*' || accept === APPLICATION_JSON || accept === GRAPHQL_RESPONSE_JSON)
    return false;
  return (accepts(req).type([...GRAPHQL_MEDIA_TYPES, 'text/html']) as string | false) === 'text/html';
}
