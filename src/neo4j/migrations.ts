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
 * Applies the constraints and indexes kept in schema/*.cypher, in file-name order. Every statement uses IF NOT
 * EXISTS, so this is safe on every start. Waits for indexes to come online so the first search finds everything.
 */
export async function applySchema(gateway: Neo4jGateway, rootDir: string, logger: Logger): Promise<number> {
  const dir = path.join(rootDir, 'schema');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  let count = 0;
  for (const file of files) {
    for (const statement of parseCypherFile(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      await gateway.write(statement);
      count += 1;
    }
  }
  await gateway.write('CALL db.awaitIndexes(60)');
  logger.info({ statements: count }, 'Neo4j schema applied');
  return count;
}
