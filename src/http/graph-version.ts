import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';
import { StatsRepository } from '../stats/stats.repository';

/**
 * The version of the graph content: the seed hash the seeder stored. It goes into ETags and the X-Graph-Version
 * header, so caches drop their copies when the content changes. Refreshed in the background, because a seeding run
 * from the CLI can change the graph while the server runs.
 */
export class GraphVersion {
  private value = 'unseeded';
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly gateway: Neo4jGateway,
    private readonly logger: Logger,
  ) {}

  get current(): string {
    return this.value;
  }

  async refresh(): Promise<void> {
    try {
      const state = await new StatsRepository(this.gateway).seedState();
      this.value = state?.hash.slice(0, 16) ?? 'unseeded';
    } catch (error) {
      this.logger.debug({ err: error }, 'could not read the graph version; keeping the last one');
    }
  }

  start(intervalMs = 30000): void {
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
