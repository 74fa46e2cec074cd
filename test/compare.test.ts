import { useTestServer } from './support/server';

const server = useTestServer();

const db = () => server.atlas.database.gateway;

interface ComparisonData {
  slug: string | null;
  title: string;
  derived: boolean;
  source: string | null;
  concepts: { slug: string }[];
  aspects: {
    aspect: string;
    type: string | null;
    direction: string | null;
    values: { concept: { slug: string }; value: string | null; concepts: { slug: string }[] }[];
  }[];
  shared: { type: string; direction: string; concept: { slug: string } }[];
}

const COMPARISON = `slug title derived source concepts { slug }
  aspects { aspect type direction values { concept { slug } value concepts { slug } } }
  shared { type direction concept { slug } }`;

async function compare(slugs: string[], headers: Record<string, string> = {}): Promise<ComparisonData> {
  const res = await server.gql<{ compare: ComparisonData }>(
    `query ($slugs: [String!]!) { compare(slugs: $slugs) { ${COMPARISON} } }`,
    { slugs },
    headers,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.compare;
}

async function errorOf(
  slugs: string[],
): Promise<{ code: unknown; argument: unknown; message: string; extensions: Record<string, unknown> }> {
  const res = await server.gql('query ($slugs: [String!]!) { compare(slugs: $slugs) { title } }', { slugs });
  expect(res.body.data ?? null).toBeNull();
  const [error] = res.body.errors!;
  return {
    code: error.extensions?.code,
    argument: error.extensions?.argument,
    message: error.message,
    extensions: error.extensions ?? {},
  };
}

/** Derived aspects with something in common come before all the others. */
function expectSharedFirst(cmp: ComparisonData): void {
  const isShared = cmp.aspects.map((a) => cmp.shared.some((s) => s.type === a.type && s.direction === a.direction));
  expect(isShared).toContain(true);
  expect(isShared).toEqual([...isShared].sort((a, b) => Number(b) - Number(a)));
}

/** The value each concept has for the aspect whose heading matches. */
function row(comparison: ComparisonData, heading: RegExp): Record<string, string | null> {
  const aspect = comparison.aspects.find((a) => heading.test(a.aspect));
  expect(aspect).toBeDefined();
  return Object.fromEntries(aspect!.values.map((v) => [v.concept.slug, v.value]));
}

describe('compare', () => {
  it('returns the stored OS vs application container comparison, aspect by aspect, in English', async () => {
    const cmp = await compare(['os-container', 'application-container']);
    expect(cmp.derived).toBe(false);
    expect(cmp.slug).toBe('os-vs-application-container');
    expect(cmp.title).toMatch(/OS container/i);
    expect(cmp.source).toMatch(/OS Container vs Application Container/);
    expect(cmp.concepts.map((c) => c.slug)).toEqual(['os-container', 'application-container']);
    for (const aspect of cmp.aspects) {
      expect(aspect.values.map((v) => v.concept.slug)).toEqual(['os-container', 'application-container']);
      expect(aspect.values.every((v) => typeof v.value === 'string' && v.value.length > 0)).toBe(true);
      expect(aspect.type).toBeNull();
    }
    const services = row(cmp, /service/i);
    expect(services['os-container']).toMatch(/services/i);
    expect(services['application-container']).toMatch(/one service/i);
    expect(row(cmp, /layer/i)['application-container']).toMatch(/layered file system/i);
    const examples = row(cmp, /example/i);
    for (const product of ['LXC', 'OpenVZ', 'BSD Jail']) expect(examples['os-container']).toContain(product);
    for (const product of ['Docker', 'rkt']) expect(examples['application-container']).toContain(product);
    // Every stored row is returned, in the stored order.
    const [stored] = await db().read(
      'MATCH (m:Comparison {slug: "os-vs-application-container"}) RETURN m.aspects AS aspects',
    );
    const storedAspects = JSON.parse(stored.aspects as string) as { aspect: { en: string } }[];
    expect(cmp.aspects.map((a) => a.aspect)).toEqual(storedAspects.map((a) => a.aspect.en));
  });

  it('returns the same comparison in Korean, by header or by argument', async () => {
    const ko = await compare(['os-container', 'application-container'], { 'accept-language': 'ko' });
    expect(ko.title).toMatch(/[가-힣]/);
    expect(row(ko, /서비스/)['application-container']).toMatch(/서비스 하나/);
    expect(row(ko, /레이어/)['application-container']).toMatch(/레이어드 파일 시스템/);
    const examples = row(ko, /예/);
    for (const product of ['LXC', 'OpenVZ', 'BSD Jail']) expect(examples['os-container']).toContain(product);
    expect(examples['application-container']).toMatch(/도커/);
    expect(examples['application-container']).toMatch(/rkt/);
    const res = await server.gql<{
      compare: { title: string; aspects: { aspect: string; values: { value: string }[] }[] };
    }>(
      '{ compare(slugs: ["os-container", "application-container"]) { title(lang: KO) aspects { aspect(lang: KO) values { value(lang: KO) } } } }',
    );
    expect(res.body.data!.compare.title).toBe(ko.title);
    expect(res.body.data!.compare.aspects.map((a) => a.aspect)).toEqual(ko.aspects.map((a) => a.aspect));
  });

  it('finds the stored comparison whatever the order of the slugs, keeping the order asked for', async () => {
    const cmp = await compare(['application-container', 'os-container']);
    expect(cmp.slug).toBe('os-vs-application-container');
    expect(cmp.concepts.map((c) => c.slug)).toEqual(['application-container', 'os-container']);
    expect(row(cmp, /example/i)['application-container']).toContain('Docker');
  });

  it('lists what the compared concepts share: both are containers', async () => {
    const cmp = await compare(['os-container', 'application-container']);
    expect(cmp.shared).toEqual(
      expect.arrayContaining([{ type: 'IS_A', direction: 'OUTGOING', concept: { slug: 'container' } }]),
    );
  });

  it('derives a comparison from the relations when none is stored, shared aspects first', async () => {
    const stored = await db().read(
      `MATCH (m:Comparison) WHERE COUNT { (m)-[:COMPARES]->() } = 2 AND EXISTS { (m)-[:COMPARES]->(:Concept {slug: 'lxc'}) } RETURN m.slug AS slug`,
    );
    expect(stored).toEqual([]);
    const cmp = await compare(['lxc', 'openvz']);
    expect(cmp.derived).toBe(true);
    expect(cmp.slug).toBeNull();
    expect(cmp.source).toBeNull();
    expect(cmp.title).toMatch(/LXC.*OpenVZ/);
    expect(cmp.aspects.length).toBeGreaterThan(0);
    // Both are examples of OS containers: shared, and the first aspect says so for both.
    expect(cmp.shared).toEqual(
      expect.arrayContaining([{ type: 'EXAMPLE_OF', direction: 'OUTGOING', concept: { slug: 'os-container' } }]),
    );
    expectSharedFirst(cmp);
    const example = cmp.aspects.find((a) => a.type === 'EXAMPLE_OF' && a.direction === 'OUTGOING')!;
    expect(example.aspect).toBe('Example of');
    const [osName] = await db().read('MATCH (c:Concept {slug: "os-container"}) RETURN c.nameEn AS en, c.nameKo AS ko');
    for (const value of example.values) {
      expect(value.value).toContain(osName.en as string);
      expect(value.concepts.map((c) => c.slug)).toContain('os-container');
    }
    // Each derived cell lists exactly the concepts related that way, as the graph holds them.
    for (const aspect of cmp.aspects) {
      for (const value of aspect.values) {
        const rows = await db().read(
          aspect.direction === 'OUTGOING'
            ? 'MATCH (:Concept {slug: $slug})-[r]->(o:Concept) WHERE type(r) = $type RETURN o.slug AS slug'
            : 'MATCH (:Concept {slug: $slug})<-[r]-(o:Concept) WHERE type(r) = $type RETURN o.slug AS slug',
          { slug: value.concept.slug, type: aspect.type },
        );
        const symmetric = ['ALTERNATIVE_TO', 'CONTRASTS_WITH', 'PAIRS_WELL_WITH'].includes(aspect.type!);
        if (!symmetric)
          expect(value.concepts.map((c) => c.slug).sort()).toEqual(rows.map((r) => r.slug as string).sort());
        expect(value.value === null).toBe(value.concepts.length === 0);
      }
    }
    const ko = await compare(['lxc', 'openvz'], { 'accept-language': 'ko' });
    expect(ko.aspects.find((a) => a.type === 'EXAMPLE_OF')!.aspect).toMatch(/[가-힣]/);
    expect(ko.aspects.find((a) => a.type === 'EXAMPLE_OF')!.values[1].value).toContain(osName.ko as string);
    expect(ko.title).toMatch(/^LXC와 OpenVZ$/);
  });

  it('derives a comparison of three concepts too', async () => {
    const cmp = await compare(['docker-stop', 'docker-kill', 'docker-pause']);
    expect(cmp.derived).toBe(true);
    expect(cmp.concepts.map((c) => c.slug)).toEqual(['docker-stop', 'docker-kill', 'docker-pause']);
    const signals = cmp.aspects.find((a) => a.type === 'SENDS_SIGNAL' && a.direction === 'OUTGOING')!;
    // docker pause sends no signal (the cgroup freezer suspends its processes), so its column is empty.
    expect(signals.values.map((v) => v.concepts.map((c) => c.slug))).toEqual([['sigterm', 'sigkill'], ['sigkill'], []]);
    // All three change the container's state; that comes first, before relation types they do not share.
    expect(cmp.shared).toEqual(
      expect.arrayContaining([{ type: 'UPDATES', direction: 'OUTGOING', concept: { slug: 'container-state' } }]),
    );
    expectSharedFirst(cmp);
    expect(cmp.aspects.findIndex((a) => a.type === 'UPDATES')).toBeLessThan(cmp.aspects.indexOf(signals));
    expect(cmp.title).toBe('docker stop vs docker kill vs docker pause');
  });

  it('reads a comparison in one database round trip', async () => {
    const res = await server.gql(`{ a: compare(slugs: ["os-container", "application-container"]) { ${COMPARISON} } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-db-round-trips')).toBe('1');
  });

  it('refuses fewer than two, more than five or repeated slugs, naming slugs', async () => {
    for (const slugs of [[], ['docker'], ['docker', 'lxc', 'openvz', 'rkt', 'bsd-jail', 'container']]) {
      expect(await errorOf(slugs)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'slugs' });
    }
    const repeated = await errorOf(['docker', 'lxc', 'docker']);
    expect(repeated).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'slugs' });
    expect(repeated.message).toContain('"docker"');
    const five = await compare(['docker', 'lxc', 'openvz', 'rkt', 'bsd-jail']);
    expect(five.concepts).toHaveLength(5);
  });

  it('is NOT_FOUND naming the slugs no concept has', async () => {
    const error = await errorOf(['docker', 'no-such-thing', 'also-missing']);
    expect(error).toMatchObject({ code: 'NOT_FOUND', argument: 'slugs' });
    expect(error.extensions.slugs).toEqual(['no-such-thing', 'also-missing']);
    expect(error.message).toContain('no-such-thing');
    expect(error.message).not.toContain('"docker"');
  });
});
