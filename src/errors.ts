import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Error codes a client can switch on; they appear as `extensions.code` in GraphQL responses. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SEED_INVALID = 'SEED_INVALID',
  PREREQUISITE_MISSING = 'PREREQUISITE_MISSING',
  /** The stored graph breaks one of its own rules (a LEARN_AFTER cycle), so the answer cannot be computed. */
  DATA_INCONSISTENT = 'DATA_INCONSISTENT',
  /** The request needs a credential and has none, or its credential is malformed, forged, expired or revoked. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The credential is valid but does not reach what was asked for (another learner, a frontend-only operation). */
  FORBIDDEN = 'FORBIDDEN',
  /** The credential has used up its share of requests for now; `Retry-After` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * The base of every error this service raises on purpose. The message says what is wrong and what to do; the code
 * says what kind of problem it is. It is a GraphQLError so it passes through Apollo with its code intact.
 */
export class AtlasError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AtlasError';
  }
}

/** An argument is invalid; `argument` names it, so a client can show the error next to the right input. */
export class BadInputError extends AtlasError {
  constructor(argument: string, message: string) {
    super(ErrorCode.BAD_USER_INPUT, message, { argument });
  }
}

/** What an argument names does not exist; `argument` names the argument, so a client can point at it. */
export class NotFoundError extends AtlasError {
  constructor(argument: string, message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.NOT_FOUND, message, { ...extensions, argument });
  }
}

const FIND_IT = 'Check the spelling, or find it with `search`.';

/**
 * NOT_FOUND for slugs no concept has, worded the same by every query that takes one. One slug is named "given as"
 * its argument unless the argument is itself called `slug`; several (from a list argument) are named together and
 * travel as `extensions.slugs`.
 */
export function conceptNotFound(argument: string, slug: string | readonly string[]): NotFoundError {
  if (typeof slug !== 'string') {
    return new NotFoundError(argument, `No concept has the slug ${slug.map((s) => `"${s}"`).join(', ')}. ${FIND_IT}`, {
      slugs: [...slug],
    });
  }
  const given = argument === 'slug' ? '' : ` (given as \`${argument}\`)`;
  return new NotFoundError(argument, `No concept has the slug "${slug}"${given}. ${FIND_IT}`, { slug });
}

/** Neo4j cannot be reached (down, restarting, wrong address). Safe to retry later. */
export class DatabaseUnavailableError extends AtlasError {
  constructor(message = 'The knowledge graph database is not reachable right now. Try again in a few seconds.') {
    super(ErrorCode.DATABASE_UNAVAILABLE, message);
  }
}

/** A query ran past its time budget and was stopped. */
export class DatabaseTimeoutError extends AtlasError {
  constructor(
    message = 'The database took too long to answer and the query was stopped. Ask for less (smaller first/limit/depth) or try again.',
  ) {
    super(ErrorCode.DATABASE_TIMEOUT, message);
  }
}

/** Something the service needs before it can start is missing (Java, a database address). */
export class PrerequisiteError extends AtlasError {
  constructor(message: string) {
    super(ErrorCode.PREREQUISITE_MISSING, message);
  }
}

/**
 * No usable credential. HTTP 401 with `WWW-Authenticate: Bearer`, so a client library knows to get a new credential.
 */
export class UnauthenticatedError extends AtlasError {
  constructor(message: string) {
    super(ErrorCode.UNAUTHENTICATED, message, {
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="container-atlas"']]) },
    });
  }
}

/** The credential is good but reaches something else. HTTP 403. */
export class ForbiddenError extends AtlasError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });
  }
}

/** Too many requests for one credential. HTTP 429 with `Retry-After` in whole seconds. */
export class RateLimitedError extends AtlasError {
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, message, {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Apollo's own codes for requests that are malformed: they describe the client's mistake, so they stay.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const VALIDATION_ABORTED =
  'Validation stopped: the query repeats the same fields so often that checking them against each other would take too long. Ask for each field once in a selection (aliases give different arguments different names).';

/**
 * Apollo's formatError: expected errors pass with their code and message; anything unexpected is masked as
 * INTERNAL_SERVER_ERROR so no database or code internals leak, with details only in development.
 */
export function formatError(formatted: GraphQLFormattedError, exposeDetails: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
    // graphql-js stops comparing overlapping fields past a fixed amount of work and says only this.
    return { ...formatted, message: VALIDATION_ABORTED };
  }
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return formatted;
  if (exposeDetails)
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  return {
    message: 'Internal server error. The problem was logged; try again, and report it if it persists.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
