import { createLogger } from '../../src/logger';
import path from 'node:path';

import { connectDatabase, type Database } from '../../src/neo4j/database';
import { applySchema } from '../../src/neo4j/migrations';
import { seedTestConfig } from '../support/seed';

/**
 * The concept_search full-text index (schema/02-search.cypher) over the seeded graph, queried with Cypher through the
 * gateway the way the search resolver does: Korean words, English words and prefixes find the right concepts.
 */

const silent = createLogger({ logLevel: 'silent', logPretty: false });
let db: Database;

async function hits(lucene: string): Promise<{ slug: string; text: string }[]> {
  const rows = await db.gateway.read(
    `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: 200}) YIELD node, score
     RETURN node.slug AS slug,
            toLower(reduce(s = '', t IN [node.nameKo, node.nameEn, node.summaryKo, node.summaryEn] + node.aliasesKo + node.aliasesEn | s + ' ' + t)) AS text
     ORDER BY score DESC, slug`,
    { lucene },
  );
  return rows as { slug: string; text: string }[];
}

const slugs = (list: { slug: string }[]) => list.map((h) => h.slug);

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), silent);
});

afterAll(async () => {
  await db?.close();
});

describe('the concept_search index', () => {
  it('is a full-text index with the cjk analyzer over names, aliases, summaries and search terms in both languages', async () => {
    const [index] = await db.gateway.read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state WHERE name = 'concept_search' RETURN labelsOrTypes, properties, options.indexConfig AS config, state",
    );
    expect(index).toMatchObject({
      labelsOrTypes: ['Concept'],
      properties: ['nameKo', 'nameEn', 'aliasesKo', 'aliasesEn', 'summaryKo', 'summaryEn', 'searchTerms'],
      config: expect.objectContaining({ 'fulltext.analyzer': 'cjk' }),
      state: 'ONLINE',
    });
  });

  it.each([
    ['하이퍼바이저', 'hypervisor', 1],
    ['hypervisor', 'hypervisor', 1],
    ['hyperv*', 'hypervisor', 1],
    ['유니커널', 'unikernel', 3],
    ['컨테이너', 'container', 20],
  ])('%s finds %s among the first %d hits', async (query, slug, within) => {
    const found = await hits(query);
    expect(slugs(found).slice(0, within)).toContain(slug);
  });

  it('finds a Korean word inside compounds and before particles, where whitespace tokenizing would not', async () => {
    // "커널" is part of "유니커널" (unikernel) and "리눅스 커널"; one bigram query finds both.
    const found = slugs(await hits('커널'));
    expect(found).toEqual(expect.arrayContaining(['unikernel', 'kernel', 'linux-kernel']));
  });

  it('ranks concepts that contain the whole Korean word above those that only share a syllable pair', async () => {
    const found = await hits('컨테이너');
    expect(found.slice(0, 20).every((h) => h.text.includes('컨테이너'))).toBe(true);
  });

  it('searches aliases too, including the typos of the note', async () => {
    expect(slugs(await hits('pauge'))[0]).toBe('docker-pause');
  });

  it('answers a single syllable prefix (컨*) with concepts that have a word starting with it', async () => {
    const found = await hits('컨*');
    expect(slugs(found)).toContain('container');
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((h) => h.text.includes('컨'))).toBe(true);
  });

  it('is made again by applySchema when a database holds it with other properties', async () => {
    await db.gateway.write('DROP INDEX concept_search IF EXISTS');
    await db.gateway.write("CREATE FULLTEXT INDEX concept_search FOR (c:Concept) ON EACH [c.nameKo, c.nameEn] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }");
    await applySchema(db.gateway, path.resolve(__dirname, '../..'), silent);
    const [index] = await db.gateway.read("SHOW FULLTEXT INDEXES YIELD name, properties, state WHERE name = 'concept_search' RETURN properties, state");
    expect(index).toEqual({ properties: ['nameKo', 'nameEn', 'aliasesKo', 'aliasesEn', 'summaryKo', 'summaryEn', 'searchTerms'], state: 'ONLINE' });
    expect(slugs(await hits('flag_a'))).toEqual(['docker-ps-all-flag']);
  });
});
