import { useTestServer } from './support/server';

/**
 * Every order and filter of `concepts`, paged forward, backward and between two cursors, against a reference written
 * the plain way (one scan, every filter as `$x IS NULL OR ...`, sorted here by the key and the slug). The API builds
 * its Cypher from fragments and seeks the slug index, so it must agree with this page for page.
 */

const server = useTestServer();

type Field = 'SLUG' | 'NAME_EN' | 'NAME_KO' | 'KIND' | 'DEGREE';
type Direction = 'ASC' | 'DESC';
interface Filter {
  kinds?: string[];
  tags?: string[];
  source?: string;
  slugs?: string[];
}

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { slug: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const QUERY = `query ($filter: ConceptFilter, $orderBy: ConceptOrder, $first: Int, $after: String, $last: Int, $before: String) {
  concepts(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(variables: Record<string, unknown>): Promise<Connection> {
  const res = await server.gql<{ concepts: Connection }>(QUERY, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.concepts;
}

interface Row {
  slug: string;
  nameEn: string | null;
  nameKo: string | null;
  kind: string;
  degree: number;
}

/**
 * What each order means, written from the ConceptOrderField descriptions rather than taken from the repository's
 * Cypher: a name order is case-insensitive and falls back to the other language's name (then the slug), DEGREE counts
 * the relations a concept takes part in. Strings compare by UTF-16 code unit, as Neo4j compares them.
 */
const SORT_KEY: Record<Field, (row: Row) => string | number> = {
  SLUG: (row) => row.slug,
  NAME_EN: (row) => (row.nameEn ?? row.nameKo ?? row.slug).toLowerCase(),
  NAME_KO: (row) => (row.nameKo ?? row.nameEn ?? row.slug).toLowerCase(),
  KIND: (row) => row.kind,
  DEGREE: (row) => row.degree,
};

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** The whole list: one plain scan for the filtered concepts' fields, ordered here by the key and then the slug. */
async function reference(filter: Filter, field: Field, direction: Direction): Promise<string[]> {
  const rows = (await server.atlas.database.gateway.read(
    `MATCH (c:Concept)
     WHERE ($kinds IS NULL OR c.kind IN $kinds)
       AND ($tags IS NULL OR any(tag IN $tags WHERE tag IN coalesce(c.tags, [])))
       AND ($source IS NULL OR c.source STARTS WITH $source)
       AND ($slugs IS NULL OR c.slug IN $slugs)
     RETURN c.slug AS slug, c.nameEn AS nameEn, c.nameKo AS nameKo, c.kind AS kind, size([(c)-[r]-(:Concept) | r]) AS degree`,
    {
      kinds: filter.kinds ?? null,
      tags: filter.tags ?? null,
      source: filter.source ?? null,
      slugs: filter.slugs ?? null,
    },
  )) as unknown as Row[];
  const sign = direction === 'ASC' ? 1 : -1;
  const key = SORT_KEY[field];
  return rows.sort((a, b) => sign * (compare(key(a), key(b)) || compare(a.slug, b.slug))).map((row) => row.slug);
}

const slugsOf = (p: Connection) => p.edges.map((e) => e.node.slug);

/** Walks the list page by page in one direction, checking each page against the reference slice. */
async function walk(
  filter: Filter,
  orderBy: { field: Field; direction: Direction },
  expected: string[],
  size: number,
  forward: boolean,
): Promise<string[]> {
  const cursors: string[] = new Array(expected.length);
  let cursor: string | null = null;
  let done = 0;
  for (;;) {
    const p: Connection = await page(
      forward ? { filter, orderBy, first: size, after: cursor } : { filter, orderBy, last: size, before: cursor },
    );
    const slice = forward
      ? expected.slice(done, done + size)
      : expected.slice(Math.max(0, expected.length - done - size), expected.length - done);
    expect(slugsOf(p)).toEqual(slice);
    expect(p.totalCount).toBe(expected.length);
    const remaining = expected.length - done - slice.length > 0;
    expect(p.pageInfo).toMatchObject(
      forward
        ? { hasNextPage: remaining, hasPreviousPage: cursor !== null }
        : { hasPreviousPage: remaining, hasNextPage: cursor !== null },
    );
    const offset = forward ? done : expected.length - done - slice.length;
    p.edges.forEach((edge, i) => (cursors[offset + i] = edge.cursor));
    done += slice.length;
    if (!remaining) break;
    cursor = forward ? p.pageInfo.endCursor : p.pageInfo.startCursor;
  }
  expect(done).toBe(expected.length);
  return cursors;
}

const FIELDS: Field[] = ['SLUG', 'NAME_EN', 'NAME_KO', 'KIND', 'DEGREE'];
const DIRECTIONS: Direction[] = ['ASC', 'DESC'];

describe('concepts: the order of three concepts, written out by hand', () => {
  // From seed/: docker is a PRODUCT named 도커 in 28 relations, container a TECHNOLOGY named 컨테이너 in 32, docker
  // build a COMMAND named "docker build 명령" in 9; Latin letters sort before Hangul.
  const ASCENDING: Record<Field, string[]> = {
    SLUG: ['container', 'docker', 'docker-build'],
    NAME_EN: ['container', 'docker', 'docker-build'],
    NAME_KO: ['docker-build', 'docker', 'container'],
    KIND: ['docker-build', 'docker', 'container'],
    DEGREE: ['docker-build', 'docker', 'container'],
  };

  it.each(FIELDS.flatMap((field) => DIRECTIONS.map((direction) => [field, direction] as const)))(
    '%s %s',
    async (field, direction) => {
      const p = await page({
        filter: { slugs: ['docker-build', 'docker', 'container'] },
        orderBy: { field, direction },
        first: 10,
      });
      const expected = direction === 'ASC' ? ASCENDING[field] : [...ASCENDING[field]].reverse();
      expect(slugsOf(p)).toEqual(expected);
    },
  );
});

describe('concepts: every order and filter agrees with the plain reference query', () => {
  let filters: [string, Filter][];

  beforeAll(async () => {
    const [{ tag, source }] = await server.atlas.database.gateway.read(
      `MATCH (c:Concept {slug: 'docker-build'}) RETURN c.tags[0] AS tag, c.source AS source`,
    );
    filters = [
      ['no filter', {}],
      ['kinds', { kinds: ['COMMAND', 'SIGNAL'] }],
      ['tags', { tags: [tag as string, 'no-such-tag'] }],
      ['source prefix', { source: (source as string).slice(0, 4) }],
      ['slugs', { slugs: ['docker', 'container', 'docker-build', 'no-such-slug'] }],
      ['kinds and tags', { kinds: ['COMMAND'], tags: [tag as string] }],
      ['empty kinds', { kinds: [] }],
    ];
  });

  it.each(FIELDS.flatMap((field) => DIRECTIONS.map((direction) => [field, direction] as const)))(
    '%s %s: pages, totals and page info, forward, backward and between cursors',
    async (field, direction) => {
      const orderBy = { field, direction };
      let nonEmpty = 0;
      for (const [, filter] of filters) {
        const expected = await reference(filter, field, direction);
        if (expected.length > 0) nonEmpty += 1;
        const size = Math.max(2, Math.ceil(expected.length / 5));
        const forward = await walk(filter, orderBy, expected, size, true);
        const backward = await walk(filter, orderBy, expected, size, false);
        // Forward and backward hand out the same cursor for the same item.
        expect(backward).toEqual(forward);
        if (expected.length >= 4) {
          const [i, j] = [Math.floor(expected.length / 4), expected.length - 1 - Math.floor(expected.length / 4)];
          const between = await page({ filter, orderBy, first: j - i, after: forward[i], before: forward[j] });
          expect(slugsOf(between)).toEqual(expected.slice(i + 1, j));
          expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
          const lastBetween = await page({ filter, orderBy, last: 2, after: forward[i], before: forward[j] });
          expect(slugsOf(lastBetween)).toEqual(expected.slice(j - 2, j));
          expect(lastBetween.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
        }
        const empty = await page({ filter, orderBy, first: 0 });
        expect(empty).toMatchObject({ totalCount: expected.length, edges: [] });
      }
      // The filters above must exercise real pages, not just empty lists.
      expect(nonEmpty).toBeGreaterThanOrEqual(filters.length - 1);
    },
  );
});
