import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';

import { AtlasError, DatabaseTimeoutError, DatabaseUnavailableError } from '../errors';
import type { Logger } from '../logger';

/** Per-request counters: how many Cypher round trips a request made and how long the database took. */
export interface QueryStats {
  roundTrips: number;
  dbTimeMs: number;
}

export type Params = Record<string, unknown>;

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
  const code = error instanceof Neo4jError ? error.code : String((error as { code?: unknown }).code ?? '');
  if (TIMEOUT_CODES.has(code)) return new DatabaseTimeoutError();
  // Retryable errors (lost connections, a database restarting, transient server states) all mean: try again soon.
  // The connection messages are matched too, since a socket that breaks mid-handshake surfaces with other codes.
  if (
    UNAVAILABLE_CODES.has(code) ||
    (error instanceof Neo4jError && Neo4jError.isRetryable(error)) ||
    code.startsWith('Neo.TransientError.') ||
    /failed to connect to server|acquisition timed out|pool (is )?closed|connection.*(refused|closed|reset)|ECONNREFUSED|ECONNRESET|EPIPE/i.test(error.message)
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
  ) {
    this.drivers = driver instanceof DriverSlot ? driver : new DriverSlot(driver, options);
  }

  /** The driver new calls use now; a different one after a call hung and its driver was retired. */
  get driver(): Driver {
    return this.drivers.current;
  }

  /** A view of this gateway that counts round trips and database time into `stats` (one per request). */
  withStats(stats: QueryStats): Neo4jGateway {
    return new Neo4jGateway(this.drivers, this.options, stats, this.sessions);
  }

  /** A view of this gateway whose calls have a shorter timeout and deadline (the readiness probe). */
  withTimeout(queryTimeoutMs: number): Neo4jGateway {
    return new Neo4jGateway(this.drivers, { ...this.options, queryTimeoutMs }, this.stats, this.sessions);
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
    return this.run('read', async (session, txConfig) => {
      const deadline = performance.now() + this.options.retryTimeMs;
      for (let delayMs = 50; ; delayMs *= 2) {
        try {
          const result = await session.run(cypher, params, txConfig);
          return result.records.map((rec) => rec.toObject());
        } catch (error) {
          if (!(error instanceof Neo4jError && Neo4jError.isRetryable(error)) || performance.now() + delayMs > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    });
  }

  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, params).then((r) => r.records.map((rec) => rec.toObject())));
  }

  /** Runs several statements in one write transaction: all of them commit, or none does. */
  writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.run('write', (session, txConfig) => session.executeWrite(work, txConfig), timeoutMs);
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

  private async run<T>(kind: 'read' | 'write', work: (session: Session, txConfig: TransactionConfig) => Promise<T>, timeoutMs?: number): Promise<T> {
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
    // The server enforces the transaction timeout only while it runs; a frozen server enforces nothing, so this
    // deadline of our own bounds every call, connection acquisition included.
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        hung = true;
        reject(new DatabaseTimeoutError());
      }, timeout + DEADLINE_MARGIN_MS);
    });
    try {
      const result = await Promise.race([work(session, { timeout, metadata: { app: 'container-atlas' } }), deadline]);
      ok = true;
      return result;
    } catch (error) {
      if (hung) {
        this.options.logger.warn({ kind, deadlineMs: timeout + DEADLINE_MARGIN_MS }, 'Neo4j did not answer within the deadline: the call was abandoned');
        this.drivers.retire(driver);
        throw error;
      }
      const mapped = mapDatabaseError(error);
      if (mapped === error) this.options.logger.error({ err: error }, 'Cypher query failed');
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
