import fs from 'node:fs';

import type { LocalNeo4j } from '../../src/neo4j/local';

/** Stops the Neo4j the global setup started and removes its temporary data. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__atlasLocalNeo4j as
    { local: LocalNeo4j; dataDir: string } | undefined;
  if (!started) return;
  await started.local.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
