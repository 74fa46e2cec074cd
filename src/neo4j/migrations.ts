import fs from 'node:fs';
import path from 'node:path';

import neo4j from 'neo4j-driver';

import { DEGREE_KEY_SET, NAME_KEYS_SET } from '../graph/sort-keys';
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

const FULLTEXT = /^CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR \(\w+:\w+\) ON EACH \[([^\]]*)\]/;

/** The name and indexed properties of a `CREATE FULLTEXT INDEX` statement, or undefined for any other statement. */
export function fulltextIndexOf(statement: string): { name: string; properties: string[] } | undefined {
  const match = FULLTEXT.exec(statement);
  if (!match) return undefined;
  return { name: match[1], properties: match[2].split(',').map((p) => p.trim().replace(/^\w+\./, '')) };
}

/**
 * Drops a full-text index whose stored properties differ from its statement, so the statement creates it anew:
 * `IF NOT EXISTS` alone would keep an index made by an older version of the schema.
 */
async function dropChangedFulltextIndex(gateway: Neo4jGateway, statement: string, logger: Logger): Promise<void> {
  const index = fulltextIndexOf(statement);
  if (!index) return;
  const rows = await gateway.write(
    'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties',
    { name: index.name },
  );
  const stored = rows[0]?.properties as string[] | undefined;
  if (!stored || [...stored].sort().join() === [...index.properties].sort().join()) return;
  await gateway.write(`DROP INDEX ${index.name} IF EXISTS`);
  logger.info(
    { index: index.name, from: stored, to: index.properties },
    'full-text index changed: dropped, to be created again',
  );
}

/**
 * Schema changes and the wait for indexes are start-up jobs, not requests: on a busy machine they can take far longer
 * than a request's timeout, and the gateway's deadline would otherwise cut them off and fail the start.
 */
const SCHEMA_TIMEOUT_MS = 90_000;

/** Concepts given their sort keys per transaction by fillMissingSortKeys. */
const SORT_KEY_BATCH = 10000;

/**
 * Gives every concept without stored sort keys its keys (src/graph/sort-keys.ts): a graph seeded before they existed
 * has none, and the seeder only writes again when the seed files change. Without keys a concept would be missing
 * from pages ordered by name or degree. On a graph that has them all this is one scan that changes nothing.
 */
export async function fillMissingSortKeys(gateway: Neo4jGateway, logger: Logger): Promise<number> {
  let filled = 0;
  for (;;) {
    const [row] = await gateway.writeTransaction(
      (tx) =>
        tx
          .run(
            `MATCH (c:Concept) WHERE c.sortNameEn IS NULL OR c.sortNameKo IS NULL OR c.degree IS NULL
             WITH c LIMIT $batch
             SET ${NAME_KEYS_SET}, ${DEGREE_KEY_SET}
             RETURN count(c) AS n`,
            { batch: neo4j.int(SORT_KEY_BATCH) },
          )
          .then((result) => result.records.map((record) => record.toObject())),
      SCHEMA_TIMEOUT_MS,
    );
    const n = row.n as number;
    filled += n;
    if (n < SORT_KEY_BATCH) break;
  }
  if (filled > 0) logger.info({ concepts: filled }, 'stored sort keys filled in for concepts that had none');
  return filled;
}

/**
 * Applies the constraints and indexes kept in schema/*.cypher, in file-name order. Every statement uses IF NOT
 * EXISTS, so this is safe on every start. Waits for indexes to come online so the first search finds everything.
 */
export async function applySchema(gateway: Neo4jGateway, rootDir: string, logger: Logger): Promise<number> {
  const dir = path.join(rootDir, 'schema');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  let count = 0;
  for (const file of files) {
    for (const statement of parseCypherFile(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      await dropChangedFulltextIndex(gateway, statement, logger);
      await gateway.writeTransaction((tx) => tx.run(statement), SCHEMA_TIMEOUT_MS);
      count += 1;
    }
  }
  await gateway.writeTransaction((tx) => tx.run('CALL db.awaitIndexes(60)'), SCHEMA_TIMEOUT_MS);
  await fillMissingSortKeys(gateway, logger);
  logger.info({ statements: count }, 'Neo4j schema applied');
  return count;
}
