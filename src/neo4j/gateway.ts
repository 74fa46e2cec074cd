import { setTimeout as sleep } from 'node:timers/promises';

import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';

import { AtlasError, DatabaseTimeoutError, DatabaseUnavailableError } from '../errors';
import type { Logger } from '../logger';

/** Per-request counters: how many Cypher round trips a request made and how long the database took. */
export interface QueryStats {
  roundTrips: number;
  dbTimeMs: number;
}

export type Params = Record<string, unknown>;

/** Who sends a request's statements: carried as transaction metadata and in the debug log of every statement. */
export interface QueryTrace {
  requestId: string;
  /** Known once the operation is parsed; absent for an anonymous operation. */
  operationName?: string;
}

interface Statement {
  cypher: string;
  params: Params;
}

/** Longer parameter values are shortened in the log: a seeding batch would otherwise log megabytes. */
const LOGGED_PARAM_CHARS = 200;

/** The parameters as the log shows them, each value longer than LOGGED_PARAM_CHARS (as JSON) cut with its length noted. */
export function shortenParams(params: Params): Params {
  const shown: Params = {};
  for (const [name, value] of Object.entries(params)) {
    let text: string;
    try {
      text =
        typeof value === 'string'
          ? value
          : (JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '');
    } catch {
      text = String(value);
    }
    shown[name] =
      text.length > LOGGED_PARAM_CHARS ? `${text.slice(0, LOGGED_PARAM_CHARS)}… (${text.length} chars)` : value;
  }
  return shown;
}

/**
 * Runs `start` with stack capture off. neo4j-driver captures and formats the caller's stack for every query it runs
 * (to put it on a failure), about a twentieth of a read's CPU; a failed read is logged here with its statement and
 * request, which say more than that stack. The driver takes it while it builds the result, synchronously, so the
 * limit is back before anything else runs.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** What every transaction carries: its timeout and metadata that names us in Neo4j's query log. */
interface TransactionConfig {
  timeout: number;
  metadata: Record<string, string>;
}
export type Row = Record<string, unknown>;

/** What repositories see of the database: read and write Cypher with parameters, nothing else. */
export interface CypherRunner {
  read(cypher: string, params?: Params): Promise<Row[]>;
  write(cypher: string, params?: Params): Promise<Row[]>;
}

export interface GatewayOptions {
  database: string;
  /** The transaction timeout the server enforces; the gateway's own deadline is this plus DEADLINE_MARGIN_MS. */
  queryTimeoutMs: number;
  /** How long a read that failed with a retryable error (lost connection, leader switch) is tried again. */
  retryTimeMs: number;
  logger: Logger;
  /** Called after every round trip, for metrics. */
  onQuery?: (kind: 'read' | 'write', durationMs: number, ok: boolean) => void;
  /**
   * Makes a fresh driver to the same database. Given, a call that passes its deadline retires the driver it used (new
   * calls get a fresh one and the old one is closed once its other calls had their time), so no connection that hung
   * is ever handed out again. Not given, only the hung session is abandoned.
   */
  replaceDriver?: () => Driver;
}

/**
 * How long past the transaction timeout the gateway waits before it gives up by itself. The server's own timeout
 * normally answers first (and ends the transaction cleanly on the server); this deadline is for a server that answers
 * nothing at all (frozen, swapping, a half-open connection).
 */
export const DEADLINE_MARGIN_MS = 500;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * Turns driver and server failures into our error codes, so no Neo4j internals reach a client. Errors that are not
 * about availability or time are returned unchanged and end up masked as INTERNAL_SERVER_ERROR.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof AtlasError || !(error instanceof Error)) return error;
  const raw = (error as { code?: unknown }).code;
  const code = error instanceof Neo4jError ? error.code : typeof raw === 'string' ? raw : '';
  if (TIMEOUT_CODES.has(code)) return new DatabaseTimeoutError();
  // Retryable errors (lost connections, a database restarting, transient server states) all mean: try again soon.
  // The connection messages are matched too, since a socket that breaks mid-handshake surfaces with other codes.
  if (
    UNAVAILABLE_CODES.has(code) ||
    (error instanceof Neo4jError && Neo4jError.isRetryable(error)) ||
    code.startsWith('Neo.TransientError.') ||
    /failed to connect to server|acquisition timed out|pool (is )?closed|connection.*(refused|closed|reset)|ECONNREFUSED|ECONNRESET|EPIPE/i.test(
      error.message,
    )
  ) {
    return new DatabaseUnavailableError();
  }
  return error;
}

/**
 * The one gateway through which every Cypher statement runs. It owns sessions, read/write routing (reads run in READ
 * sessions so a cluster can send them to followers), the transaction timeout and metadata, round-trip counting and
 * the mapping of database errors to our codes.
 */
export class Neo4jGateway implements CypherRunner {
  private readonly drivers: DriverSlot;

  constructor(
    driver: Driver | DriverSlot,
    private readonly options: GatewayOptions,
    private readonly stats?: QueryStats,
    /** Sessions open right now, shared by every view of this gateway: how much of the pool is in use. */
    readonly sessions: { inUse: number } = { inUse: 0 },
    private readonly trace?: QueryTrace,
  ) {
    this.drivers = driver instanceof DriverSlot ? driver : new DriverSlot(driver, options);
  }

  /** The driver new calls use now; a different one after a call hung and its driver was retired. */
  get driver(): Driver {
    return this.drivers.current;
  }

  /**
   * A view of this gateway for one request: it counts round trips and database time into `stats`, and names the
   * request (`trace`, read at each call, so an operation name set later still arrives) in every transaction's metadata
   * and in the log.
   */
  withStats(stats: QueryStats, trace?: QueryTrace): Neo4jGateway {
    return new Neo4jGateway(this.drivers, this.options, stats, this.sessions, trace);
  }

  /** A view of this gateway whose calls have a shorter timeout and deadline (the readiness probe). */
  withTimeout(queryTimeoutMs: number): Neo4jGateway {
    return new Neo4jGateway(this.drivers, { ...this.options, queryTimeoutMs }, this.stats, this.sessions, this.trace);
  }

  /** Closes the current driver and any retired one still open. */
  close(): Promise<void> {
    return this.drivers.close();
  }

  /**
   * A read as one auto-commit query: RUN and PULL go out together and nothing else, where a managed transaction adds
   * a BEGIN and a COMMIT exchange (three socket writes and reads instead of one on both sides). Every read here is a
   * single statement, so it loses nothing by not being in an explicit transaction; what the managed transaction did
   * besides, retrying on retryable errors, is done here (reads are safe to repeat).
   */
  read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.run('read', async (session, txConfig, last) => {
      const deadline = performance.now() + this.options.retryTimeMs;
      last.statement = { cypher, params };
      for (let delayMs = 50; ; delayMs *= 2) {
        const started = performance.now();
        try {
          const result = await withoutCallerStack(() => session.run(cypher, params, txConfig));
          this.logStatement(last.statement, started);
          return result.records.map((rec) => rec.toObject());
        } catch (error) {
          this.logStatement(last.statement, started, error);
          if (!(error instanceof Neo4jError && Neo4jError.isRetryable(error)) || performance.now() + delayMs > deadline)
            throw error;
          await sleep(delayMs);
        }
      }
    });
  }

  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, params).then((r) => r.records.map((rec) => rec.toObject())));
  }

  /** Runs several statements in one write transaction: all of them commit, or none does. */
  writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.run(
      'write',
      (session, txConfig, last) => session.executeWrite((tx) => work(this.logged(tx, last)), txConfig),
      timeoutMs,
    );
  }

  /** The transaction, with each statement it runs remembered (for the failure log) and debug-logged with its duration. */
  private logged(tx: ManagedTransaction, last: { statement?: Statement }): ManagedTransaction {
    const run: ManagedTransaction['run'] = (cypher, params) => {
      const statement = {
        cypher: typeof cypher === 'object' && 'text' in cypher ? cypher.text : cypher.toString(),
        params: (params ?? {}) as Params,
      };
      last.statement = statement;
      const started = performance.now();
      const result = tx.run(cypher, params);
      if (this.options.logger.isLevelEnabled('debug')) {
        result.then(
          () => this.logStatement(statement, started),
          (error: unknown) => this.logStatement(statement, started, error),
        );
      }
      return result;
    };
    return Object.assign(Object.create(tx) as ManagedTransaction, { run });
  }

  /** Debug-logs one statement with its (shortened) parameters, its duration and the request that sent it. */
  private logStatement(statement: Statement, started: number, error?: unknown): void {
    const logger = this.options.logger;
    if (!logger.isLevelEnabled('debug')) return;
    logger.debug(
      {
        ...this.traceFields(),
        cypher: statement.cypher,
        params: shortenParams(statement.params),
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(error ? { failed: true } : {}),
      },
      'cypher statement',
    );
  }

  private traceFields(): Record<string, string> {
    const fields: Record<string, string> = {};
    if (this.trace?.requestId) fields.requestId = this.trace.requestId;
    if (this.trace?.operationName) fields.operationName = this.trace.operationName;
    return fields;
  }

  /** True when the database answers a trivial query. Never throws. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  private async run<T>(
    kind: 'read' | 'write',
    work: (session: Session, txConfig: TransactionConfig, last: { statement?: Statement }) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const driver = this.drivers.current;
    const session = driver.session({
      database: this.options.database,
      defaultAccessMode: kind === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const timeout = timeoutMs ?? this.options.queryTimeoutMs;
    const started = performance.now();
    this.sessions.inUse += 1;
    let ok = false;
    let hung = false;
    let timer: NodeJS.Timeout | undefined;
    const last: { statement?: Statement } = {};
    // The server enforces the transaction timeout only while it runs; a frozen server enforces nothing, so this
    // deadline of our own bounds every call, connection acquisition included.
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        hung = true;
        reject(new DatabaseTimeoutError());
      }, timeout + DEADLINE_MARGIN_MS);
    });
    try {
      const result = await Promise.race([
        work(session, { timeout, metadata: { app: 'container-atlas', ...this.traceFields() } }, last),
        deadline,
      ]);
      ok = true;
      return result;
    } catch (error) {
      if (hung) {
        this.options.logger.warn(
          { kind, deadlineMs: timeout + DEADLINE_MARGIN_MS },
          'Neo4j did not answer within the deadline: the call was abandoned',
        );
        this.drivers.retire(driver);
        throw error;
      }
      const mapped = mapDatabaseError(error);
      if (mapped === error) {
        const { statement } = last;
        this.options.logger.error(
          {
            err: error,
            ...this.traceFields(),
            cypher: statement?.cypher,
            params: statement && shortenParams(statement.params),
          },
          'Cypher query failed',
        );
      }
      throw mapped;
    } finally {
      clearTimeout(timer);
      const duration = performance.now() - started;
      if (this.stats) {
        this.stats.roundTrips += 1;
        this.stats.dbTimeMs += duration;
      }
      this.options.onQuery?.(kind, duration, ok);
      // Closing a hung session waits for the server; the request must not, and the driver closes it in the end.
      const closing = session.close().catch(() => undefined);
      if (!hung) await closing;
      this.sessions.inUse -= 1;
    }
  }
}

/**
 * The driver the gateway uses now. When a call on it hangs, retire() swaps in a fresh driver for the calls that
 * follow and closes the old one after one full deadline: calls still running on it get their time to finish, and then
 * closing it destroys every socket it opened, the hung ones included (neo4j-driver's close() closes the connections in
 * use too, without waiting for the server).
 */
export class DriverSlot {
  current: Driver;
  private readonly retired = new Set<Driver>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    driver: Driver,
    private readonly options: Pick<GatewayOptions, 'replaceDriver' | 'queryTimeoutMs' | 'logger'>,
  ) {
    this.current = driver;
  }

  retire(driver: Driver): void {
    // Many calls hang on the same driver at once; the first retires it, the rest find it gone already.
    if (!this.options.replaceDriver || driver !== this.current) return;
    this.current = this.options.replaceDriver();
    this.retired.add(driver);
    this.options.logger.warn('replaced the Neo4j driver after a call hung; the old one closes in the background');
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.retired.delete(driver);
      driver.close().catch(() => undefined);
    }, this.options.queryTimeoutMs + DEADLINE_MARGIN_MS);
    // A call with a longer timeout of its own (a seeding transaction) still running then is cut off and rolled back.
    timer.unref();
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const all = [this.current, ...this.retired];
    this.retired.clear();
    await Promise.all(all.map((driver) => driver.close().catch(() => undefined)));
  }
}
