import fs from 'node:fs';
import path from 'node:path';

import YAML from 'yaml';

import { SEED_ORIGIN } from '../../src/graph/graph.model';
import { RelationType } from '../../src/graph/vocabulary';
import type { Neo4jGateway } from '../../src/neo4j/gateway';

/**
 * The shipped seed (seed/*.yaml) for the navigation tests (neighborhood, paths, lifecycle, compare, learning path)
 * while the global setup does not seed the test database yet. It stores the seed the way graph.model.ts says the
 * seeder does, only into an empty graph, marked so it can be removed afterwards; when the graph already holds
 * concepts (the seeder ran), it does nothing. The tests read expectations from the database, not from this file.
 */

const MARK = 'navigation-seed-fixture';

interface Text {
  ko?: string;
  en?: string;
}

interface SeedConceptFile {
  concepts?: {
    slug: string;
    kind: string;
    name: Text;
    aliases?: { ko?: string[]; en?: string[] };
    summary: Text;
    details?: Text;
    tags?: string[];
    source: string;
    syntax?: string;
    order?: number;
  }[];
}

interface SeedRelationFile {
  relations?: { type: string; from: string; to: string; description?: Text; order?: number; source: string }[];
}

interface SeedComparisonFile {
  comparisons?: { slug: string; title: Text; concepts: string[]; aspects: unknown[]; source: string }[];
}

function readAll<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T);
}

/** Writes the shipped seed when the graph has no concepts; returns a function that removes what it wrote. */
export async function ensureSeedGraph(gateway: Neo4jGateway, rootDir: string): Promise<() => Promise<void>> {
  const [{ n }] = await gateway.read('MATCH (c:Concept) RETURN count(c) AS n');
  if ((n as number) > 0) return async () => undefined;
  const seedDir = path.join(rootDir, 'seed');
  const concepts = readAll<SeedConceptFile>(path.join(seedDir, 'concepts')).flatMap((file) => file.concepts ?? []);
  const relations = readAll<SeedRelationFile>(path.join(seedDir, 'relations')).flatMap((file) => file.relations ?? []);
  const comparisonFile = path.join(seedDir, 'comparisons.yaml');
  const comparisons = fs.existsSync(comparisonFile) ? ((YAML.parse(fs.readFileSync(comparisonFile, 'utf8')) as SeedComparisonFile).comparisons ?? []) : [];

  await gateway.write(
    `UNWIND $rows AS row
     CREATE (c:Concept {slug: row.slug, kind: row.kind, nameKo: row.name.ko, nameEn: row.name.en,
                        aliasesKo: coalesce(row.aliases.ko, []), aliasesEn: coalesce(row.aliases.en, []),
                        summaryKo: row.summary.ko, summaryEn: row.summary.en, detailsKo: row.details.ko, detailsEn: row.details.en,
                        tags: coalesce(row.tags, []), source: row.source, syntax: row.syntax, order: toInteger(row.order),
                        origin: $origin, fixture: $mark})`,
    { rows: concepts.map((c) => ({ ...c, aliases: c.aliases ?? {}, details: c.details ?? {}, syntax: c.syntax ?? null, order: c.order ?? null })), origin: SEED_ORIGIN, mark: MARK },
  );
  const types = Object.values(RelationType) as string[];
  for (const type of new Set(relations.map((r) => r.type))) {
    // Relationship types cannot be parameters: only names of the closed vocabulary reach the query text.
    if (!types.includes(type)) throw new Error(`The seed uses the unknown relation type ${type}`);
    await gateway.write(
      `UNWIND $rows AS row
       MATCH (a:Concept {slug: row.from}), (b:Concept {slug: row.to})
       CREATE (a)-[:${type} {descriptionKo: row.description.ko, descriptionEn: row.description.en, order: toInteger(row.order), source: row.source, origin: $origin}]->(b)`,
      { rows: relations.filter((r) => r.type === type).map((r) => ({ ...r, description: r.description ?? {}, order: r.order ?? null })), origin: SEED_ORIGIN },
    );
  }
  await gateway.write(
    `UNWIND $rows AS row
     CREATE (m:Comparison {slug: row.slug, titleKo: row.title.ko, titleEn: row.title.en, source: row.source, aspects: row.aspects,
                           origin: $origin, fixture: $mark})
     WITH m, row
     UNWIND range(0, size(row.concepts) - 1) AS position
     MATCH (c:Concept {slug: row.concepts[position]})
     CREATE (m)-[:COMPARES {position: position}]->(c)`,
    { rows: comparisons.map((c) => ({ ...c, aspects: JSON.stringify(c.aspects) })), origin: SEED_ORIGIN, mark: MARK },
  );
  return async () => {
    await gateway.write('MATCH (n {fixture: $mark}) DETACH DELETE n', { mark: MARK });
  };
}
