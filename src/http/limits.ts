import crypto from 'node:crypto';

import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode, parse } from 'graphql';
import { LRUCache } from 'lru-cache';

import type { LimitsConfig } from '../config';
import { ErrorCode } from '../errors';
import { aliasCount, type CostSizes, documentShape, operationShape } from './limits.analysis';
import type { Step } from './chain';
import type { RequestHooks } from './plugins/request-hooks';
import { queryTextOf, sendRequestError } from './request-errors';

/** A request asked for too much; answered with HTTP 400 before any resolver runs. */
function tooComplex(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 }, ...extensions },
  });
}

/** The limit an operation breaks with the given variables, as the error to answer with; null when within limits. */
function verdict(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: LimitsConfig,
): GraphQLError | null {
  const shape = operationShape(schema, document, operation, variables, costSizes(limits));
  const depth = shape.depth;
  if (depth > limits.maxQueryDepth) {
    return tooComplex(
      `The query nests ${depth} levels deep; the limit is ${limits.maxQueryDepth}. Ask for fewer nested levels, or make several smaller queries.`,
      { depth, maxDepth: limits.maxQueryDepth },
    );
  }
  const aliases = aliasCount(document);
  if (aliases > limits.maxAliases) {
    return tooComplex(
      `The query uses ${aliases} aliases; the limit is ${limits.maxAliases}. Split it into several requests.`,
      { aliases, maxAliases: limits.maxAliases },
    );
  }
  const cost = shape.cost;
  if (cost > limits.maxQueryCost) {
    return tooComplex(
      `The query's estimated cost is ${shown(cost)}; the limit is ${limits.maxQueryCost}. Lists cost by their first/last/limit: ask for smaller pages or fewer nested lists.`,
      { cost: shown(cost), maxCost: limits.maxQueryCost },
    );
  }
  return null;
}

/**
 * The limits that bound the work of validation itself, checked before it runs: graphql-js validation (overlapping
 * fields in particular) grows faster than the text with repeated fields and spreads, so a document whose expanded
 * size or introspection nesting passes its bound is refused unread.
 */
function structuralVerdict(schema: GraphQLSchema, document: DocumentNode, limits: LimitsConfig): GraphQLError | null {
  const shape = documentShape(schema, document, costSizes(limits));
  if (shape.selections > limits.maxQuerySelections) {
    return tooComplex(
      `The query expands to ${shown(shape.selections)} field selections once its fragments are spread; the limit is ${limits.maxQuerySelections}. Spread fragments fewer times, or split the query into several requests.`,
      { selections: shown(shape.selections), maxSelections: limits.maxQuerySelections },
    );
  }
  if (shape.introspectionDepth > limits.maxIntrospectionDepth) {
    return tooComplex(
      `The introspection query nests ${shape.introspectionDepth} levels deep; the limit is ${limits.maxIntrospectionDepth}. The standard introspection query (as GraphiQL sends it) fits; ask for fewer nested ofType levels.`,
      { introspectionDepth: shape.introspectionDepth, maxIntrospectionDepth: limits.maxIntrospectionDepth },
    );
  }
  return null;
}

/** Figures past 2^53 are not exact, and past the float range not finite: a client needs only to see they are huge. */
function shown(value: number): number | string {
  return Number.isSafeInteger(value) ? value : 'more than 9007199254740991';
}

function costSizes(limits: LimitsConfig): CostSizes {
  return {
    defaultPageSize: limits.defaultPageSize,
    maxSize: Math.max(limits.maxPageSize, limits.maxNeighborhoodNodes),
  };
}

/** A verdict as the cache keeps it: the empty string for "within limits". */
type StoredVerdict = string;

function stored(error: GraphQLError | null): StoredVerdict {
  return error ? JSON.stringify({ message: error.message, extensions: error.extensions }) : '';
}

/** A fresh error each time: Apollo's error handling may annotate the one it is given. */
function revived(verdict: StoredVerdict): GraphQLError | null {
  if (verdict === '') return null;
  const { message, extensions } = JSON.parse(verdict) as { message: string; extensions: Record<string, unknown> };
  return new GraphQLError(message, { extensions });
}

/**
 * Limit verdicts kept between requests, within a budget of bytes. Read and written synchronously (lru-cache itself,
 * not Apollo's promise-returning wrapper of it): a document already judged is answered without a promise.
 */
export type VerdictCache = LRUCache<string, StoredVerdict>;

export function verdictCache(bytes: number): VerdictCache {
  return new LRUCache<string, StoredVerdict>({
    maxSize: Math.max(1, bytes),
    // An entry costs its key (up to the query text's length), its value and the cache's bookkeeping.
    sizeCalculation: (value: StoredVerdict, key: string) => key.length + value.length + 100,
  });
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url');
}

/** Texts up to this length are their own cache key: hashing them costs more than the bytes they add to an entry. */
const SHORT_KEY = 128;

/**
 * A text as part of a cache key: itself when short (prefixed so it can never equal a hash), its SHA-256 otherwise.
 * Entries are budgeted by their key's length, so a longer key only makes its entry count for more.
 */
function shortKey(text: string): string {
  return text.length <= SHORT_KEY ? `=${text}` : sha256(text);
}

/**
 * Refuses, before Apollo parses and validates it, a query text whose expanded size or introspection nesting passes its
 * bound. It must run before validation, whose cost grows faster than the text, and Apollo's hooks cannot answer with a
 * client error before it; so the text is parsed here too (with the same token limit), once per distinct text: the
 * verdict is kept. A text that does not parse is left to Apollo, which reports the syntax error.
 */
export function queryShapeGuard(limits: LimitsConfig, schema: GraphQLSchema, verdicts: VerdictCache): Step {
  return (req, res, next) => {
    const query = queryTextOf(req);
    if (typeof query !== 'string') return next();
    // The text itself is the key (queryLengthGuard bounds it, the budget counts it): hashing a long text on every
    // request cost more than the look-up it keys.
    const key = `shape:${query}`;
    let found = verdicts.get(key);
    if (found === undefined) {
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.maxQueryTokens, noLocation: true });
      } catch {
        return next();
      }
      found = stored(structuralVerdict(schema, document, limits));
      verdicts.set(key, found);
    }
    const error = revived(found);
    if (!error) return next();
    const { http: _http, code, ...details } = error.extensions as Record<string, unknown>;
    sendRequestError(req, res, 400, error.message, String(code), details);
  };
}

/**
 * Rejects operations that are too deep, too costly or use too many aliases, after parsing and validation and before
 * execution, with HTTP 400 and a message that says the limit and how to stay under it.
 *
 * Verdicts are remembered per query text, operation and variables within a budget of bytes, so a client repeating a
 * query (the usual case) has it analysed once, and a flood of distinct requests cannot grow the memory past it.
 */
export function queryLimitsPlugin(limits: LimitsConfig, schema: GraphQLSchema, verdicts: VerdictCache): RequestHooks {
  return {
    didResolveOperation({ request, document, operation, queryHash, contextValue }) {
      // No operation of that name (or several and none named): execution answers that, with a clear message.
      if (!operation) return;
      const variables = request.variables ?? {};
      const key = `operation:${queryHash}:${shortKey(request.operationName ?? '')}:${variablesKey(variables)}`;
      let found = verdicts.get(key);
      if (found === undefined) {
        found = stored(verdict(schema, document, operation, variables, limits));
        verdicts.set(key, found);
      }
      const error = revived(found);
      if (error) {
        contextValue.logger.info({ code: error.extensions.code, reason: error.message }, 'query refused by the limits');
        throw error;
      }
    },
  };
}

/**
 * The variables as part of a cache key. JSON.stringify recurses, so variables nested past the stack's depth (a body of
 * nested arrays) cannot be written out: they get a key of their own that no other request shares, since the
 * verdict does not depend on them anyway (no size argument takes a nested value).
 */
function variablesKey(variables: Record<string, unknown>): string {
  try {
    return shortKey(JSON.stringify(variables));
  } catch {
    return `unkeyed-${crypto.randomUUID()}`;
  }
}
