import { encodeCursor } from '../src/pagination/cursor';
import { useTestServer } from './support/server';

// The global setup seeded the shipped seed; expectations are read from the database, not written down here.
const server = useTestServer();

const db = () => server.atlas.database.gateway;

interface ConceptData {
  id: string;
  slug: string;
  kind: string;
  name: string;
  nameKo: string;
  nameEn: string;
  aliases: string[];
  summary: string;
  details: string | null;
  tags: string[];
  source: string;
  degree: number;
  syntax: string | null;
  order: number | null;
}

const CONCEPT_FIELDS = `id slug kind name nameKo: name(lang: KO) nameEn: name(lang: EN) aliases summary details tags source degree syntax order`;

async function concept(slug: string, headers: Record<string, string> = {}): Promise<ConceptData | null> {
  const res = await server.gql<{ concept: ConceptData | null }>(
    `query ($slug: String!) { concept(slug: $slug) { ${CONCEPT_FIELDS} } }`,
    { slug },
    headers,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.concept;
}

describe('concept(slug)', () => {
  it('returns the stored concept with every field', async () => {
    const [row] = await db().read(
      'MATCH (c:Concept {slug: $slug}) RETURN c {.*} AS c, COUNT { (c)--(:Concept) } AS degree',
      { slug: 'docker-build' },
    );
    const stored = row.c as Record<string, unknown>;
    const got = await concept('docker-build');
    expect(got).toMatchObject({
      slug: 'docker-build',
      kind: 'COMMAND',
      nameKo: stored.nameKo,
      nameEn: stored.nameEn,
      name: stored.nameEn,
      summary: stored.summaryEn,
      tags: stored.tags,
      source: stored.source,
      degree: row.degree,
      syntax: stored.syntax,
    });
    expect(got!.syntax).toMatch(/docker build/);
    expect(got!.nameKo).not.toEqual(got!.nameEn);
  });

  it('is null for a slug that does not exist', async () => {
    expect(await concept('no-such-concept')).toBeNull();
  });

  it('answers in Korean when Accept-Language prefers Korean, and the lang argument wins over the header', async () => {
    const ko = await concept('container', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    expect(ko!.name).toBe('컨테이너');
    expect(ko!.summary).toMatch(/[가-힣]/);
    const res = await server.gql<{ concept: { name: string; summary: string } }>(
      '{ concept(slug: "container") { name(lang: EN) summary(lang: EN) } }',
      undefined,
      { 'accept-language': 'ko' },
    );
    expect(res.body.data!.concept.name).toBe('Container');
    expect(res.body.data!.concept.summary).not.toMatch(/[가-힣]/);
    const en = await concept('container', { 'accept-language': 'fr-FR, en;q=0.1' });
    expect(en!.name).toBe('Container');
  });

  it('gives lifecycle stages their order and commands their syntax; other kinds have neither', async () => {
    expect((await concept('build-stage'))!.order).toBe(1);
    const container = await concept('container');
    expect(container!.order).toBeNull();
    expect(container!.syntax).toBeNull();
  });

  it('falls back to the other language when a translation is missing, never null', async () => {
    await db().write(
      `CREATE (:Concept {slug: 'zz-only-korean', kind: 'CONCEPT', nameKo: '한국어만', summaryKo: '한국어 요약만 있다.', aliasesKo: ['별칭'], aliasesEn: [], tags: [], source: 'test', origin: 'test'})`,
    );
    try {
      const res = await server.gql<{
        concept: { name: string; summary: string; aliases: string[]; details: string | null };
      }>(
        '{ concept(slug: "zz-only-korean") { name(lang: EN) summary(lang: EN) aliases(lang: EN) details(lang: EN) } }',
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.concept).toEqual({
        name: '한국어만',
        summary: '한국어 요약만 있다.',
        aliases: ['별칭'],
        details: null,
      });
    } finally {
      await db().write(`MATCH (c:Concept {slug: 'zz-only-korean'}) DELETE c`);
    }
  });
});

describe('node(id)', () => {
  it('fetches a concept again by its global id', async () => {
    const docker = await concept('docker');
    const res = await server.gql<{ node: { __typename: string; id: string; slug: string } }>(
      'query ($id: ID!) { node(id: $id) { __typename id ... on Concept { slug } } }',
      { id: docker!.id },
    );
    expect(res.body.data!.node).toEqual({ __typename: 'Concept', id: docker!.id, slug: 'docker' });
    expect(docker!.id).not.toContain('docker');
  });

  it('is null for a well-formed id of nothing', async () => {
    const id = Buffer.from('Concept:no-such-concept').toString('base64url');
    const res = await server.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ node: null });
  });

  it.each(['not an id', '!!!', Buffer.from('no colon here').toString('base64url'), ''])(
    'rejects the malformed id %j with BAD_USER_INPUT',
    async (id) => {
      const res = await server.gql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    },
  );
});

describe('flags', () => {
  it("lists a command's HAS_FLAG targets: flag is the target's syntax, meaning its summary", async () => {
    const rows = await db().read(
      `MATCH (:Concept {slug: 'docker-build'})-[r:HAS_FLAG]->(f:Concept) RETURN f.syntax AS flag, f.summaryKo AS ko, f.summaryEn AS en ORDER BY r.order, f.slug`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const res = await server.gql<{
      concept: { flags: { flag: string; meaning: string; ko: string; concept: { slug: string } }[] };
    }>('{ concept(slug: "docker-build") { flags { flag meaning ko: meaning(lang: KO) concept { slug } } } }');
    const flags = res.body.data!.concept.flags;
    expect(flags.map((f) => f.flag)).toEqual(rows.map((r) => r.flag));
    expect(flags.map((f) => f.meaning)).toEqual(rows.map((r) => r.en));
    expect(flags.map((f) => f.ko)).toEqual(rows.map((r) => r.ko));
    expect(flags.map((f) => f.flag)).toContain('-t');
  });

  it('is empty for concepts that are not commands', async () => {
    const res = await server.gql<{ concept: { flags: unknown[] } }>(
      '{ concept(slug: "docker-build-tag-flag") { flags { flag } } }',
    );
    expect(res.body.data!.concept.flags).toEqual([]);
  });
});

interface ConceptRelation {
  type: string;
  direction: string;
  description: string | null;
  order: number | null;
  source: string;
  relation: { type: string; from: { slug: string }; to: { slug: string } };
}
interface Edge {
  cursor: string;
  node: { slug: string };
  relations: ConceptRelation[];
}
interface Related {
  totalCount: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const EDGE_FIELDS =
  'cursor node { slug } relations { type direction description order source relation { type from { slug } to { slug } } }';

async function related(slug: string, args = '', headers: Record<string, string> = {}) {
  const res = await server.gql<{ concept: { related: Related } }>(
    `{ concept(slug: "${slug}") { related${args ? `(${args})` : ''} { totalCount edges { ${EDGE_FIELDS} } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
    undefined,
    headers,
  );
  return res;
}

/** Every relation of a list of edges as `TYPE:DIRECTION:other`. */
const factsOf = (edges: Edge[]) =>
  edges.flatMap((e) => e.relations.map((r) => `${r.type}:${r.direction}:${e.node.slug}`));

describe('related', () => {
  it("reaches the signals a command sends, with the relation's description and order", async () => {
    const res = await related('docker-stop', 'types: [SENDS_SIGNAL]');
    const edges = res.body.data!.concept.related.edges;
    expect(edges.map((e) => e.node.slug)).toEqual(expect.arrayContaining(['sigterm', 'sigkill']));
    for (const edge of edges) {
      expect(edge.relations).toEqual([
        expect.objectContaining({
          type: 'SENDS_SIGNAL',
          direction: 'OUTGOING',
          relation: { type: 'SENDS_SIGNAL', from: { slug: 'docker-stop' }, to: { slug: edge.node.slug } },
        }),
      ]);
    }
    const stored = await db().read(
      `MATCH (:Concept {slug: 'docker-stop'})-[r:SENDS_SIGNAL]->(s:Concept {slug: 'sigterm'}) RETURN r.descriptionEn AS en, r.descriptionKo AS ko, r.order AS order`,
    );
    const sigterm = edges.find((e) => e.node.slug === 'sigterm')!.relations[0];
    expect(sigterm.description).toBe(stored[0].en ?? stored[0].ko);
    expect(sigterm.order).toBe(stored[0].order ?? null);
    const ko = await related('docker-stop', 'types: [SENDS_SIGNAL]', { 'accept-language': 'ko' });
    const koSigterm = ko.body.data!.concept.related.edges.find((e) => e.node.slug === 'sigterm')!.relations[0];
    expect(koSigterm.description).toBe(stored[0].ko ?? stored[0].en);
  });

  it('reaches the mechanism docker pause uses', async () => {
    const res = await related('docker-pause', 'types: [USES], direction: OUTGOING');
    expect(res.body.data!.concept.related.edges.map((e) => e.node.slug)).toContain('cgroups-freezer');
  });

  it('gives a concept related in several ways one edge carrying every relation, sorted by type', async () => {
    const res = await related('container', 'first: 100');
    const edges = res.body.data!.concept.related.edges;
    const image = edges.filter((e) => e.node.slug === 'image');
    expect(image).toHaveLength(1);
    expect(image[0].relations).toEqual([
      {
        type: 'BUILT_FROM',
        direction: 'OUTGOING',
        description: 'it is created from an image that defines its structure and contents',
        order: null,
        source: 'Container and Docker > OS Container',
        relation: { type: 'BUILT_FROM', from: { slug: 'container' }, to: { slug: 'image' } },
      },
      {
        type: 'LEARN_AFTER',
        direction: 'INCOMING',
        description: null,
        order: null,
        source: 'Container and Docker > OS Container',
        relation: { type: 'LEARN_AFTER', from: { slug: 'image' }, to: { slug: 'container' } },
      },
    ]);
    expect(
      edges.find((e) => e.node.slug === 'encapsulation')!.relations.map((r) => `${r.type}:${r.direction}`),
    ).toEqual(['LEARN_AFTER:OUTGOING', 'USES:OUTGOING']);
    // Only the relations that match the filter ride along.
    const learnAfter = await related('container', 'types: [LEARN_AFTER], direction: INCOMING, first: 100');
    expect(
      learnAfter.body
        .data!.concept.related.edges.find((e) => e.node.slug === 'image')!
        .relations.map((r) => `${r.type}:${r.direction}`),
    ).toEqual(['LEARN_AFTER:INCOMING']);
    expect(learnAfter.body.data!.concept.related.edges.find((e) => e.node.slug === 'encapsulation')).toBeUndefined();
  });

  it('matches the database for every direction: one edge per related concept, every relation on them, direction from the asking concept', async () => {
    const slug = 'container';
    const symmetric = "type(r) IN ['ALTERNATIVE_TO', 'CONTRASTS_WITH', 'PAIRS_WELL_WITH']";
    const stored = async (condition: string) =>
      (
        await db().read(
          `MATCH (c:Concept {slug: $slug})-[r]-(o:Concept) WHERE o <> c AND ${condition} RETURN count(*) AS relations, count(DISTINCT o) AS concepts`,
          { slug },
        )
      )[0] as { relations: number; concepts: number };
    const outgoing = `(startNode(r) = c OR ${symmetric})`;
    for (const [direction, condition] of [
      ['BOTH', 'true'],
      ['OUTGOING', outgoing],
      ['INCOMING', `NOT ${outgoing}`],
    ]) {
      const expected = await stored(condition);
      const list = (await related(slug, `direction: ${direction}, first: 100`)).body.data!.concept.related;
      expect(list.totalCount).toBe(expected.concepts);
      expect(list.edges).toHaveLength(expected.concepts);
      expect(new Set(list.edges.map((e) => e.node.slug)).size).toBe(expected.concepts);
      expect(factsOf(list.edges)).toHaveLength(expected.relations);
      expect(new Set(factsOf(list.edges)).size).toBe(expected.relations);
      if (direction !== 'BOTH')
        expect(list.edges.every((e) => e.relations.every((r) => r.direction === direction))).toBe(true);
    }
    const inc = (await related(slug, 'direction: INCOMING, first: 100')).body.data!.concept.related;
    expect(inc.edges.every((e) => e.relations.every((r) => r.relation.to.slug === slug))).toBe(true);
  });

  it('reports a symmetric relation as OUTGOING from both ends', async () => {
    const [{ a, b }] = await db().read(
      `MATCH (a:Concept)-[r:CONTRASTS_WITH]->(b:Concept) RETURN a.slug AS a, b.slug AS b ORDER BY a, b LIMIT 1`,
    );
    for (const [from, other] of [
      [a, b],
      [b, a],
    ] as string[][]) {
      const res = await related(from, 'types: [CONTRASTS_WITH], direction: OUTGOING, first: 100');
      const edge = res.body.data!.concept.related.edges.find((e) => e.node.slug === other)!;
      expect(edge.relations).toEqual([
        expect.objectContaining({
          type: 'CONTRASTS_WITH',
          direction: 'OUTGOING',
          relation: { type: 'CONTRASTS_WITH', from: { slug: a }, to: { slug: b } },
        }),
      ]);
    }
  });

  it("sorts edges by their first relation's type and order (unordered last), then slug", async () => {
    const edges = (await related('docker-stop', 'first: 100')).body.data!.concept.related.edges;
    expect(
      edges.map((e) => `${e.node.slug}=${e.relations.map((r) => `${r.type}:${r.direction}:${r.order}`).join(',')}`),
    ).toEqual([
      'docker-kill=CONTRASTS_WITH:OUTGOING:null',
      'graceful-shutdown=ENABLES:OUTGOING:null',
      'stop-kill-stage=HAS_COMMAND:INCOMING:1,LEARN_AFTER:OUTGOING:null',
      'sigkill=LEARN_AFTER:OUTGOING:null,SENDS_SIGNAL:OUTGOING:2',
      'sigterm=LEARN_AFTER:OUTGOING:null,SENDS_SIGNAL:OUTGOING:1',
      'main-process=TARGETS:OUTGOING:null',
      'container-state=UPDATES:OUTGOING:null',
    ]);
    const signals = (await related('docker-stop', 'types: [SENDS_SIGNAL]')).body.data!.concept.related.edges;
    expect(signals.map((e) => e.node.slug)).toEqual(['sigterm', 'sigkill']);
  });

  it('pages through every related concept exactly once with keyset cursors', async () => {
    const total = (await related('container', 'first: 100')).body.data!.concept.related;
    const seen: Edge[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i += 1) {
      const res = await related('container', `first: 3${after ? `, after: "${after}"` : ''}`);
      const page: Related = res.body.data!.concept.related;
      seen.push(...page.edges);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.node.slug)).toEqual(total.edges.map((e) => e.node.slug));
    expect(new Set(seen.map((e) => e.node.slug)).size).toBe(total.totalCount);
    expect(factsOf(seen)).toEqual(factsOf(total.edges));
  });

  it('filters by several types and returns nothing for an empty type list', async () => {
    const res = await related('docker-stop', 'types: [SENDS_SIGNAL, HAS_COMMAND]');
    expect(new Set(res.body.data!.concept.related.edges.flatMap((e) => e.relations.map((r) => r.type)))).toEqual(
      new Set(['SENDS_SIGNAL', 'HAS_COMMAND']),
    );
    const none = await related('docker-stop', 'types: []');
    expect(none.body.data!.concept.related.totalCount).toBe(0);
  });

  it("refuses a cursor from another concept's list, a tampered cursor, a cursor of the old one-edge-per-relation shape and a page that is too large", async () => {
    const other = (await related('docker', 'first: 1')).body.data!.concept.related.pageInfo.endCursor!;
    const foreign = await related('container', `first: 1, after: "${other}"`);
    expect(foreign.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tampered = await related('container', `first: 1, after: "${other.slice(0, -2)}xx"`);
    expect(tampered.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const old = encodeCursor('related:container:*:BOTH', ['BUILT_FROM', null, 'image', 'OUTGOING']);
    const oldShape = await related('container', `first: 1, after: "${old}"`);
    expect(oldShape.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const huge = await related('container', `first: ${server.config.limits.maxPageSize + 1}`);
    expect(huge.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const negative = await related('container', 'first: -1');
    expect(negative.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});
