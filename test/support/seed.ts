import { type Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { connectDatabase } from '../../src/neo4j/database';
import type { Neo4jGateway } from '../../src/neo4j/gateway';
import { applySchema } from '../../src/neo4j/migrations';
import { type SyncResult, syncSeed } from '../../src/seed/seed.sync';
import { checkSeed } from '../../src/seed/seed.validate';

/** The configuration of the test database (NEO4J_URI from the global setup). */
export function seedTestConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', ...overrides });
}

/** Writes the shipped seed (seed/) into the database: the state every integration test starts from. */
export function restoreShippedSeed(gateway: Neo4jGateway): Promise<SyncResult> {
  return syncSeed(gateway, checkSeed(seedTestConfig().seed.dir));
}

/**
 * Applies the schema and seeds the shipped seed once, for the global setup. An invalid seed fails the run here, with
 * every problem listed, rather than as a hundred confusing test failures later.
 */
export async function prepareTestDatabase(): Promise<void> {
  const config = seedTestConfig();
  const logger = createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'info') ?? 'warn', logPretty: false });
  const db = await connectDatabase(config, logger);
  try {
    await applySchema(db.gateway, config.rootDir, logger);
    await restoreShippedSeed(db.gateway);
  } finally {
    await db.close();
  }
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  // Temporal values (SeedState.seededAt) print as ISO text.
  if (value !== null && typeof value === 'object') return String(value);
  return value;
}

function sortedProps(props: Record<string, unknown>, skip: string[]): string {
  return JSON.stringify(
    Object.keys(props)
      .filter((k) => !skip.includes(k))
      .sort()
      .map((k) => [k, plain(props[k])]),
  );
}

export interface GraphSnapshot {
  nodes: string[];
  relationships: string[];
}

/**
 * Every node and relationship with all its labels, type and properties, as sorted text lines (relationships name
 * their ends by slug or key), so two snapshots are equal exactly when the graph's content is. `skip` leaves out
 * properties that are expected to move (SeedState.seededAt after a re-run).
 */
export async function graphSnapshot(gateway: Neo4jGateway, skip: string[] = []): Promise<GraphSnapshot> {
  const nodes = await gateway.read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const relationships = await gateway.read(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(a.slug, a.key, elementId(a)) AS from, type(r) AS type, coalesce(b.slug, b.key, elementId(b)) AS to, properties(r) AS props`,
  );
  return {
    nodes: nodes
      .map(
        (n) =>
          `${[...(n.labels as string[])].sort().join(':')} ${sortedProps(n.props as Record<string, unknown>, skip)}`,
      )
      .sort(),
    relationships: relationships
      .map((r) => `${r.from} -${r.type}-> ${r.to} ${sortedProps(r.props as Record<string, unknown>, skip)}`)
      .sort(),
  };
}
