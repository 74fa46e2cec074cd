import { useTestServer } from './support/server';

const server = useTestServer();

const db = () => server.atlas.database.gateway;
const HANGUL = /[가-힣]/;

interface Point {
  aspect: string;
  a: string | null;
  b: string | null;
  sentence: string;
  relationType: string | null;
  comparison: string | null;
  sources: string[];
}

interface DifferenceData {
  title: string;
  related: string[];
  shared: string[];
  differences: Point[];
  nearestCommon: {
    concept: { slug: string };
    fromA: number;
    fromB: number;
    byHierarchy: boolean;
    sentences: string[];
    relations: { type: string; from: { slug: string }; to: { slug: string } }[];
  } | null;
  explanation: string;
}

const FIELDS = `title related shared differences { aspect a b sentence relationType comparison sources }
  nearestCommon { concept { slug } fromA fromB byHierarchy sentences relations { type from { slug } to { slug } } } explanation`;

async function difference(a: string, b: string, lang?: string): Promise<DifferenceData> {
  const res = await server.gql<{ difference: DifferenceData }>(
    `query ($a: String!, $b: String!, $lang: Lang) { difference(a: $a, b: $b, lang: $lang) { ${FIELDS} } }`,
    { a, b, lang },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.difference;
}

async function names(slugs: string[], lang: 'Ko' | 'En'): Promise<Record<string, string>> {
  const rows = await db().read(
    `MATCH (c:Concept) WHERE c.slug IN $slugs RETURN c.slug AS slug, c.name${lang} AS name`,
    { slugs },
  );
  return Object.fromEntries(rows.map((row) => [row.slug as string, row.name as string]));
}

/** The stored comparison `slug`: each aspect with each concept's value. */
async function stored(
  slug: string,
): Promise<{ aspect: { ko: string; en: string }; values: Record<string, { ko: string; en: string }> }[]> {
  const [row] = await db().read('MATCH (m:Comparison {slug: $slug}) RETURN m.aspects AS aspects', { slug });
  return JSON.parse(row.aspects as string);
}

/** Slugs at the other end of `slug`'s relations of `type`, pointing out of it or into it. */
async function related(slug: string, type: string, direction: 'out' | 'in'): Promise<string[]> {
  const rows = await db().read(
    direction === 'out'
      ? 'MATCH (:Concept {slug: $slug})-[r]->(o:Concept) WHERE type(r) = $type RETURN o.slug AS slug'
      : 'MATCH (o:Concept)-[r]->(:Concept {slug: $slug}) WHERE type(r) = $type RETURN o.slug AS slug',
    { slug, type },
  );
  return rows.map((row) => row.slug as string);
}

const point = (data: DifferenceData, test: (p: Point) => boolean): Point => {
  const found = data.differences.find(test);
  expect(found).toBeDefined();
  return found!;
};

describe('difference: OS container vs application container', () => {
  it("states the note's comparison row by row: services per container, layered file system, examples", async () => {
    for (const lang of ['EN', 'KO'] as const) {
      const data = await difference('os-container', 'application-container', lang);
      const rows = await stored('os-vs-application-container');
      const key = lang === 'EN' ? 'en' : 'ko';
      for (const row of rows) {
        const p = point(data, (x) => x.comparison === 'os-vs-application-container' && x.aspect === row.aspect[key]);
        expect(p.a).toContain(row.values['os-container'][key]);
        expect(p.b).toContain(row.values['application-container'][key]);
      }
      expect(rows.map((r) => r.aspect.en)).toEqual(
        expect.arrayContaining(['Services per container', 'Layered file system', 'Examples']),
      );
      if (lang === 'KO') for (const p of data.differences) expect(p.sentence).toMatch(HANGUL);
    }
  });

  it('adds the relations only one of them has: its examples, the layered file system, one or many services', async () => {
    const data = await difference('os-container', 'application-container');
    const examples = point(data, (p) => p.relationType === 'EXAMPLE_OF');
    const exampleNames = await names(
      [
        ...(await related('os-container', 'EXAMPLE_OF', 'in')),
        ...(await related('application-container', 'EXAMPLE_OF', 'in')),
      ],
      'En',
    );
    for (const slug of await related('os-container', 'EXAMPLE_OF', 'in'))
      expect(examples.a).toContain(`${exampleNames[slug]} is an example of`);
    for (const slug of await related('application-container', 'EXAMPLE_OF', 'in'))
      expect(examples.b).toContain(`${exampleNames[slug]} is an example of`);
    expect(await related('application-container', 'EXAMPLE_OF', 'in')).toEqual(
      expect.arrayContaining(['docker', 'rkt']),
    );
    expect(await related('os-container', 'EXAMPLE_OF', 'in')).toEqual(
      expect.arrayContaining(['lxc', 'openvz', 'bsd-jail']),
    );

    const uses = point(data, (p) => p.relationType === 'USES');
    // English sentences name concepts by their sentence form ("a layered file system").
    expect(uses.b).toContain('a layered file system');
    expect(uses.a ?? '').not.toContain('layered file system');

    const traits = point(data, (p) => p.relationType === 'HAS_CHARACTERISTIC');
    // Several traits make a plural subject and a plural noun: "…, being lightweight and running several services per container are characteristics of …".
    expect(traits.a).toContain(
      'being lightweight and running several services per container are characteristics of an OS container.',
    );
    expect(traits.b).toMatch(/one service per container (is|are) a characteristic of an application container\.$/i);
  });

  it('says what they share and how they relate, and finds container as the nearest common concept', async () => {
    const data = await difference('os-container', 'application-container');
    expect(data.shared).toContain('Like an application container, an OS container is a kind of container.');
    expect(data.related.some((s) => s.startsWith('An OS container contrasts with an application container.'))).toBe(
      true,
    );
    expect(data.nearestCommon).toMatchObject({ concept: { slug: 'container' }, fromA: 1, fromB: 1, byHierarchy: true });
    expect(data.nearestCommon!.sentences).toEqual([
      'An OS container is a kind of container.',
      'An application container is a kind of container.',
    ]);
    expect(data.explanation).toContain(data.shared[0]);
    expect(data.explanation).toContain(data.differences[0].sentence);
  });
});

describe('difference: container vs virtual machine', () => {
  it("sets the shared kernel against the hypervisor, from the relations and from the note's comparisons of their kinds", async () => {
    const data = await difference('container', 'virtual-machine');
    expect(point(data, (p) => p.relationType === 'SHARES').a).toBe('A container shares the Linux kernel.');
    expect(point(data, (p) => p.relationType === 'RUNS_ON').b).toBe('A virtual machine runs on a hypervisor.');
    const kernel = point(
      data,
      (p) => p.comparison === 'docker-container-vs-virtual-machine' && /Kernel/.test(p.aspect),
    );
    expect(kernel.a).toMatch(/share the host OS kernel/);
    expect(kernel.b).toMatch(/its own guest OS and kernel/);
    expect(
      point(data, (p) => p.comparison === 'os-container-vs-virtual-machine' && p.aspect.startsWith('Kernel')).b,
    ).toMatch(/kernel of its own/);
    expect(data.related.some((s) => s.startsWith('A container can be used instead of a virtual machine.'))).toBe(true);
  });

  it('finds the host machine both run on as the nearest common concept, walking stored relations', async () => {
    const data = await difference('container', 'virtual-machine');
    expect(data.nearestCommon).toMatchObject({ concept: { slug: 'host-machine' }, byHierarchy: false });
    const walk = data.nearestCommon!.relations;
    expect(walk).toHaveLength(data.nearestCommon!.fromA + data.nearestCommon!.fromB);
    for (const r of walk) {
      const [{ n }] = await db().read(
        'MATCH (:Concept {slug: $a})-[r]->(:Concept {slug: $b}) WHERE type(r) = $type RETURN count(r) AS n',
        { a: r.from.slug, b: r.to.slug, type: r.type },
      );
      expect(n).toBe(1);
    }
    expect(walk.map((r) => r.type)).toContain('RUNS_ON');
  });

  it('answers in Korean', async () => {
    const data = await difference('container', 'virtual-machine', 'KO');
    expect(data.title).toMatch(HANGUL);
    expect(data.explanation).toMatch(/가장 가까운 공통 개념은/);
    const { hypervisor } = await names(['hypervisor'], 'Ko');
    expect(data.differences.find((p) => p.relationType === 'RUNS_ON')!.b).toContain(hypervisor);
  });
});

describe('difference: arguments', () => {
  it.each([
    [{ a: 'container', b: 'container' }, 'BAD_USER_INPUT', 'b'],
    [{ a: 'no-such-concept', b: 'container' }, 'NOT_FOUND', 'a'],
    [{ a: 'container', b: 'no-such-concept' }, 'NOT_FOUND', 'b'],
  ])('rejects %j with %s naming %s', async (args, code, argument) => {
    const res = await server.gql('query ($a: String!, $b: String!) { difference(a: $a, b: $b) { title } }', args);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code, argument });
  });
});
