import { createLogger } from '../../src/logger';
import { connectDatabase, type Database } from '../../src/neo4j/database';
import { writeSynthetic } from '../../src/seed/seed.synthetic';
import { syncSeed } from '../../src/seed/seed.sync';
import { checkSeed } from '../../src/seed/seed.validate';
import { graphSnapshot, restoreShippedSeed, seedTestConfig } from '../support/seed';

/** Synthetic benchmark data: deterministic, added and removed on its own, and never confused with the seed. */

const silent = createLogger({ logLevel: 'silent', logPretty: false });
let db: Database;

/**
 * Relations of N synthetic concepts, counted by hand: concept i links to three earlier concepts, or to all of them
 * while it has fewer than three before it (0 + 1 + 2 + 3 for each of the other N - 3).
 */
const RELATIONS: Record<number, number> = { 25: 69, 40: 114, 60: 174, 4500: 13494 };

async function synthetic() {
  const [row] = await db.gateway.read(
    `CALL () { MATCH (c:Concept {origin: 'synthetic'}) RETURN count(c) AS concepts, max(c.slug) AS last, min(c.slug) AS first,
                      all(t IN collect('synthetic' IN c.tags) WHERE t) AS tagged }
     CALL () { MATCH (a:Concept)-[r]->(b:Concept) WHERE r.origin = 'synthetic'
               RETURN count(r) AS relations, count(DISTINCT type(r)) AS types,
                      sum(CASE WHEN a.origin = 'synthetic' AND b.origin = 'synthetic' THEN 0 ELSE 1 END) AS crossing }
     RETURN concepts, first, last, tagged, relations, types, crossing`,
  );
  return row;
}

/** Synthetic concepts whose stored degree is not the number of their relationships to concepts, as the graph has them. */
async function wrongDegrees(): Promise<string[]> {
  const rows = await db.gateway.read(
    `MATCH (c:Concept {origin: 'synthetic'}) WITH c, COUNT { (c)--(:Concept) } AS actual WHERE c.degree IS NULL OR c.degree <> actual
     RETURN c.slug + ' stores ' + coalesce(toString(c.degree), 'nothing') + ', has ' + toString(actual) AS wrong ORDER BY wrong LIMIT 5`,
  );
  return rows.map((r) => r.wrong as string);
}

/** The synthetic part of the graph, as text. */
async function syntheticSnapshot() {
  const all = await graphSnapshot(db.gateway);
  return { nodes: all.nodes.filter((n) => n.includes('"synthetic"')), relationships: all.relationships.filter((r) => r.includes('synthetic-')) };
}

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), silent);
});

afterAll(async () => {
  if (db) {
    await writeSynthetic(db.gateway, 0, silent);
    await restoreShippedSeed(db.gateway);
    await db.close();
  }
});

describe('synthetic data', () => {
  it('adds N concepts tagged synthetic with about 3N relations of many types, and leaves the seed alone', async () => {
    await writeSynthetic(db.gateway, 0, silent);
    const seedBefore = await graphSnapshot(db.gateway, ['seededAt']);
    const result = await writeSynthetic(db.gateway, 60, silent);
    expect(result).toMatchObject({ concepts: 60, relations: RELATIONS[60], removed: 0 });
    expect(await synthetic()).toEqual({
      concepts: 60,
      first: 'synthetic-000001',
      last: 'synthetic-000060',
      tagged: true,
      relations: RELATIONS[60],
      types: expect.any(Number),
      crossing: 0,
    });
    expect((await synthetic()).types).toBeGreaterThanOrEqual(20);
    const all = await graphSnapshot(db.gateway, ['seededAt']);
    expect(all.nodes.filter((n) => !n.includes('"synthetic"'))).toEqual(seedBefore.nodes);
    expect(all.relationships.filter((r) => !r.includes('synthetic-'))).toEqual(seedBefore.relationships);
  });

  it('is deterministic: rewriting (MERGE) and recreating (CREATE) give the same graph', async () => {
    await writeSynthetic(db.gateway, 60, silent);
    const first = await syntheticSnapshot();
    expect(first.nodes).toHaveLength(60);
    await writeSynthetic(db.gateway, 60, silent);
    expect(await syntheticSnapshot()).toEqual(first);
    await writeSynthetic(db.gateway, 0, silent);
    await writeSynthetic(db.gateway, 60, silent);
    expect(await syntheticSnapshot()).toEqual(first);
  });

  it('survives the seed sync, even a reset of the seed', async () => {
    await writeSynthetic(db.gateway, 60, silent);
    const before = await syntheticSnapshot();
    expect(before.nodes).toHaveLength(60);
    const shipped = checkSeed(seedTestConfig().seed.dir);
    await syncSeed(db.gateway, { ...shipped, relations: shipped.relations.slice(1) });
    await syncSeed(db.gateway, shipped, { reset: true });
    expect(await syntheticSnapshot()).toEqual(before);
  });

  it('shrinks and grows to exactly N, and 0 removes all of it', async () => {
    await writeSynthetic(db.gateway, 60, silent);
    expect(await writeSynthetic(db.gateway, 25, silent)).toMatchObject({ removed: 35 });
    expect(await synthetic()).toMatchObject({ concepts: 25, last: 'synthetic-000025', relations: RELATIONS[25], crossing: 0 });
    await writeSynthetic(db.gateway, 40, silent);
    expect(await synthetic()).toMatchObject({ concepts: 40, last: 'synthetic-000040', relations: RELATIONS[40] });
    const seed = await graphSnapshot(db.gateway, ['seededAt']);
    await writeSynthetic(db.gateway, 0, silent);
    expect(await synthetic()).toMatchObject({ concepts: 0, relations: 0 });
    const after = await graphSnapshot(db.gateway, ['seededAt']);
    expect(after.nodes).toEqual(seed.nodes.filter((n) => !n.includes('"synthetic"')));
  });

  it('stores the sort keys and the degree of every synthetic concept, and keeps the degree right as it grows and shrinks', async () => {
    const keys = async () =>
      db.gateway.read(
        `MATCH (c:Concept {origin: 'synthetic'})
         RETURN c.slug AS slug, c.nameEn AS nameEn, c.nameKo AS nameKo, c.sortNameEn AS sortNameEn, c.sortNameKo AS sortNameKo,
                c.degree AS degree ORDER BY slug`,
      );
    // Concept 2 links to 1, concept 3 to 1 and 2, concept 4 to 1, 2 and 3: every one of four has three relations,
    // every one of three has two.
    await writeSynthetic(db.gateway, 0, silent);
    await writeSynthetic(db.gateway, 3, silent);
    expect((await keys()).map((c) => c.degree)).toEqual([2, 2, 2]);
    await writeSynthetic(db.gateway, 4, silent);
    const four = await keys();
    expect(four.map((c) => c.degree)).toEqual([3, 3, 3, 3]);
    for (const c of four) {
      expect(c.sortNameEn).toMatch(/^synthetic [a-z]+ 00000[1-4]$/);
      expect(c.sortNameEn).toBe(String(c.nameEn).toLowerCase());
      expect(c.sortNameKo).toMatch(/^합성 \S+ 00000[1-4]$/);
      expect(c.sortNameKo).toBe(c.nameKo);
    }
    await writeSynthetic(db.gateway, 3, silent);
    expect((await keys()).map((c) => c.degree)).toEqual([2, 2, 2]);
  });

  it('writes many batches (relations following the concepts), and a rerun completes an interrupted run exactly', async () => {
    // Several concept transactions and relation transactions, so the two writers really overlap.
    const n = 4500;
    await writeSynthetic(db.gateway, n, silent);
    expect(await synthetic()).toMatchObject({ concepts: n, last: 'synthetic-004500', relations: RELATIONS[n], crossing: 0 });
    expect(await wrongDegrees()).toEqual([]);
    const complete = await syntheticSnapshot();

    // What an interruption can leave: concepts only up to some number, and some of their relations missing.
    await db.gateway.write(`MATCH (c:Concept {origin: 'synthetic'}) WHERE c.slug > 'synthetic-003000' DETACH DELETE c`);
    await db.gateway.write(
      `MATCH (a:Concept {origin: 'synthetic'})-[r]->() WHERE r.origin = 'synthetic' AND a.slug >= 'synthetic-001500' DELETE r`,
    );
    expect(await writeSynthetic(db.gateway, n, silent)).toMatchObject({ concepts: n, relations: RELATIONS[n], removed: 0 });
    expect(await syntheticSnapshot()).toEqual(complete);
  });

  it('gives concepts written next to present ones (grown, shrunk) the degree their relationships give them', async () => {
    await writeSynthetic(db.gateway, 0, silent);
    await writeSynthetic(db.gateway, 2100, silent);
    expect(await wrongDegrees()).toEqual([]);
    await writeSynthetic(db.gateway, 4300, silent);
    expect(await wrongDegrees()).toEqual([]);
    await writeSynthetic(db.gateway, 3700, silent);
    expect(await wrongDegrees()).toEqual([]);
    expect(await synthetic()).toMatchObject({ concepts: 3700, relations: 3 + 3 * 3697 });
  });
});
