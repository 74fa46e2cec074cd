import { useTestServer } from './support/server';

/**
 * A LEARN_AFTER cycle the seeder would refuse but another writer might leave: target -> a -> b -> c -> a. Written for
 * these tests and removed after.
 */
const CYCLE = ['learning-test-a', 'learning-test-b', 'learning-test-c'];
const CYCLE_TARGET = 'learning-test-target';

const server = useTestServer(
  {},
  {
    seed: (started) =>
      started.atlas.database.gateway.write(
        `UNWIND $slugs AS slug
     CREATE (:Concept {slug: slug, kind: 'CONCEPT', nameKo: slug, nameEn: slug, summaryKo: '시험용', summaryEn: 'For tests.',
                       aliasesKo: [], aliasesEn: [], tags: [], source: 'test', origin: 'test'})
     WITH collect(slug) AS all
     MATCH (t:Concept {slug: $target}), (a:Concept {slug: $cycle[0]}), (b:Concept {slug: $cycle[1]}), (c:Concept {slug: $cycle[2]})
     CREATE (t)-[:LEARN_AFTER {origin: 'test'}]->(a), (a)-[:LEARN_AFTER {origin: 'test'}]->(b), (b)-[:LEARN_AFTER {origin: 'test'}]->(c), (c)-[:LEARN_AFTER {origin: 'test'}]->(a)`,
        { slugs: [CYCLE_TARGET, ...CYCLE], target: CYCLE_TARGET, cycle: CYCLE },
      ),
    cleanup: (started) =>
      started.atlas.database.gateway.write('MATCH (c:Concept) WHERE c.slug IN $slugs DETACH DELETE c', {
        slugs: [CYCLE_TARGET, ...CYCLE],
      }),
  },
);

const db = () => server.atlas.database.gateway;

async function learningPath(
  slug: string,
  headers: Record<string, string> = {},
): Promise<{ slug: string; name: string }[]> {
  const res = await server.gql<{ learningPath: { slug: string; name: string }[] }>(
    'query ($slug: String!) { learningPath(slug: $slug) { slug name } }',
    { slug },
    headers,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.learningPath;
}

/** Every LEARN_AFTER edge among `slugs`, as [concept, prerequisite]. */
async function requiresAmong(slugs: string[]): Promise<[string, string][]> {
  const rows = await db().read(
    'MATCH (a:Concept)-[:LEARN_AFTER]->(b:Concept) WHERE a.slug IN $slugs AND b.slug IN $slugs RETURN a.slug AS a, b.slug AS b',
    { slugs },
  );
  return rows.map((row) => [row.a as string, row.b as string]);
}

describe('learningPath', () => {
  it('puts every prerequisite of unikernel before what needs it, unikernel last', async () => {
    const path = await learningPath('unikernel');
    const slugs = path.map((c) => c.slug);
    expect(slugs[slugs.length - 1]).toBe('unikernel');
    expect(new Set(slugs).size).toBe(slugs.length);
    const position = new Map(slugs.map((slug, index) => [slug, index]));
    for (const basic of ['process', 'kernel']) {
      expect(position.get(basic)).toBeDefined();
      expect(position.get(basic)!).toBeLessThan(position.get('container')!);
    }
    const edges = await requiresAmong(slugs);
    expect(edges.length).toBeGreaterThan(0);
    for (const [concept, prerequisite] of edges)
      expect(position.get(prerequisite)!).toBeLessThan(position.get(concept)!);
  });

  it('holds exactly the LEARN_AFTER closure of the concept', async () => {
    const path = await learningPath('unikernel');
    const rows = await db().read(
      'MATCH (:Concept {slug: "unikernel"})-[:LEARN_AFTER*0..]->(p:Concept) RETURN DISTINCT p.slug AS slug',
    );
    expect(path.map((c) => c.slug).sort()).toEqual(rows.map((row) => row.slug as string).sort());
  });

  it('is just the concept when it requires nothing', async () => {
    expect((await learningPath('process')).map((c) => c.slug)).toEqual(['process']);
  });

  it('orders every concept of the seed validly, and the same way every time', async () => {
    for (const slug of ['docker-stop', 'docker-commit', 'os-container', 'wora']) {
      const path = await learningPath(slug);
      const slugs = path.map((c) => c.slug);
      expect(slugs[slugs.length - 1]).toBe(slug);
      const position = new Map(slugs.map((s, index) => [s, index]));
      for (const [concept, prerequisite] of await requiresAmong(slugs))
        expect(position.get(prerequisite)!).toBeLessThan(position.get(concept)!);
      expect(await learningPath(slug)).toEqual(path);
    }
  });

  it('names the concepts in Korean or English', async () => {
    const [row] = await db().read('MATCH (c:Concept {slug: "unikernel"}) RETURN c.nameKo AS ko, c.nameEn AS en');
    const ko = await learningPath('unikernel', { 'accept-language': 'ko' });
    const en = await learningPath('unikernel');
    expect(ko[ko.length - 1].name).toBe(row.ko);
    expect(en[en.length - 1].name).toBe(row.en);
  });

  it('reads the closure in one database round trip', async () => {
    const res = await server.gql('{ learningPath(slug: "unikernel") { slug name summary kind } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-db-round-trips')).toBe('1');
  });

  it('is NOT_FOUND for a slug no concept has', async () => {
    const res = await server.gql('{ learningPath(slug: "no-such-concept") { slug } }');
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'slug' });
    expect(res.body.errors![0].message).toContain('no-such-concept');
  });

  it('names the cycle when the stored prerequisites go round in a circle', async () => {
    const res = await server.gql<{ learningPath: unknown }>(
      'query ($slug: String!) { learningPath(slug: $slug) { slug } }',
      { slug: CYCLE_TARGET },
    );
    expect(res.body.data ?? null).toBeNull();
    const [error] = res.body.errors!;
    expect(error.extensions?.code).toBe('DATA_INCONSISTENT');
    expect(error.extensions?.cycle).toEqual([...CYCLE, CYCLE[0]]);
    expect(error.message).toContain(`${CYCLE.join(' → ')} → ${CYCLE[0]}`);
    expect(error.message).toContain(CYCLE_TARGET);
    // A concept outside the cycle is unaffected.
    expect((await learningPath('process')).map((c) => c.slug)).toEqual(['process']);
  });
});
