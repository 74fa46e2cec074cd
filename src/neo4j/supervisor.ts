import type { LocalNeo4jConfig } from '../config';
import type { Logger } from '../logger';
import { describeExit, type LocalExit, type LocalNeo4j, startLocalNeo4j } from './local';

/** The local Neo4j under supervision: `pid` is the JVM running now, which changes when it is restarted. */
export interface SupervisedNeo4j extends LocalNeo4j {
  /** How many times the JVM was started again after it died. */
  readonly restarts: number;
  /** Called once, when the database died too often within the window and is no longer restarted. */
  onGiveUp(listener: (error: Error) => void): void;
}

/** Launches one JVM; a parameter so the restart policy can be exercised without Java. */
export type Launch = (config: LocalNeo4jConfig) => Promise<LocalNeo4j>;

const MAX_DELAY_MS = 30000;

/**
 * Starts the local Neo4j and keeps it running: when the JVM dies by itself (killed, out of memory, crashed), the
 * reason is logged and it is started again on the same port and data directory, so the driver reconnects by itself and
 * the store recovers from its transaction log. Restarts back off (delay, 2x delay, ... up to 30 s). When it dies more
 * than `maxRestarts` times within `windowMs`, something is wrong that restarting will not fix: the supervisor logs
 * a fatal line and tells its listeners, so the process can exit and an outer supervisor can act. stop() is a normal
 * shutdown and never leads to a restart.
 */
export async function superviseLocalNeo4j(
  config: LocalNeo4jConfig,
  rootDir: string,
  logger: Logger,
  startupTimeoutMs: number,
  launch: Launch = (local) => startLocalNeo4j(local, rootDir, logger, startupTimeoutMs),
): Promise<SupervisedNeo4j> {
  let current = await launch(config);
  // Restarts must come back on the same port, also when the first start picked a free one.
  const fixed: LocalNeo4jConfig = { ...config, port: current.port };
  const { maxRestarts, windowMs, delayMs } = config.restart;
  const crashes: number[] = [];
  const listeners: ((error: Error) => void)[] = [];
  let restarts = 0;
  let stopped = false;
  let gaveUp: Error | undefined;
  let timer: NodeJS.Timeout | undefined;
  let launching: Promise<LocalNeo4j | undefined> | undefined;

  const giveUp = (lastReason: string) => {
    gaveUp = new Error(
      `The local Neo4j stopped ${crashes.length} times within ${Math.round(windowMs / 1000)} s (last: ${lastReason}); ` +
        'giving up instead of restarting it again. Read the log lines above for why it stopped (memory: NEO4J_LOCAL_HEAP, ' +
        `disk space under ${config.dataDir}), or raise NEO4J_LOCAL_MAX_RESTARTS / NEO4J_LOCAL_RESTART_WINDOW_MS.`,
    );
    logger.fatal({ crashes: crashes.length, windowMs, dataDir: config.dataDir }, gaveUp.message);
    for (const listener of listeners.splice(0)) listener(gaveUp);
  };

  const crashed = (reason: string, lastOutput: string[]) => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0] <= now - windowMs) crashes.shift();
    if (crashes.length > maxRestarts) {
      logger.error({ reason, lastOutput }, `the local Neo4j stopped unexpectedly (${reason})`);
      giveUp(reason);
      return;
    }
    const wait = Math.min(delayMs * 2 ** (crashes.length - 1), MAX_DELAY_MS);
    logger.error(
      { reason, lastOutput, restartInMs: wait, crashesInWindow: crashes.length, maxRestarts },
      `the local Neo4j stopped unexpectedly (${reason}): restarting it in ${wait} ms`,
    );
    timer = setTimeout(() => {
      timer = undefined;
      launching = launch(fixed).then(
        (next) => {
          launching = undefined;
          if (stopped) return next;
          restarts += 1;
          current = next;
          logger.info({ pid: next.pid, restarts }, 'the local Neo4j is back after a restart');
          watch(next);
          return next;
        },
        (error: unknown) => {
          launching = undefined;
          const [first, ...output] = (error instanceof Error ? error.message : String(error)).split('\n');
          if (!stopped) crashed(`restart failed: ${first}`, output.slice(-10));
          return undefined;
        },
      );
    }, wait);
  };

  const watch = (jvm: LocalNeo4j) => {
    void jvm.exited.then(({ code, signal, lastOutput }: LocalExit) => {
      if (stopped || jvm !== current) return;
      crashed(describeExit(code, signal), lastOutput.slice(-10));
    });
  };
  watch(current);

  let stopping: Promise<void> | undefined;
  return {
    uri: current.uri,
    port: current.port,
    dataDir: current.dataDir,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    get restarts() {
      return restarts;
    },
    onGiveUp(listener) {
      if (gaveUp) listener(gaveUp);
      else listeners.push(listener);
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        const pending = await launching;
        await pending?.stop();
        await current.stop();
      })();
      return stopping;
    },
  };
}
