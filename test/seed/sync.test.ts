import { Writable } from 'node:stream';

import pino from 'pino';

import { createLogger } from '../../src/logger';
import { connectDatabase, type Database } from '../../src/neo4j/database';
import { SeedValidationError } from '../../src/seed/seed.problem';
import { seedOnStart } from '../../src/seed/seed.startup';
import { syncSeed } from '../../src/seed/seed.sync';
import type { SeedContent } from '../../src/seed/seed.types';
import { checkSeed } from '../../src/seed/seed.validate';
import { graphSnapshot, restoreShippedSeed, seedTestConfig } from '../support/seed';

/** Syncing the seed into the real database: idempotent, exact, all or nothing, and blind to content it does not own. */

const silent = createLogger({ logLevel: 'silent', logPretty: false });
let db: Database;
let shipped: SeedContent;

const clone = (content: SeedContent): SeedContent => structuredClone(content);
/** The stored hash is a SHA-256 in hex; which one is checked against the hash the shipped seed stores, not recomputed. */
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A concept the seeder does not own; the tests that need one write it, and each test's foreign content is removed after it. */
const FOREIGN_NOTE = `CREATE (n:Concept {slug: 'sync-test-note', kind: 'CONCEPT', nameKo: '메모', nameEn: 'Note', origin: 'sync-test'})`;

async function removeForeign(): Promise<void> {
  await db.gateway.write("MATCH (n) WHERE n.origin = 'sync-test' DETACH DELETE n");
  await db.gateway.write("MATCH ()-[r]->() WHERE r.origin = 'sync-test' OR r.mark = 'sync-test' DELETE r");
}

async function counts() {
  const [row] = await db.gateway.read(
    `CALL () { MATCH (c:Concept {origin: 'seed'}) RETURN count(c) AS concepts }
     CALL () { MATCH (:Concept)-[r]->(:Concept) WHERE r.origin = 'seed' RETURN count(r) AS relations }
     CALL () { MATCH (k:Comparison {origin: 'seed'}) RETURN count(k) AS comparisons }
     MATCH (s:SeedState {key: 'seed'})
     RETURN concepts, relations, comparisons, s.hash AS hash, s.version AS version, s.concepts AS storedConcepts, s.relations AS storedRelations`,
  );
  return row;
}

/** A concept that no comparison uses, and the seed without it (and without its relations). */
function withoutOneConcept(content: SeedContent): { slug: string; content: SeedContent } {
  const compared = new Set(content.comparisons.flatMap((k) => k.concepts));
  const slug = [...content.concepts].reverse().find((c) => !compared.has(c.slug))!.slug;
  const smaller = clone(content);
  smaller.concepts = smaller.concepts.filter((c) => c.slug !== slug);
  smaller.relations = smaller.relations.filter((r) => r.from !== slug && r.to !== slug);
  return { slug, content: smaller };
}

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), silent);
  shipped = checkSeed(seedTestConfig().seed.dir);
  await restoreShippedSeed(db.gateway);
});

afterAll(async () => {
  if (db) {
    await removeForeign();
    await restoreShippedSeed(db.gateway);
    await db.close();
  }
});

describe('syncing the seed', () => {
  afterEach(() => removeForeign());

  it('stores exactly the seed and a SeedState with its hash and counts', async () => {
    const row = await counts();
    expect(row).toEqual({
      concepts: shipped.concepts.length,
      relations: shipped.relations.length,
      comparisons: shipped.comparisons.length,
      hash: expect.stringMatching(SHA256_HEX),
      version: expect.any(String),
      storedConcepts: shipped.concepts.length,
      storedRelations: shipped.relations.length,
    });
    const [stop] = await db.gateway.read(
      `MATCH (c:Concept {slug: 'docker-stop'})-[r:SENDS_SIGNAL]->(s:Concept)
       RETURN c.syntax AS syntax, c.origin AS origin, c.searchText AS searchText, collect([s.slug, r.order, r.origin]) AS signals`,
    );
    expect(stop).toMatchObject({ origin: 'seed', syntax: shipped.concepts.find((c) => c.slug === 'docker-stop')!.syntax, searchText: null });
    for (const [, order, origin] of stop.signals as [string, number, string][]) {
      expect(Number.isInteger(order)).toBe(true);
      expect(origin).toBe('seed');
    }
    const [comparison] = await db.gateway.read(
      `MATCH (k:Comparison {slug: $slug})-[p:COMPARES]->(c:Concept) WITH k, p, c ORDER BY p.position
       RETURN k.aspects AS aspects, collect(c.slug) AS concepts, collect(p.position) AS positions`,
      { slug: shipped.comparisons[0].slug },
    );
    expect(comparison.concepts).toEqual(shipped.comparisons[0].concepts);
    expect(comparison.positions).toEqual(shipped.comparisons[0].concepts.map((_, i) => i + 1));
    expect(JSON.parse(comparison.aspects as string)).toHaveLength(shipped.comparisons[0].aspects.length);
  });

  it('changes nothing when run twice: same counts, same properties, no duplicate edges', async () => {
    const before = await graphSnapshot(db.gateway, ['seededAt']);
    const result = await syncSeed(db.gateway, shipped);
    expect(result.removed).toEqual({ concepts: 0, relations: 0, comparisons: 0 });
    expect(await graphSnapshot(db.gateway, ['seededAt'])).toEqual(before);
    const [{ duplicates }] = await db.gateway.read(
      `MATCH (a:Concept)-[r]->(b:Concept) WHERE r.origin = 'seed' WITH a, b, type(r) AS t, count(*) AS n WHERE n > 1 RETURN count(*) AS duplicates`,
    );
    expect(duplicates).toBe(0);
  });

  it('removes a concept and a relation that left the seed, updates changed properties, and restores them all', async () => {
    const shippedHash = (await counts()).hash;
    const { slug, content } = withoutOneConcept(shipped);
    const dropped = content.relations.pop()!;
    const edited = content.concepts.find((c) => c.details)!;
    edited.summary = { ko: '바뀐 요약이다.', en: 'A changed summary.' };
    delete edited.details;
    const described = content.relations.find((r) => r.description)!;
    delete described.description;

    const result = await syncSeed(db.gateway, content);
    expect(result.removed.concepts).toBe(1);
    // The dropped relation, and the relations of the dropped concept.
    expect(result.removed.relations).toBe(1 + shipped.relations.filter((r) => r.from === slug || r.to === slug).length);
    const [gone] = await db.gateway.read(
      `OPTIONAL MATCH (c:Concept {slug: $slug}) WITH count(c) AS concepts
       OPTIONAL MATCH (:Concept {slug: $from})-[r]->(:Concept {slug: $to}) WHERE type(r) = $type
       RETURN concepts, count(r) AS relations`,
      { slug, from: dropped.from, to: dropped.to, type: dropped.type },
    );
    expect(gone).toEqual({ concepts: 0, relations: 0 });
    const [changed] = await db.gateway.read('MATCH (c:Concept {slug: $slug}) RETURN c.summaryEn AS summaryEn, c.detailsKo AS detailsKo, c.detailsEn AS detailsEn', { slug: edited.slug });
    expect(changed).toEqual({ summaryEn: 'A changed summary.', detailsKo: null, detailsEn: null });
    const [relation] = await db.gateway.read(
      `MATCH (:Concept {slug: $from})-[r]->(:Concept {slug: $to}) WHERE type(r) = $type RETURN r.descriptionKo AS ko, r.descriptionEn AS en`,
      { from: described.from, to: described.to, type: described.type },
    );
    expect(relation).toEqual({ ko: null, en: null });
    const stored = await counts();
    expect(stored).toMatchObject({ concepts: content.concepts.length, relations: content.relations.length, storedConcepts: content.concepts.length });
    expect(stored.hash).toMatch(SHA256_HEX);
    expect(stored.hash).not.toBe(shippedHash);

    await restoreShippedSeed(db.gateway);
    expect(await counts()).toMatchObject({ concepts: shipped.concepts.length, relations: shipped.relations.length, hash: shippedHash });
  });

  it('never touches nodes or relationships it does not own, even parallel to its own edges', async () => {
    const first = shipped.relations[0];
    await db.gateway.write(
      `${FOREIGN_NOTE}
       CREATE (:Bookmark {origin: 'sync-test', title: 'kept'})
       WITH n
       MATCH (c:Concept {slug: 'container'}), (a:Concept {slug: $from}), (b:Concept {slug: $to})
       CREATE (n)-[:USES {mark: 'sync-test'}]->(c)
       CREATE (c)-[:PAIRS_WELL_WITH {mark: 'sync-test'}]->(n)
       CREATE (a)-[:${first.type} {origin: 'sync-test', descriptionEn: 'a user edge beside the seed edge'}]->(b)`,
      { from: first.from, to: first.to },
    );
    const foreign = async () => graphSnapshot(db.gateway).then((s) => ({ nodes: s.nodes.filter((n) => n.includes('sync-test')), relationships: s.relationships.filter((r) => r.includes('sync-test')) }));
    const before = await foreign();
    expect(before.nodes).toHaveLength(2);
    expect(before.relationships).toHaveLength(3);

    await syncSeed(db.gateway, withoutOneConcept(shipped).content);
    await syncSeed(db.gateway, shipped);
    expect(await foreign()).toEqual(before);
    expect(await counts()).toMatchObject({ concepts: shipped.concepts.length, relations: shipped.relations.length });
  });

  it('refuses a seed slug that a concept it does not own already has, naming the seed line, and changes nothing', async () => {
    await db.gateway.write(FOREIGN_NOTE);
    const content = clone(shipped);
    const taken = content.concepts[3];
    taken.slug = 'sync-test-note';
    content.relations = content.relations.filter((r) => r.from !== shipped.concepts[3].slug && r.to !== shipped.concepts[3].slug);
    content.comparisons = content.comparisons.filter((k) => !k.concepts.includes(shipped.concepts[3].slug));
    const before = await graphSnapshot(db.gateway);
    const error = await syncSeed(db.gateway, content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as Error).message).toContain(`${taken.at.file}:${taken.at.line}: the database already has a concept "sync-test-note" that the seeder does not own (origin "sync-test")`);
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });

  it('is all or nothing: a failure after the first batch leaves the whole graph as it was', async () => {
    const content = withoutOneConcept(shipped).content;
    content.concepts[0].summary = { ko: '반쯤 쓰인 요약이다.', en: 'A half-written summary.' };
    const before = await graphSnapshot(db.gateway);
    const batches: string[] = [];
    const failing = syncSeed(db.gateway, content, {
      reset: true,
      batchSize: 25,
      hooks: {
        afterBatch(step) {
          batches.push(step);
          throw new Error('forced failure after the first batch');
        },
      },
    });
    await expect(failing).rejects.toThrow('forced failure after the first batch');
    expect(batches).toEqual(['concepts']);
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });
});

describe('seeding on start', () => {
  function capture() {
    const lines: { msg: string }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { logger: pino({ level: 'info' }, stream), lines };
  }

  it('leaves an up-to-date graph alone and says so', async () => {
    const before = await graphSnapshot(db.gateway);
    const { logger, lines } = capture();
    await seedOnStart(db.gateway, seedTestConfig(), logger);
    expect(lines.map((l) => l.msg)).toEqual(['the graph is up to date with the seed files']);
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });

  it('seeds when the stored hash differs, logging counts and seconds', async () => {
    const shippedHash = (await counts()).hash;
    expect(shippedHash).toMatch(SHA256_HEX);
    await db.gateway.write("MATCH (s:SeedState {key: 'seed'}) SET s.hash = 'stale'");
    const { logger, lines } = capture();
    await seedOnStart(db.gateway, seedTestConfig(), logger);
    const done = lines.find((l) => l.msg.startsWith('seeded '))! as unknown as Record<string, unknown>;
    expect(done).toMatchObject({ concepts: shipped.concepts.length, relations: shipped.relations.length, seconds: expect.any(Number) });
    expect((await counts()).hash).toBe(shippedHash);
  });
});
