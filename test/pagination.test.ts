import { useTestServer } from './support/server';

// The global setup seeded the shipped seed; expectations are read from the database, not written down here.
// The response cache off: a test here inserts a concept behind the seeder's back, which no graph version announces.
const server = useTestServer({ RESPONSE_CACHE_BYTES: '0' });

const db = () => server.atlas.database.gateway;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { slug: string; kind: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const QUERY = `query ($filter: ConceptFilter, $orderBy: ConceptOrder, $first: Int, $after: String, $last: Int, $before: String) {
  concepts(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { slug kind } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function concepts(variables: Record<string, unknown>) {
  return server.gql<{ concepts: Connection }>(QUERY, variables);
}

async function page(variables: Record<string, unknown>): Promise<Connection> {
  const res = await concepts(variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.concepts;
}

type Field = 'SLUG' | 'NAME_EN' | 'NAME_KO' | 'KIND' | 'DEGREE';

/** The expected order, computed here from the stored properties (the API must agree with it). */
async function expectedOrder(field: Field, direction: 'ASC' | 'DESC'): Promise<string[]> {
  const rows = await db().read(
    'MATCH (c:Concept) RETURN c.slug AS slug, c.nameEn AS en, c.nameKo AS ko, c.kind AS kind, COUNT { (c)--(:Concept) } AS degree',
  );
  const key = (r: Record<string, unknown>): string | number => {
    const slug = r.slug as string;
    if (field === 'SLUG') return slug;
    if (field === 'NAME_EN') return String(r.en ?? r.ko ?? slug).toLowerCase();
    if (field === 'NAME_KO') return String(r.ko ?? r.en ?? slug).toLowerCase();
    if (field === 'KIND') return r.kind as string;
    return r.degree as number;
  };
  const sorted = rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x < y ? -1 : 1;
    return (a.slug as string) < (b.slug as string) ? -1 : 1;
  });
  const slugs = sorted.map((r) => r.slug as string);
  return direction === 'ASC' ? slugs : slugs.reverse();
}

async function walkForward(orderBy: Record<string, string>, size: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 1000; i += 1) {
    const p = await page({ orderBy, first: size, after });
    seen.push(...p.edges.map((e) => e.node.slug));
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    if (!p.pageInfo.hasNextPage) break;
    expect(p.edges).toHaveLength(size);
    after = p.pageInfo.endCursor;
  }
  return seen;
}

async function walkBackward(orderBy: Record<string, string>, size: number): Promise<string[]> {
  const seen: string[] = [];
  let before: string | null = null;
  for (let i = 0; i < 1000; i += 1) {
    const p = await page({ orderBy, last: size, before });
    seen.unshift(...p.edges.map((e) => e.node.slug));
    expect(p.pageInfo.hasNextPage).toBe(before !== null);
    if (!p.pageInfo.hasPreviousPage) break;
    expect(p.edges).toHaveLength(size);
    before = p.pageInfo.startCursor;
  }
  return seen;
}

describe('concepts: walking all pages', () => {
  const orders: [Field, 'ASC' | 'DESC'][] = [
    ['SLUG', 'ASC'],
    ['SLUG', 'DESC'],
    ['NAME_EN', 'ASC'],
    ['NAME_KO', 'DESC'],
    ['KIND', 'ASC'],
    ['DEGREE', 'DESC'],
  ];

  it.each(orders)(
    'yields every concept exactly once, in order, forward and backward (%s %s)',
    async (field, direction) => {
      const expected = await expectedOrder(field, direction);
      expect(expected.length).toBeGreaterThan(10);
      const orderBy = { field, direction };
      // About eight pages whatever the size of the graph, with a last page that is only partly full.
      const size = Math.max(3, Math.ceil(expected.length / 8) + 1);
      const forward = await walkForward(orderBy, size);
      expect(forward).toEqual(expected);
      const backward = await walkBackward(orderBy, size);
      expect(backward).toEqual(expected);
      expect((await page({ orderBy, first: 1 })).totalCount).toBe(expected.length);
    },
  );

  it('sorts by slug ascending and returns the default page size when asked for nothing', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const p = await page({});
    expect(p.edges.map((e) => e.node.slug)).toEqual(expected.slice(0, server.config.limits.defaultPageSize));
    expect(p.pageInfo).toMatchObject({
      hasPreviousPage: false,
      hasNextPage: expected.length > server.config.limits.defaultPageSize,
    });
  });

  it('returns the last items with `last` alone', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const last = await page({ last: 3 });
    expect(last.edges.map((e) => e.node.slug)).toEqual(expected.slice(-3));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('returns the items between two cursors with after and before together', async () => {
    const all = await page({ first: 10 });
    const between = await page({ first: 10, after: all.edges[2].cursor, before: all.edges[7].cursor });
    expect(between.edges.map((e) => e.node.slug)).toEqual(all.edges.slice(3, 7).map((e) => e.node.slug));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('keeps its place when a concept is inserted before the cursor (keyset, not offset)', async () => {
    const first = await page({ first: 5 });
    const untouched = await page({ first: 5, after: first.pageInfo.endCursor });
    await db().write(
      `CREATE (:Concept {slug: '0-inserted-first', kind: 'CONCEPT', nameKo: '삽입', nameEn: 'Inserted', summaryKo: '.', summaryEn: '.', tags: [], source: 'test', origin: 'test'})`,
    );
    try {
      const next = await page({ first: 5, after: first.pageInfo.endCursor });
      expect(next.edges.map((e) => e.node.slug)).toEqual(untouched.edges.map((e) => e.node.slug));
      expect(next.totalCount).toBe(untouched.totalCount + 1);
    } finally {
      await db().write(`MATCH (c:Concept {slug: '0-inserted-first'}) DELETE c`);
    }
  });
});

describe('concepts: filters', () => {
  const count = async (where: string, params: Record<string, unknown> = {}) =>
    (await db().read(`MATCH (c:Concept) WHERE ${where} RETURN count(c) AS n`, params))[0].n as number;

  it('filters by kinds', async () => {
    const p = await page({ filter: { kinds: ['COMMAND', 'SIGNAL'] }, first: 100 });
    expect(p.totalCount).toBe(await count("c.kind IN ['COMMAND', 'SIGNAL']"));
    expect(p.totalCount).toBeGreaterThan(0);
    expect(p.edges.every((e) => ['COMMAND', 'SIGNAL'].includes(e.node.kind))).toBe(true);
  });

  it('filters by tags (any of them)', async () => {
    const [{ tag }] = await db().read(`MATCH (c:Concept {slug: 'docker-build'}) RETURN c.tags[0] AS tag`);
    const p = await page({ filter: { tags: [tag, 'no-such-tag'] }, first: 100 });
    expect(p.totalCount).toBe(await count('$tag IN c.tags', { tag }));
    expect(p.edges.map((e) => e.node.slug)).toContain('docker-build');
  });

  it('filters by source prefix', async () => {
    const [{ source }] = await db().read(`MATCH (c:Concept {slug: 'docker-stop'}) RETURN c.source AS source`);
    const prefix = (source as string).slice(0, Math.max(1, (source as string).length - 3));
    const p = await page({ filter: { source: prefix }, first: 100 });
    expect(p.totalCount).toBe(await count('c.source STARTS WITH $prefix', { prefix }));
    expect(p.edges.map((e) => e.node.slug)).toContain('docker-stop');
  });

  it('filters by slugs, combines conditions, and matches nothing for an empty list', async () => {
    const p = await page({ filter: { slugs: ['docker', 'container', 'no-such-slug'] } });
    expect(p.edges.map((e) => e.node.slug)).toEqual(['container', 'docker']);
    const both = await page({ filter: { slugs: ['docker', 'container'], kinds: ['PRODUCT'] } });
    expect(both.edges.map((e) => e.node.slug)).toEqual(['docker']);
    const none = await page({ filter: { kinds: [] } });
    expect(none).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('pages within a filter and totalCount counts the filter', async () => {
    const all = (await page({ filter: { kinds: ['COMMAND'] }, first: 100 })).edges.map((e) => e.node.slug);
    const first = await page({ filter: { kinds: ['COMMAND'] }, first: 2 });
    const rest = await page({ filter: { kinds: ['COMMAND'] }, first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((e) => e.node.slug)).toEqual(all);
    expect(first.totalCount).toBe(all.length);
  });
});

describe('concepts: bad arguments', () => {
  const expectBad = async (variables: Record<string, unknown>, argument: string) => {
    const res = await concepts(variables);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.body.errors?.[0].message.length).toBeGreaterThan(20);
  };

  it('rejects a page larger than the maximum, naming the limit', async () => {
    const max = server.config.limits.maxPageSize;
    await expectBad({ first: max + 1 }, 'first');
    await expectBad({ last: max + 1 }, 'last');
    const res = await concepts({ first: max + 1 });
    expect(res.body.errors![0].message).toContain(String(max));
    expect((await page({ first: max })).edges.length).toBeLessThanOrEqual(max);
  });

  it('rejects negative sizes and first together with last', async () => {
    await expectBad({ first: -1 }, 'first');
    await expectBad({ last: -5 }, 'last');
    await expectBad({ first: 2, last: 2 }, 'last');
  });

  it('rejects tampered and made-up cursors', async () => {
    const { endCursor } = (await page({ first: 2 })).pageInfo;
    const [payload, signature] = endCursor!.split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
    decoded.k[1] = 'zzzz';
    const forged = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
    await expectBad({ first: 2, after: forged }, 'after');
    await expectBad({ first: 2, after: endCursor!.slice(1) }, 'after');
    await expectBad({ first: 2, after: 'bm90IGEgY3Vyc29y' }, 'after');
    await expectBad({ last: 2, before: 'garbage' }, 'before');
  });

  it('rejects a cursor from another order or another connection', async () => {
    const byName = (await page({ orderBy: { field: 'NAME_EN', direction: 'ASC' }, first: 2 })).pageInfo.endCursor;
    await expectBad({ first: 2, after: byName }, 'after');
    await expectBad({ orderBy: { field: 'NAME_EN', direction: 'DESC' }, last: 2, before: byName }, 'before');
    const res = await server.gql<{ concept: { related: { pageInfo: { endCursor: string } } } }>(
      '{ concept(slug: "container") { related(first: 1) { pageInfo { endCursor } } } }',
    );
    await expectBad({ first: 2, after: res.body.data!.concept.related.pageInfo.endCursor }, 'after');
  });
});

/**
 * The edge cases of every connection, decided once for all (src/pagination/page.ts): a page of 0 items and a page
 * from the very end are empty, say truthfully whether anything lies on either side, and carry as both cursors the
 * place they were asked from, so following them neither starts over nor skips.
 */
describe('page edge cases: concepts', () => {
  const slugs = (c: Connection) => c.edges.map((e) => e.node.slug);
  const emptyAt = (cursor: string | null, hasPreviousPage: boolean, hasNextPage: boolean) => ({
    edges: [],
    pageInfo: { hasPreviousPage, hasNextPage, startCursor: cursor, endCursor: cursor },
  });

  it('first: 0 has no edges, says that items follow, and following its endCursor starts at the first item', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const empty = await page({ first: 0 });
    expect(empty).toEqual({ totalCount: expected.length, ...emptyAt(null, false, true) });
    expect(slugs(await page({ first: 2, after: empty.pageInfo.endCursor }))).toEqual(expected.slice(0, 2));
  });

  it('first: 0 after a cursor keeps that cursor, so the next page continues right after it', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const three = await page({ first: 3 });
    const empty = await page({ first: 0, after: three.pageInfo.endCursor });
    expect(empty).toMatchObject(emptyAt(three.pageInfo.endCursor, true, true));
    expect(slugs(await page({ first: 2, after: empty.pageInfo.endCursor }))).toEqual(expected.slice(3, 5));
  });

  it('a cursor at the very end gives an empty page that stays at the end: no next page, the same cursor back', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const last = await page({ last: 1 });
    expect(slugs(last)).toEqual(expected.slice(-1));
    const end = last.pageInfo.endCursor;
    const beyond = await page({ first: 5, after: end });
    expect(beyond).toMatchObject(emptyAt(end, true, false));
    expect(await page({ first: 5, after: beyond.pageInfo.endCursor })).toMatchObject(emptyAt(end, true, false));
    // From there, paging backward gives the items before it.
    expect(slugs(await page({ last: 2, before: beyond.pageInfo.startCursor }))).toEqual(expected.slice(-3, -1));
  });

  it('a cursor at the very start, paging backward, gives an empty page with no previous page', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const start = (await page({ first: 1 })).pageInfo.startCursor;
    const before = await page({ last: 5, before: start });
    expect(before).toMatchObject(emptyAt(start, false, true));
    expect(slugs(await page({ first: 2, after: before.pageInfo.endCursor }))).toEqual(expected.slice(1, 3));
  });

  it('last: 0 has no edges and says that items precede; before a cursor it keeps that cursor', async () => {
    const expected = await expectedOrder('SLUG', 'ASC');
    const empty = await page({ last: 0 });
    expect(empty).toEqual({ totalCount: expected.length, ...emptyAt(null, true, false) });
    expect(slugs(await page({ last: 2, before: empty.pageInfo.startCursor }))).toEqual(expected.slice(-2));
    const mid = (await page({ first: 5 })).pageInfo.endCursor;
    const emptyBefore = await page({ last: 0, before: mid });
    expect(emptyBefore).toMatchObject(emptyAt(mid, true, true));
    expect(slugs(await page({ last: 2, before: emptyBefore.pageInfo.startCursor }))).toEqual(expected.slice(2, 4));
  });

  it('a filter that matches nothing gives an empty page with nothing on either side, for first, first: 0 and last: 0', async () => {
    const nothing = { totalCount: 0, ...emptyAt(null, false, false) };
    expect(await page({ filter: { kinds: [] }, first: 5 })).toEqual(nothing);
    expect(await page({ filter: { slugs: ['no-such-slug'] }, first: 0 })).toEqual(nothing);
    expect(await page({ filter: { slugs: ['no-such-slug'] }, last: 0 })).toEqual(nothing);
    // With a cursor from the unfiltered list the place is kept, and still nothing lies on either side.
    const cursor = (await page({ first: 3 })).pageInfo.endCursor;
    expect(await page({ filter: { kinds: [] }, first: 5, after: cursor })).toEqual({
      totalCount: 0,
      ...emptyAt(cursor, false, false),
    });
  });
});

describe('page edge cases: related', () => {
  interface RelatedPage {
    totalCount: number;
    edges: { cursor: string; node: { slug: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  }
  const related = async (args: string): Promise<RelatedPage> => {
    const res = await server.gql<{ concept: { related: RelatedPage } }>(
      `{ concept(slug: "container") { related(${args}) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.concept.related;
  };
  const distinct = async () =>
    (
      await db().read(`MATCH (c:Concept {slug: 'container'})--(o:Concept) WHERE o <> c RETURN count(DISTINCT o) AS n`)
    )[0].n as number;

  it('first: 0 has no edges and says that related concepts follow; its endCursor leads to the first one', async () => {
    const all = await related('first: 100');
    const empty = await related('first: 0');
    expect(empty).toEqual({
      totalCount: await distinct(),
      edges: [],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect((await related('first: 1')).edges.map((e) => e.node.slug)).toEqual([all.edges[0].node.slug]);
    const mid = all.edges[4].cursor;
    const emptyMid = await related(`first: 0, after: "${mid}"`);
    expect(emptyMid.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: mid, endCursor: mid });
    expect((await related(`first: 2, after: "${emptyMid.pageInfo.endCursor}"`)).edges.map((e) => e.node.slug)).toEqual(
      all.edges.slice(5, 7).map((e) => e.node.slug),
    );
  });

  it('a cursor at the very end gives an empty page with no next page and the same cursor back', async () => {
    const all = await related('first: 100');
    expect(all.pageInfo.hasNextPage).toBe(false);
    const end = all.pageInfo.endCursor!;
    const beyond = await related(`first: 5, after: "${end}"`);
    expect(beyond).toEqual({
      totalCount: all.totalCount,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: end, endCursor: end },
    });
  });

  it('a type filter that matches nothing gives an empty page with nothing on either side', async () => {
    const nothing = {
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    };
    expect(await related('types: [], first: 5')).toEqual(nothing);
    expect(await related('types: [HAS_FLAG], first: 0')).toEqual(nothing);
  });
});
