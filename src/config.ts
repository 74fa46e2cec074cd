import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The only reader of process.env. Every setting is validated and defaulted here, once, and a bad value stops the
 * process with a message that names the variable and shows a valid example.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'production' | 'development' | 'test';

export interface Neo4jConfig {
  /** Set: connect to this server and never start Java. Unset: run the bundled local Neo4j. */
  uri?: string;
  user: string;
  password: string;
  database: string;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  /** How long the driver retries a failed transaction (database restarting) before the request fails. */
  retryTimeMs: number;
  startupTimeoutMs: number;
  maxPoolSize: number;
  /** Deadline of the readiness probe's query: short, so a database that hangs turns the service unready quickly. */
  pingTimeoutMs: number;
}

export interface LocalNeo4jConfig {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  javaHome?: string;
  /** How a local Neo4j that dies is restarted: backoff from restartDelayMs, and giving up after too many crashes. */
  restart: { maxRestarts: number; windowMs: number; delayMs: number };
}

export interface LimitsConfig {
  maxPageSize: number;
  defaultPageSize: number;
  maxNeighborhoodDepth: number;
  maxNeighborhoodNodes: number;
  maxPathLength: number;
  maxPaths: number;
  maxSearchLength: number;
  /** Deepest selection nesting a query may have. */
  maxQueryDepth: number;
  /** Highest estimated cost (lists count by their first/limit) a query may have. */
  maxQueryCost: number;
  /** Most aliased fields one query may use. */
  maxAliases: number;
  /** Longest query text, in characters. */
  maxQueryLength: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most tokens the parser reads from one query text before it gives up. */
  maxQueryTokens: number;
  /** Most field selections a document may expand to once every fragment spread is expanded. */
  maxQuerySelections: number;
  /** Deepest nesting below an introspection field (`__schema`, `__type`). */
  maxIntrospectionDepth: number;
}

/** Byte budgets of the caches the process keeps between requests (estimates of the heap their entries hold). */
export interface CacheConfig {
  /** Parsed and validated documents, one per query text. */
  documentBytes: number;
  /** Query texts registered as automatic persisted queries. */
  persistedQueryBytes: number;
  /** Verdicts of the query limits, per query text, operation and variables. */
  limitVerdictBytes: number;
  /** Whole GraphQL answers, per document, operation, variables, language and media type; 0 turns the cache off. */
  responseBytes: number;
}

export interface HttpConfig {
  /** Origins allowed by CORS; ['*'] allows all (the default for this read-only public API). */
  corsOrigins: string[];
  /** max-age of the Cache-Control hint on query responses, in seconds (the graph changes only on seeding). */
  cacheMaxAgeSeconds: number;
  /** How often the graph version (the seed hash) is re-read: the most a re-seed takes to reach ETags and the response cache. */
  graphVersionCheckMs: number;
}

/** Quizzes, tours and differences. */
export interface LearningConfig {
  /** Key of the HMAC that makes quiz question ids tamper-evident. */
  quizSecret: string;
  /** True when no QUIZ_SECRET was set and a random one was made at start: question ids then end with the process. */
  quizSecretGenerated: boolean;
  /** Most questions one `quiz` may ask for. */
  maxQuizQuestions: number;
}

/** What a development start makes so the explorer and the playground can show the learner API. */
export interface DemoConfig {
  /** Key of the frontend named `development`; a default everyone knows, so it must never exist in production. */
  frontendKey: string;
  /** The demo learner's id under that frontend. */
  learnerId: string;
}

/** Known to everyone (it is in the README): refused in production, where no development frontend is ever made. */
export const DEFAULT_DEV_FRONTEND_KEY = 'atlas_development-only-key-not-for-production-use';

/**
 * Shortest lifetime of a learner token, in seconds: a browser needs time to use a token before it asks for the next,
 * and `createLearnerToken` refuses anything shorter, so the configured lifetimes start here too.
 */
export const MIN_LEARNER_TOKEN_TTL_SECONDS = 60;

/** Longest lifetime of a learner token any setting may allow, in seconds (30 days). */
const MAX_LEARNER_TOKEN_TTL_SECONDS = 2592000;

/** Frontend keys, learner tokens and the per-key rate limits. */
export interface AccessConfig {
  /** Key of the HMAC that signs learner tokens. */
  tokenSecret: string;
  /** True when no LEARNER_TOKEN_SECRET was set and a random one was made at start: tokens then end with the process. */
  tokenSecretGenerated: boolean;
  /** Lifetime of a learner token when `createLearnerToken` is given none, in seconds. */
  defaultTokenTtlSeconds: number;
  /** Longest lifetime a learner token may ask for, in seconds. */
  maxTokenTtlSeconds: number;
  /** Queries one frontend key, or one learner's tokens together, may send per minute on one instance; 0: no limit. */
  readsPerMinute: number;
  /** Mutations one frontend key, or one learner's tokens together, may send per minute on one instance; 0: no limit. */
  writesPerMinute: number;
}

export interface Config {
  env: NodeEnv;
  host: string;
  port: number;
  logLevel: LogLevel;
  logPretty: boolean;
  neo4j: Neo4jConfig;
  local: LocalNeo4jConfig;
  /** `sourceNote`: the study note the seed is written from; only `npm run note:index` and `note:check` read it. */
  seed: { dir: string; onStart: boolean; sourceNote: string };
  limits: LimitsConfig;
  http: HttpConfig;
  caches: CacheConfig;
  learning: LearningConfig;
  access: AccessConfig;
  /** The development frontend and its demo learner; null when off (always in production). */
  demo: DemoConfig | null;
  shutdownTimeoutMs: number;
  /** Absolute path of the repository root (where package.json, schema/ and seed/ live). */
  rootDir: string;
}

/** A setting is missing or malformed; the message names the variable and a valid example. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    example: string,
  ) {
    super(`${variable} ${problem}. Example: ${variable}=${example}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** The repository root: the nearest folder above this file that holds package.json (works from src/ and dist/src/). */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const ROOT_DIR = findRoot(__dirname);

function text(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`, String(fallback));
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`, String(fallback));
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase() as T;
  if (!allowed.includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`, fallback);
  }
  return value;
}

function neo4jUri(env: Env): string | undefined {
  const raw = env.NEO4J_URI;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError('NEO4J_URI', `is not a valid URI: "${raw}"`, 'bolt://127.0.0.1:7687');
  }
  const schemes = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
  if (!schemes.includes(parsed.protocol)) {
    throw new ConfigError(
      'NEO4J_URI',
      `must use one of the schemes ${schemes.map((s) => s.replace(':', '://')).join(', ')}, got "${raw}"`,
      'neo4j+s://xxxxxxxx.databases.neo4j.io',
    );
  }
  return value;
}

const MIB = 1024 * 1024;

const memorySize = /^\d+[kmg]?$/i;

function memory(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!memorySize.test(value))
    throw new ConfigError(name, `must be a size such as 512m or 1g, got "${value}"`, fallback);
  return value;
}

function origins(env: Env): string[] {
  const value = text(env, 'CORS_ORIGINS', '*');
  const list = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `must be * or a comma-separated list of origins such as https://learn.example.org, got "${origin}"`,
        'https://learn.example.org,http://localhost:3000',
      );
    }
  }
  return list;
}

/**
 * A secret of at least `minLength` characters, trimmed. Unset: a random secret for this process (`generated`), which
 * works, but stops working on a restart and differs between instances.
 */
function secret(env: Env, name: string, minLength: number, example: string): { value: string; generated: boolean } {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return { value: randomBytes(32).toString('hex'), generated: true };
  const value = raw.trim();
  if (value.length < minLength)
    throw new ConfigError(name, `must be at least ${minLength} characters long, got ${value.length}`, example);
  return { value, generated: false };
}

/**
 * QUIZ_SECRET, at least 16 characters. Unset: a random secret for this process, so ids stay unforgeable but stop
 * working after a restart and differ between instances; set it when several instances serve one API.
 */
function quizSecret(env: Env): { quizSecret: string; quizSecretGenerated: boolean } {
  const { value, generated } = secret(env, 'QUIZ_SECRET', 16, 'a-long-random-string-of-your-own');
  return { quizSecret: value, quizSecretGenerated: generated };
}

/**
 * LEARNER_TOKEN_SECRET, at least 32 characters. Unset: a random secret for this process, fine for development; with
 * it, learner tokens stop working on a restart and are refused by every other instance.
 */
function tokenSecret(env: Env): { tokenSecret: string; tokenSecretGenerated: boolean } {
  const { value, generated } = secret(env, 'LEARNER_TOKEN_SECRET', 32, 'output-of-openssl-rand-hex-32');
  return { tokenSecret: value, tokenSecretGenerated: generated };
}

function access(env: Env): AccessConfig {
  const maxTokenTtlSeconds = int(
    env,
    'LEARNER_TOKEN_MAX_TTL_SECONDS',
    86400,
    MIN_LEARNER_TOKEN_TTL_SECONDS,
    MAX_LEARNER_TOKEN_TTL_SECONDS,
  );
  const defaultTokenTtlSeconds = int(
    env,
    'LEARNER_TOKEN_TTL_SECONDS',
    900,
    MIN_LEARNER_TOKEN_TTL_SECONDS,
    MAX_LEARNER_TOKEN_TTL_SECONDS,
  );
  if (defaultTokenTtlSeconds > maxTokenTtlSeconds) {
    throw new ConfigError(
      'LEARNER_TOKEN_TTL_SECONDS',
      `must not exceed LEARNER_TOKEN_MAX_TTL_SECONDS (${maxTokenTtlSeconds}), got "${env.LEARNER_TOKEN_TTL_SECONDS}"`,
      String(Math.min(900, maxTokenTtlSeconds)),
    );
  }
  return {
    ...tokenSecret(env),
    defaultTokenTtlSeconds,
    maxTokenTtlSeconds,
    readsPerMinute: int(env, 'RATE_LIMIT_READS_PER_MINUTE', 600, 0, 1000000),
    writesPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 120, 0, 1000000),
  };
}

function demo(env: Env, nodeEnv: NodeEnv): DemoConfig | null {
  if (nodeEnv === 'production') {
    // Both are development-only: set in production they would say something that is not true, so refuse to start.
    if (env.DEV_DEMO !== undefined && env.DEV_DEMO.trim() !== '' && bool(env, 'DEV_DEMO', false)) {
      throw new ConfigError(
        'DEV_DEMO',
        'is for development only: production never makes the development frontend or the demo learner',
        'false',
      );
    }
    if (env.DEV_FRONTEND_KEY !== undefined && env.DEV_FRONTEND_KEY.trim() !== '') {
      throw new ConfigError(
        'DEV_FRONTEND_KEY',
        'is for development only: in production create frontend keys with `npm run keys -- create NAME`',
        '',
      );
    }
    return null;
  }
  if (!bool(env, 'DEV_DEMO', nodeEnv === 'development')) return null;
  const frontendKey = text(env, 'DEV_FRONTEND_KEY', DEFAULT_DEV_FRONTEND_KEY);
  if (!/^atlas_[A-Za-z0-9_-]{43}$/.test(frontendKey)) {
    throw new ConfigError(
      'DEV_FRONTEND_KEY',
      'must be `atlas_` and 43 letters, digits, `-` or `_` (the shape of every frontend key)',
      DEFAULT_DEV_FRONTEND_KEY,
    );
  }
  return { frontendKey, learnerId: 'demo' };
}

/** Reads, validates and defaults every setting. Throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf<NodeEnv>(env, 'NODE_ENV', ['production', 'development', 'test'], 'development');
  const defaultPageSize = int(env, 'DEFAULT_PAGE_SIZE', 20, 1, 1000);
  const maxPageSize = int(env, 'MAX_PAGE_SIZE', 100, 1, 1000);
  if (defaultPageSize > maxPageSize) {
    throw new ConfigError('DEFAULT_PAGE_SIZE', `must not exceed MAX_PAGE_SIZE (${maxPageSize})`, String(maxPageSize));
  }
  return {
    env: nodeEnv,
    host: text(env, 'HOST', '0.0.0.0'),
    port: int(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf<LogLevel>(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    logPretty: bool(env, 'LOG_PRETTY', nodeEnv !== 'production' && Boolean(process.stdout.isTTY)),
    neo4j: {
      uri: neo4jUri(env),
      user: text(env, 'NEO4J_USER', 'neo4j'),
      password: env.NEO4J_PASSWORD ?? '',
      database: text(env, 'NEO4J_DATABASE', 'neo4j'),
      connectTimeoutMs: int(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 5000, 100, 600000),
      retryTimeMs: int(env, 'NEO4J_RETRY_TIME_MS', 1000, 0, 60000),
      startupTimeoutMs: int(env, 'NEO4J_STARTUP_TIMEOUT_MS', 120000, 1000, 900000),
      maxPoolSize: int(env, 'NEO4J_MAX_POOL_SIZE', 50, 1, 1000),
      pingTimeoutMs: int(env, 'NEO4J_PING_TIMEOUT_MS', 2000, 100, 60000),
    },
    local: {
      port: int(env, 'NEO4J_LOCAL_PORT', 7687, 0, 65535),
      dataDir: path.resolve(ROOT_DIR, text(env, 'NEO4J_LOCAL_DATA_DIR', '.data/neo4j')),
      heap: memory(env, 'NEO4J_LOCAL_HEAP', '1g'),
      pageCache: memory(env, 'NEO4J_LOCAL_PAGECACHE', '256m'),
      javaHome: env.JAVA_HOME?.trim() || undefined,
      restart: {
        maxRestarts: int(env, 'NEO4J_LOCAL_MAX_RESTARTS', 5, 0, 1000),
        windowMs: int(env, 'NEO4J_LOCAL_RESTART_WINDOW_MS', 300000, 1000, 86400000),
        delayMs: int(env, 'NEO4J_LOCAL_RESTART_DELAY_MS', 1000, 0, 600000),
      },
    },
    seed: {
      dir: path.resolve(ROOT_DIR, text(env, 'SEED_DIR', 'seed')),
      onStart: bool(env, 'SEED_ON_START', true),
      sourceNote: path.resolve(ROOT_DIR, text(env, 'SOURCE_NOTE', '../shared/source/getting-started-with-docker.md')),
    },
    limits: {
      defaultPageSize,
      maxPageSize,
      maxNeighborhoodDepth: int(env, 'MAX_NEIGHBORHOOD_DEPTH', 3, 1, 6),
      maxNeighborhoodNodes: int(env, 'MAX_NEIGHBORHOOD_NODES', 200, 1, 5000),
      maxPathLength: int(env, 'MAX_PATH_LENGTH', 6, 1, 10),
      maxPaths: int(env, 'MAX_PATHS', 10, 1, 100),
      maxSearchLength: int(env, 'MAX_SEARCH_LENGTH', 200, 1, 10000),
      maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
      maxQueryCost: int(env, 'MAX_QUERY_COST', 25000, 10, 10000000),
      maxAliases: int(env, 'MAX_ALIASES', 30, 0, 1000),
      maxQueryLength: int(env, 'MAX_QUERY_LENGTH', 10000, 100, 1000000),
      maxBodyBytes: int(env, 'MAX_BODY_BYTES', 102400, 1024, 10485760),
      maxQueryTokens: int(env, 'MAX_QUERY_TOKENS', 3000, 100, 1000000),
      maxQuerySelections: int(env, 'MAX_QUERY_SELECTIONS', 1500, 10, 1000000),
      maxIntrospectionDepth: int(env, 'MAX_INTROSPECTION_DEPTH', 20, 2, 100),
    },
    caches: {
      documentBytes: int(env, 'DOCUMENT_CACHE_BYTES', 16 * MIB, 0, 1024 * MIB),
      persistedQueryBytes: int(env, 'PERSISTED_QUERY_CACHE_BYTES', 4 * MIB, 0, 1024 * MIB),
      limitVerdictBytes: int(env, 'LIMIT_VERDICT_CACHE_BYTES', 2 * MIB, 0, 1024 * MIB),
      responseBytes: int(env, 'RESPONSE_CACHE_BYTES', 32 * MIB, 0, 4096 * MIB),
    },
    http: {
      corsOrigins: origins(env),
      cacheMaxAgeSeconds: int(env, 'CACHE_MAX_AGE_SECONDS', 300, 0, 86400),
      graphVersionCheckMs: int(env, 'GRAPH_VERSION_CHECK_MS', 1000, 50, 600000),
    },
    learning: {
      ...quizSecret(env),
      maxQuizQuestions: int(env, 'MAX_QUIZ_QUESTIONS', 20, 1, 100),
    },
    access: access(env),
    demo: demo(env, nodeEnv),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    rootDir: ROOT_DIR,
  };
}
