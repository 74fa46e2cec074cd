import neo4j, { type Driver } from 'neo4j-driver';

import { type LoadOptions, type Measurement, summarize } from './measure';

/** One answer as one auto-commit query, the cheapest exchange the driver has (and the one our gateway's reads use). */
export async function runRawOnce(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/**
 * The limit: the hand-written Cypher of a shape, run through neo4j-driver straight from this process (no HTTP, no
 * GraphQL) by `connections` concurrent workers for a fixed time after a warm-up. Each answer is materialised as
 * plain objects, as an API would have to.
 */
export async function loadRaw(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown>,
  options: LoadOptions,
): Promise<Measurement> {
  const runOnce = () => runRawOnce(driver, database, cypher, params);
  const run = async (seconds: number, latencies?: number[]) => {
    const deadline = performance.now() + seconds * 1000;
    let failed = 0;
    let firstError: string | undefined;
    const worker = async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          await runOnce();
          latencies?.push(performance.now() - started);
        } catch (error) {
          failed += 1;
          firstError ??= `${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message.split('\n')[0]}`;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.connections }, worker));
    return { failed, firstError, elapsed: (performance.now() - started) / 1000 };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const latencies: number[] = [];
  const { failed, firstError, elapsed } = await run(options.seconds, latencies);
  return summarize(latencies, failed, elapsed, firstError);
}
