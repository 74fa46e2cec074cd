import { useTestServer } from './support/server';

/** A concept with no relations at all: nothing reaches it. Written for these tests and removed after. */
const ISLAND = 'paths-test-island';

const server = useTestServer(
  {},
  {
    seed: (started) =>
      started.atlas.database.gateway.write(
        `CREATE (:Concept {slug: $slug, kind: 'CONCEPT', nameKo: '외딴 개념', nameEn: 'Island', summaryKo: '관계가 없다.', summaryEn: 'Has no relations.',
                       aliasesKo: [], aliasesEn: [], tags: [], source: 'test', origin: 'test'})`,
        { slug: ISLAND },
      ),
    cleanup: (started) =>
      started.atlas.database.gateway.write('MATCH (c:Concept {slug: $slug}) DETACH DELETE c', { slug: ISLAND }),
  },
);

const db = () => server.atlas.database.gateway;

interface PathData {
  length: number;
  nodes: { slug: string; name: string }[];
  relations: { type: string; from: { slug: string }; to: { slug: string }; description: string | null }[];
  hops: {
    from: { slug: string };
    to: { slug: string };
    direction: string;
    relation: { type: string };
    sentence: string;
  }[];
  explanation: string[];
  ko: string[];
  en: string[];
}

const PATH = `length nodes { slug name } relations { type from { slug } to { slug } description }
  hops { from { slug } to { slug } direction relation { type } sentence } explanation ko: explanation(lang: KO) en: explanation(lang: EN)`;

async function paths(args: string, headers: Record<string, string> = {}): Promise<PathData[]> {
  const res = await server.gql<{ paths: PathData[] }>(`{ paths(${args}) { ${PATH} } }`, undefined, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.paths;
}

async function errorOf(args: string): Promise<{ code: unknown; argument: unknown; message: string }> {
  const res = await server.gql(`{ paths(${args}) { length } }`);
  expect(res.body.data ?? null).toBeNull();
  const [error] = res.body.errors!;
  return { code: error.extensions?.code, argument: error.extensions?.argument, message: error.message };
}

/** Every structural promise of a path: it starts and ends where asked, each step joins neighbours, no concept twice. */
function expectWellFormed(path: PathData, from: string, to: string): void {
  const slugs = path.nodes.map((n) => n.slug);
  expect(slugs[0]).toBe(from);
  expect(slugs[slugs.length - 1]).toBe(to);
  expect(new Set(slugs).size).toBe(slugs.length);
  expect(path.length).toBe(path.relations.length);
  expect(path.nodes).toHaveLength(path.length + 1);
  expect(path.hops).toHaveLength(path.length);
  expect(path.explanation).toHaveLength(path.length);
  expect(path.ko).toHaveLength(path.length);
  path.relations.forEach((relation, i) => {
    const ends = [relation.from.slug, relation.to.slug].sort();
    expect(ends).toEqual([slugs[i], slugs[i + 1]].sort());
    const hop = path.hops[i];
    expect(hop.from.slug).toBe(slugs[i]);
    expect(hop.to.slug).toBe(slugs[i + 1]);
    expect(hop.relation.type).toBe(relation.type);
    expect(hop.sentence).toBe(path.explanation[i]);
  });
}

describe('paths', () => {
  it('explains docker stop to SIGKILL in one step, the fact first', async () => {
    const found = await paths('from: "docker-stop", to: "sigkill"');
    expect(found.length).toBeGreaterThan(0);
    found.forEach((p) => expectWellFormed(p, 'docker-stop', 'sigkill'));
    const [first] = found;
    expect(first.length).toBe(1);
    expect(first.relations[0]).toMatchObject({
      type: 'SENDS_SIGNAL',
      from: { slug: 'docker-stop' },
      to: { slug: 'sigkill' },
    });
    expect(first.hops[0].direction).toBe('OUTGOING');
    expect(first.en).toEqual(['docker stop sends SIGKILL.']);
    const [names] = await db().read(
      'MATCH (a:Concept {slug: "docker-stop"}), (b:Concept {slug: "sigkill"}) RETURN a.nameKo AS a, b.nameKo AS b',
    );
    // The Korean sentence carries the stored Korean names with the particles that fit them (…은/는 …을/를 보낸다).
    expect(first.ko[0]).toMatch(new RegExp(`^${names.a}[은는] ${names.b}[을를] 보낸다\\.$`));
    // Shortest first.
    expect(found.map((p) => p.length)).toEqual([...found.map((p) => p.length)].sort((a, b) => a - b));
  });

  it('states a step walked against the arrow in its true direction', async () => {
    const [first] = await paths('from: "sigkill", to: "docker-stop"');
    expectWellFormed(first, 'sigkill', 'docker-stop');
    expect(first.relations[0]).toMatchObject({
      type: 'SENDS_SIGNAL',
      from: { slug: 'docker-stop' },
      to: { slug: 'sigkill' },
    });
    expect(first.hops[0].direction).toBe('INCOMING');
    expect(first.en).toEqual(['docker stop sends SIGKILL.']);
  });

  it.each([
    [
      'unikernel',
      'library-os',
      'BUILT_FROM',
      /^A unikernel is built from a library OS\.$/,
      /^유니커널은 라이브러리 OS로 만들어진다\.$/,
    ],
    [
      'docker-pause',
      'cgroups-freezer',
      'USES',
      /^docker pause uses the cgroups freezer\.$/,
      /[는은] .+[을를] 사용한다\.$/,
    ],
    [
      'os-container',
      'application-container',
      'CONTRASTS_WITH',
      /^An OS container contrasts with an application container\.$/,
      /^OS 컨테이너는 애플리케이션 컨테이너와 대비된다\.$/,
    ],
  ])('connects %s to %s directly over %s, in both languages', async (from, to, type, english, korean) => {
    const found = await paths(`from: "${from}", to: "${to}", first: 5`);
    found.forEach((p) => expectWellFormed(p, from, to));
    const [first] = found;
    expect(first.length).toBe(1);
    expect(first.relations[0].type).toBe(type);
    expect(first.en[0]).toMatch(english);
    expect(first.ko[0]).toMatch(korean);
  });

  it('returns longer paths after the shortest ones when more are asked for', async () => {
    const found = await paths('from: "os-container", to: "application-container", first: 5');
    expect(found).toHaveLength(5);
    found.forEach((p) => expectWellFormed(p, 'os-container', 'application-container'));
    expect(found[0].length).toBe(1);
    expect(found.some((p) => p.length === 2)).toBe(true);
    // os-container IS_A container <- IS_A application-container: a two-step path through their common parent.
    expect(found.map((p) => p.nodes.map((n) => n.slug).join(' '))).toContain(
      'os-container container application-container',
    );
    const keys = found.map(
      (p) => `${p.nodes.map((n) => n.slug).join(' ')}|${p.relations.map((r) => r.type).join(' ')}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers the same list every time', async () => {
    const args = 'from: "docker-build", to: "docker-commit", first: 6, maxLength: 3';
    const once = await paths(args);
    expect(once.length).toBeGreaterThan(0);
    expect(await paths(args)).toEqual(once);
  });

  describe('ranks paths of the same length the same way, whatever is asked of them', () => {
    /** Only `length` and `nodes { slug }`: the paths are read lean, without whole concepts or relations. */
    async function leanSlugs(args: string): Promise<string[]> {
      const res = await server.gql<{ paths: { length: number; nodes: { slug: string }[] }[] }>(
        `{ paths(${args}) { length nodes { slug } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.paths.map((p) => p.nodes.map((n) => n.slug).join(' '));
    }

    /** Whole paths: each as its slugs and the types of its steps. */
    async function wholeKeys(args: string): Promise<string[]> {
      return (await paths(args)).map(
        (p) => `${p.nodes.map((n) => n.slug).join(' ')} | ${p.relations.map((r) => r.type).join(' ')}`,
      );
    }

    /**
     * Expects the paths `args` asks for to be `expected` (each as its slugs and the types of its steps) read whole, and
     * the same paths in the same order read lean.
     */
    async function expectRanking(args: string, expected: string[]): Promise<void> {
      expect(await wholeKeys(args)).toEqual(expected);
      expect(await leanSlugs(args)).toEqual(expected.map((key) => key.split(' | ')[0]));
    }

    it('puts fewer learning-order and coverage steps before the slugs', async () => {
      // Four two-step paths: over operating-system and over unikernel, each ending in IS_A or in LEARN_AFTER.
      await expectRanking('from: "application", to: "custom-os", maxLength: 4, first: 4', [
        'application operating-system custom-os | RUNS_ON IS_A',
        'application unikernel custom-os | COMPOSED_OF IS_A',
        'application operating-system custom-os | RUNS_ON LEARN_AFTER',
        'application unikernel custom-os | COMPOSED_OF LEARN_AFTER',
      ]);
    });

    it('orders paths with as many such steps by the slugs along them, then by the types of their steps', async () => {
      const toPortability = [
        'application containerization portability | LEARN_AFTER ENABLES',
        'application docker-container portability | COMPOSED_OF LEARN_AFTER',
        'application runtime-environment portability | USES LEARN_AFTER',
        'application runtime-environment portability | LEARN_AFTER LEARN_AFTER',
      ];
      await expectRanking('from: "application", to: "portability", maxLength: 4, first: 4', toPortability);
      await expectRanking('from: "application", to: "portability", maxLength: 4, first: 2', toPortability.slice(0, 2));
      await expectRanking('from: "application", to: "docker-and-vm", maxLength: 4, first: 2', [
        'application docker-container docker-and-vm | COMPOSED_OF COVERS',
        'application docker-container docker-and-vm | COMPOSED_OF LEARN_AFTER',
      ]);
    });

    it('answers one path, the best ranked, when one is asked for', async () => {
      // Two three-step paths over the same concepts; the last step is PAIRS_WELL_WITH in one and LEARN_AFTER in the other.
      await expectRanking('from: "docker-stop", to: "unikernel", maxLength: 6, first: 1', [
        'docker-stop container-state container unikernel | UPDATES LEARN_AFTER PAIRS_WELL_WITH',
      ]);
      await expectRanking('from: "abstraction", to: "kernel-isolation-features", first: 1', [
        'abstraction docker kernel-isolation-features | USES USES',
      ]);
      await expectRanking('from: "kernel-isolation-features", to: "abstraction", first: 1', [
        'kernel-isolation-features docker abstraction | USES USES',
      ]);
    });
  });

  it('keeps within maxLength and first', async () => {
    const found = await paths('from: "unikernel", to: "docker-stop", maxLength: 6, first: 4');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(4);
    found.forEach((p) => {
      expectWellFormed(p, 'unikernel', 'docker-stop');
      expect(p.length).toBeLessThanOrEqual(6);
    });
    const shortest = found[0].length;
    expect(shortest).toBeGreaterThan(1);
    expect(await paths(`from: "unikernel", to: "docker-stop", maxLength: ${shortest - 1}`)).toEqual([]);
    expect(await paths('from: "docker-stop", to: "sigkill", first: 1')).toHaveLength(1);
  });

  it('is empty for concepts that are not connected', async () => {
    expect(await paths(`from: "docker-stop", to: "${ISLAND}", maxLength: 6, first: 10`)).toEqual([]);
    expect(await paths(`from: "${ISLAND}", to: "container"`)).toEqual([]);
  });

  it('answers in the language of Accept-Language, and the lang argument wins', async () => {
    const res = await server.gql<{ paths: { explanation: string[]; nodes: { name: string }[] }[] }>(
      '{ paths(from: "docker-stop", to: "sigkill", first: 1) { explanation nodes { name } } }',
      undefined,
      { 'accept-language': 'ko-KR,ko;q=0.9' },
    );
    const [korean] = res.body.data!.paths;
    expect(korean.explanation[0]).toMatch(/보낸다\.$/);
    expect(korean.nodes[0].name).toMatch(/[가-힣]/);
    const [english] = await paths('from: "docker-stop", to: "sigkill", first: 1', { 'accept-language': 'ko' });
    expect(english.en[0]).toBe('docker stop sends SIGKILL.');
  });

  it('finds the paths in one database round trip', async () => {
    const res = await server.gql(
      '{ paths(from: "os-container", to: "application-container", first: 5) { length explanation nodes { slug name } relations { type } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-db-round-trips')).toBe('1');
  });

  it('refuses maxLength and first outside the bounds, naming the argument', async () => {
    const { maxPathLength, maxPaths } = server.config.limits;
    for (const maxLength of [0, maxPathLength + 1]) {
      const error = await errorOf(`from: "docker-stop", to: "sigkill", maxLength: ${maxLength}`);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxLength' });
      expect(error.message).toContain(String(maxPathLength));
    }
    for (const first of [0, maxPaths + 1]) {
      expect(await errorOf(`from: "docker-stop", to: "sigkill", first: ${first}`)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'first',
      });
    }
    const most = await paths(
      `from: "os-container", to: "application-container", maxLength: ${maxPathLength}, first: ${maxPaths}`,
    );
    expect(most).toHaveLength(maxPaths);
  });

  it('refuses the same concept as both ends', async () => {
    expect(await errorOf('from: "docker-stop", to: "docker-stop"')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
    });
  });

  it('is NOT_FOUND naming the end no concept has', async () => {
    const from = await errorOf('from: "no-such-start", to: "sigkill"');
    expect(from).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    expect(from.message).toContain('no-such-start');
    const to = await errorOf('from: "docker-stop", to: "no-such-end"');
    expect(to).toMatchObject({ code: 'NOT_FOUND', argument: 'to' });
    expect(to.message).toContain('no-such-end');
  });
});
