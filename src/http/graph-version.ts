import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { StatsRepository } from '../stats/stats.repository';

/**
 * The version of the graph content: the seed hash the seeder stored. It goes into ETags and the X-Graph-Version
 * header, so caches drop their copies when the content changes, and it keys the response cache. Re-read in the
 * background (one small indexed read per interval, never on a request's path), because a seeding run from the CLI or
 * by another replica can change the graph while the server runs: a change is seen within one interval plus the time
 * of that read.
 */
export class GraphVersion {
  private value = 'unseeded';
  private timer?: NodeJS.Timeout;
  private readonly listeners: ((version: string) => void)[] = [];

  constructor(
    private readonly gateway: Neo4jGateway,
    private readonly logger: Logger,
  ) {}

  get current(): string {
    return this.value;
  }

  /** Calls `listener` with the new version each time it changes. */
  onChange(listener: (version: string) => void): void {
    this.listeners.push(listener);
  }

  async refresh(): Promise<void> {
    try {
      const state = await new StatsRepository(this.gateway).seedState();
      const next = state?.hash.slice(0, 16) ?? 'unseeded';
      if (next === this.value) return;
      this.logger.info({ from: this.value, to: next }, 'the graph version changed');
      this.value = next;
      for (const listener of this.listeners) listener(next);
    } catch (error) {
      this.logger.debug({ err: error }, 'could not read the graph version; keeping the last one');
    }
  }

  start(intervalMs: number): void {
    let running = false;
    // A slow read is not overlapped by the next one, so a database that hangs does not pile up version reads.
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      void this.refresh().finally(() => (running = false));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
