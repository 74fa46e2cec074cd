import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from '../logger';
import type { Neo4jGateway } from './gateway';

/** Splits a .cypher file into statements: `;` at a line end ends one, `//` lines are comments. */
export function parseCypherFile(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Schema changes and the wait for indexes are start-up jobs, not requests: on a busy machine they can take far longer
 * than a request's timeout, and the gateway's deadline would otherwise cut them off and fail the start.
 */
const SCHEMA_TIMEOUT_MS = 90_000;

/**
 * Applies the constraints and indexes kept in schema/*.cypher, in file-name order. Every statement uses IF NOT
 * EXISTS, so this is safe on every start. Waits for indexes to come online so the first search finds everything.
 */
export async function applySchema(gateway: Neo4jGateway, rootDir: string, logger: Logger): Promise<number> {
  const dir = path.join(rootDir, 'schema');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  let count = 0;
  for (const file of files) {
    for (const statement of parseCypherFile(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      await gateway.writeTransaction((tx) => tx.run(statement), SCHEMA_TIMEOUT_MS);
      count += 1;
    }
  }
  await gateway.writeTransaction((tx) => tx.run('CALL db.awaitIndexes(60)'), SCHEMA_TIMEOUT_MS);
  logger.info({ statements: count }, 'Neo4j schema applied');
  return count;
}
