import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

import { Lexer, Source, TokenKind } from 'graphql';
import { Counter, type Registry } from 'prom-client';

import { langFromAcceptLanguage } from '../i18n/lang';
import type { Step } from './chain';
import { graphqlMediaType } from './media-type';
import { searchParam } from './request-errors';
import type { RequestHooks } from './plugins/request-hooks';
import type { AnswerKeeper } from './request-state';
import { sendText } from './respond';

/** The header that says how the response cache treated a request: `hit`, `miss` (stored) or `bypass` (not storable). */
export const RESPONSE_CACHE_HEADER = 'x-response-cache';

/**
 * Headers of a fresh answer that a stored one must not repeat: the length and encoding are the compression
 * middleware's and Express's, per response; the request id and round trips belong to the request that ran.
 */
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'x-request-id',
  'x-db-round-trips',
  RESPONSE_CACHE_HEADER,
  'etag',
]);

/** A request carrying a credential may get an answer meant for its sender alone: it is never stored nor served. */
export function isPrivateRequest(
  headers: IncomingHttpHeaders | { get(name: string): string | undefined | null },
): boolean {
  if ('get' in headers && typeof headers.get === 'function') {
    return Boolean(headers.get('authorization') || headers.get('cookie'));
  }
  const plain = headers as IncomingHttpHeaders;
  return plain.authorization !== undefined || plain.cookie !== undefined;
}

interface Entry {
  version: string;
  body: string;
  headers: [string, string][];
  bytes: number;
}

/** Fixed cost of an entry besides its key and body text: the object, its header pairs and the map slot. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Whole answers in a map kept in least-recently-used order, within a budget of estimated heap bytes (two per
 * character of key and body, plus a fixed overhead per entry). Each entry remembers the graph version it was read
 * from and is served only while that is still the current version.
 */
export class ResponseStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  get(key: string, version: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Omit<Entry, 'bytes'>): void {
    const bytes =
      2 * (key.length + entry.body.length) +
      ENTRY_OVERHEAD_BYTES +
      entry.headers.reduce((sum, [name, value]) => sum + 2 * (name.length + value.length), 0);
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { ...entry, bytes });
    this.bytes += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/**
 * The document as its tokens, so answers are shared by texts that differ only in whitespace, commas and comments.
 * Lexing is linear and far cheaper than parsing and validating; undefined for a text that does not lex (GraphQL
 * then reports the syntax error).
 */
export function normalizeDocument(text: string): string | undefined {
  try {
    const lexer = new Lexer(new Source(text));
    const parts: string[] = [];
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      parts.push(
        token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING
          ? JSON.stringify(token.value)
          : (token.value ?? token.kind),
      );
    }
    return parts.join(' ');
  } catch {
    return undefined;
  }
}

/** Deeper variables than any argument of the schema takes are left to GraphQL to refuse, and never recursed into here. */
const MAX_VARIABLE_DEPTH = 32;

/**
 * JSON with object keys in sorted order, so `{a,b}` and `{b,a}` variables share an answer; undefined for variables
 * nested deeper than MAX_VARIABLE_DEPTH.
 */
function canonicalJson(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_VARIABLE_DEPTH) return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = canonicalJson(item, depth + 1);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    const text = canonicalJson(record[key], depth + 1);
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

interface GraphqlParams {
  query: unknown;
  operationName: unknown;
  variables: unknown;
  hash: unknown;
}

function paramsOf(req: IncomingMessage): GraphqlParams | undefined {
  if (req.method === 'GET') {
    let variables: unknown;
    let extensions: { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const variablesText = searchParam(req, 'variables');
    const extensionsText = searchParam(req, 'extensions');
    try {
      variables = variablesText === undefined ? undefined : (JSON.parse(variablesText) as unknown);
      extensions = extensionsText === undefined ? undefined : (JSON.parse(extensionsText) as typeof extensions);
    } catch {
      return undefined;
    }
    return {
      query: searchParam(req, 'query'),
      operationName: searchParam(req, 'operationName'),
      variables,
      hash: extensions?.persistedQuery?.sha256Hash,
    };
  }
  const body = req.atlas?.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  return {
    query: body.query,
    operationName: body.operationName,
    variables: body.variables,
    hash: extensions && typeof extensions === 'object' ? extensions.persistedQuery?.sha256Hash : undefined,
  };
}

/**
 * What an answer depends on: the document (normalized, or the persisted query's hash when only that was sent), the
 * operation, the variables, the language and the media type. Encoding is left to the compression middleware, which
 * runs on a hit as on a miss. Undefined when the request is not one a stored answer may serve.
 */
export function cacheKeyOf(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET' && req.method !== 'POST') return undefined;
  const params = paramsOf(req);
  if (!params) return undefined;
  let document: string | undefined;
  if (typeof params.query === 'string') document = normalizeDocument(params.query);
  else if (params.query === undefined && typeof params.hash === 'string') document = `#${params.hash}`;
  if (document === undefined) return undefined;
  if (params.operationName !== undefined && params.operationName !== null && typeof params.operationName !== 'string')
    return undefined;
  const mediaType = graphqlMediaType(req);
  if (!mediaType) return undefined;
  const variables = canonicalJson(params.variables ?? {});
  if (variables === undefined) return undefined;
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  return `${lang}\u0000${mediaType}\u0000${params.operationName ?? ''}\u0000${variables}\u0000${document}`;
}

export interface ResponseCacheOptions {
  store: ResponseStore;
  /** The graph version answers are read from now; an entry from another version is never served. */
  graphVersion: () => string;
  registry: Registry;
}

/**
 * Serves a repeated question from the store without running GraphQL or asking the database, with the headers the
 * first answer had (ETag, Cache-Control, X-Graph-Version, Content-Type; Vary, CORS and security headers are set
 * before this runs, per request). On a miss it lets the request run and keeps the answer if the Apollo plugin
 * `useResponseCacheVerdict` marked it storable.
 */
export function responseCache({ store, graphVersion, registry }: ResponseCacheOptions): Step {
  const lookups = new Counter({
    name: 'atlas_response_cache_total',
    help: 'GraphQL requests by what the response cache did: hit (served from it), miss (ran and stored), bypass (ran, not storable).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  return (req, res, next) => {
    if (isPrivateRequest(req.headers)) {
      res.setHeader(RESPONSE_CACHE_HEADER, 'bypass');
      lookups.inc({ result: 'bypass' });
      return next();
    }
    const key = cacheKeyOf(req);
    if (key === undefined) return next();
    const version = graphVersion();
    const entry = store.get(key, version);
    if (entry) {
      lookups.inc({ result: 'hit' });
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader('x-db-round-trips', '0');
      res.setHeader(RESPONSE_CACHE_HEADER, 'hit');
      req.atlas?.logger.debug('graphql request served from the response cache');
      res.statusCode = 200;
      sendText(req, res, entry.body);
      return;
    }
    if (req.atlas) req.atlas.keeper = new Keeper(store, key, version, { ...res.getHeaders() }, lookups);
    next();
  };
}

/** Keeps the answer to a request the store could not serve, if it turns out storable. */
class Keeper implements AnswerKeeper {
  private headers: [string, string][] = [];

  constructor(
    private readonly store: ResponseStore,
    private readonly key: string,
    private readonly version: string,
    private readonly before: OutgoingHttpHeaders,
    private readonly lookups: Counter<'result'>,
  ) {}

  storable(res: ServerResponse): boolean {
    const storable = res.statusCode === 200 && res.getHeader(RESPONSE_CACHE_HEADER) === 'miss';
    this.lookups.inc({ result: storable ? 'miss' : 'bypass' });
    // Read before the answer is written: a 304 drops its Content-Type.
    if (storable) this.headers = collectHeaders(res.getHeaders(), this.before);
    return storable;
  }

  keep(res: ServerResponse, body: string): void {
    const etag = res.getHeader('etag');
    if (typeof etag === 'string') this.headers.push(['etag', etag]);
    this.store.set(this.key, { version: this.version, body, headers: this.headers });
  }
}

/** The headers the GraphQL run set or changed, which a hit must repeat; those set earlier are set again per request. */
function collectHeaders(all: OutgoingHttpHeaders, before: OutgoingHttpHeaders): [string, string][] {
  const text = (value: OutgoingHttpHeaders[string]) => (Array.isArray(value) ? value.join(', ') : String(value));
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(all)) {
    if (PER_RESPONSE.has(name) || value === undefined) continue;
    if (before[name] !== undefined && text(before[name]) === text(value)) continue;
    kept.push([name, text(value)]);
  }
  return kept;
}

/**
 * Marks each answer as storable (`miss`) or not (`bypass`): only a single result without errors, for a request
 * without credentials, whose resolvers did not say it differs per call (a quiz without a seed).
 */
export function useResponseCacheVerdict(): RequestHooks {
  return {
    willSendResponse({ request, response, contextValue }) {
      const storable =
        response.body.kind === 'single' &&
        !response.body.singleResult.errors &&
        !contextValue.perCallAnswer &&
        !isPrivateRequest(request.http?.headers ?? new Map());
      response.http.headers.set(RESPONSE_CACHE_HEADER, storable ? 'miss' : 'bypass');
    },
  };
}
