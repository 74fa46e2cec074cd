import { useTestServer } from './support/server';

// The global setup seeded the shipped seed; expectations are read from the database, not written down here.
const server = useTestServer();

/** Database round trips of one request, as the server reports them in the x-db-round-trips header. */
async function roundTrips(query: string, variables?: Record<string, unknown>): Promise<number> {
  const res = await server.gql(query, variables);
  expect(res.body.errors).toBeUndefined();
  const header = res.headers.get('x-db-round-trips');
  expect(header).toMatch(/^\d+$/);
  return Number(header);
}

const PAGE_WITH_RELATIONS = `query ($first: Int) {
  concepts(first: $first) {
    edges { node { slug name degree related { totalCount edges { relations { type direction } node { slug name degree } } } } }
  }
}`;

// Commands only, so every page, small or large, needs the flags loader: the count then depends on the page size alone.
const PAGE_WITH_EVERYTHING = `query ($first: Int) {
  concepts(first: $first, filter: { kinds: [COMMAND] }) {
    edges { node {
      slug name summary degree
      flags { flag meaning concept { slug } }
      signals: related(types: [SENDS_SIGNAL], direction: OUTGOING) { edges { node { slug name } } }
      related { edges { relations { description relation { from { slug } to { slug name } } } node { slug name related(first: 3) { edges { node { slug } } } } } }
    } }
  }
}`;

describe('round trips per request', () => {
  it('a page of concepts with their related concepts costs the same few round trips at any page size', async () => {
    const small = await roundTrips(PAGE_WITH_RELATIONS, { first: 2 });
    const large = await roundTrips(PAGE_WITH_RELATIONS, { first: 50 });
    // A bigger page may need fewer: the inner concepts' degrees are then often already loaded for the outer ones.
    expect(large).toBeLessThanOrEqual(small);
    expect(small).toBeLessThanOrEqual(4);
    expect(large).toBeLessThanOrEqual(4);
  });

  it('stays flat with flags, several related lists, relation ends and a second level of related', async () => {
    const small = await roundTrips(PAGE_WITH_EVERYTHING, { first: 2 });
    const large = await roundTrips(PAGE_WITH_EVERYTHING, { first: 30 });
    expect(large).toBeLessThanOrEqual(small);
    expect(large).toBeLessThanOrEqual(8);
  });

  it('a single concept costs one round trip, and search results need no more for their names', async () => {
    expect(await roundTrips('{ concept(slug: "docker") { slug name summary } }')).toBe(1);
    expect(await roundTrips('{ search(query: "container", first: 20) { score concept { slug name summary } } }')).toBe(
      1,
    );
    expect(
      await roundTrips(
        '{ searchAnswer(query: "docker stop vs docker kill", first: 20) { didYouMean comparison { slug title concepts { slug name } } hits { score concept { slug name summary } } } }',
      ),
    ).toBe(1);
  });

  it('a concept with its related concepts, and theirs, is one round trip', async () => {
    expect(
      await roundTrips(
        '{ concept(slug: "container") { slug name related(first: 50) { edges { relations { type } node { slug name } } } } }',
      ),
    ).toBe(1);
    const nav = `{ concept(slug: "container-lifecycle") { related(types: [HAS_STAGE], direction: OUTGOING) {
      edges { node { slug related(types: [HAS_COMMAND], direction: OUTGOING) { edges { node { slug } } } } } } } }`;
    expect(await roundTrips(nav)).toBe(1);
  });

  it('reading a concept with two levels of relations at once gives the same answer as reading level by level', async () => {
    // @include keeps the resolver from reading ahead, so the second request takes the plain path: one query per level.
    const inner =
      'related(direction: OUTGOING, first: 5) { totalCount edges { cursor relations { type } node { slug } } }';
    const selection = (types: string, direction: string) =>
      `slug name related(types: ${types}, direction: ${direction}, first: 100) { totalCount pageInfo { endCursor hasNextPage } edges { cursor relations { type direction order } node { slug name ${inner} } } }`;
    for (const [slug, types, direction] of [
      ['container', 'null', 'BOTH'],
      ['docker-stop', '[SENDS_SIGNAL, HAS_FLAG]', 'OUTGOING'],
      ['image', '[BUILT_FROM, ALTERNATIVE_TO]', 'INCOMING'],
      ['virtual-machine', '[ALTERNATIVE_TO]', 'BOTH'],
    ]) {
      const together = await server.gql<{ concept: unknown }>(
        `{ concept(slug: "${slug}") { ${selection(types, direction)} } }`,
      );
      const apart = await server.gql<{ concept: unknown }>(
        `query ($yes: Boolean = true) { concept(slug: "${slug}") { ... @include(if: $yes) { ${selection(types, direction)} } } }`,
      );
      expect(together.body.errors).toBeUndefined();
      expect(together.headers.get('x-db-round-trips')).toBe('1');
      expect(apart.headers.get('x-db-round-trips')).toBe('3');
      expect(together.body.data).toEqual(apart.body.data);
    }
    const missing = await server.gql('{ concept(slug: "no-such-concept") { slug related { totalCount } } }');
    expect(missing.body).toEqual({ data: { concept: null } });
  });

  it('a page of concepts with their relations, read at once, is one round trip and the same answer as level by level', async () => {
    const walk =
      'slug related(types: [LEARN_AFTER, COVERS, HAS_STAGE], direction: BOTH, first: 10) { totalCount edges { cursor relations { type direction } node { slug name related(direction: INCOMING, first: 3) { totalCount edges { node { slug } } } } } }';
    for (const args of [
      'first: 40',
      'first: 20, orderBy: { field: KIND, direction: DESC }',
      'last: 30, filter: { kinds: [COMMAND, LIFECYCLE_STAGE] }',
    ]) {
      const together = await server.gql(`{ concepts(${args}) { totalCount edges { cursor node { ${walk} } } } }`);
      const apart = await server.gql(
        `query ($yes: Boolean = true) { concepts(${args}) { totalCount edges { cursor node { ... @include(if: $yes) { ${walk} } } } } }`,
      );
      expect(together.body.errors).toBeUndefined();
      expect(together.headers.get('x-db-round-trips')).toBe('1');
      expect(Number(apart.headers.get('x-db-round-trips'))).toBeGreaterThan(1);
      expect(together.body.data).toEqual(apart.body.data);
    }
  });

  it('related concepts are read whole only when asked for more than names, and are right either way', async () => {
    const fields = 'slug kind name ko: name(lang: KO) aliases summary details(lang: KO) tags source syntax order';
    const related = (selection: string) => `related(first: 100) { edges { node { ${selection} } } }`;
    type Answer = { concept: { related: { edges: { node: Record<string, unknown> }[] } } };
    const names = await server.gql<Answer>(`{ concept(slug: "docker-stop") { ${related('slug kind name')} } }`);
    expect(names.headers.get('x-db-round-trips')).toBe('1');
    const whole = await server.gql<Answer>(`{ concept(slug: "docker-stop") { ${related(fields)} } }`);
    expect(whole.headers.get('x-db-round-trips')).toBe('1');
    // Without reading ahead (@include), the relations come as names and the rest is completed in one batched read.
    const completed = await server.gql<Answer>(
      `query ($yes: Boolean = true) { concept(slug: "docker-stop") { ... @include(if: $yes) { ${related(fields)} } } }`,
    );
    expect(completed.headers.get('x-db-round-trips')).toBe('3');
    expect(completed.body).toEqual(whole.body);
    const others = whole.body.data!.concept.related.edges.map((edge) => edge.node);
    expect(others.length).toBeGreaterThan(3);
    // Each one as concept(slug:) reads it on its own.
    for (const other of others) {
      const alone = await server.gql<{ concept: Record<string, unknown> }>(
        `{ concept(slug: "${other.slug as string}") { ${fields} } }`,
      );
      expect(other).toEqual(alone.body.data!.concept);
    }
  });

  it('a page of concepts is read whole only when asked for more than names, and is the same page either way', async () => {
    type Page = { concepts: { edges: { cursor: string; node: { slug: string; name: string; summary?: string } }[] } };
    const names = await server.gql<Page>(
      '{ concepts(first: 30, orderBy: { field: NAME_EN }) { edges { cursor node { slug name } } } }',
    );
    const whole = await server.gql<Page>(
      '{ concepts(first: 30, orderBy: { field: NAME_EN }) { edges { cursor node { slug name summary } } } }',
    );
    expect(names.headers.get('x-db-round-trips')).toBe('1');
    expect(whole.headers.get('x-db-round-trips')).toBe('1');
    expect(
      whole.body.data!.concepts.edges.map(({ cursor, node }) => ({
        cursor,
        node: { slug: node.slug, name: node.name },
      })),
    ).toEqual(names.body.data!.concepts.edges);
    expect(whole.body.data!.concepts.edges.every(({ node }) => node.summary!.length > 0)).toBe(true);
  });

  it('relations carry their descriptions only when asked, also when asked under @include', async () => {
    const plain = await server.gql<{
      concept: { related: { edges: { relations: { description: string | null }[] }[] } };
    }>(
      '{ concept(slug: "docker-stop") { related(first: 100) { edges { node { slug } relations { type description source relation { from { slug } } } } } } }',
    );
    const conditional = await server.gql(
      'query ($yes: Boolean = true) { concept(slug: "docker-stop") { related(first: 100) { edges { node { slug } relations { type ... @include(if: $yes) { description source relation { from { slug } } } } } } } }',
    );
    expect(plain.body.errors).toBeUndefined();
    expect(
      plain.body.data!.concept.related.edges.some((edge) => edge.relations.some((relation) => relation.description)),
    ).toBe(true);
    expect(conditional.body).toEqual(plain.body);
  });

  it('search hits are read whole only when asked for more than names', async () => {
    const query = (selection: string) => `{ search(query: "container", first: 10) { score concept { ${selection} } } }`;
    const names = await server.gql<{ search: { concept: { slug: string } }[] }>(query('slug name'));
    const whole = await server.gql<{ search: { concept: { slug: string; summary: string } }[] }>(
      query('slug name summary tags'),
    );
    expect(names.headers.get('x-db-round-trips')).toBe('1');
    expect(whole.headers.get('x-db-round-trips')).toBe('1');
    expect(whole.body.data!.search.map((hit) => hit.concept.slug)).toEqual(
      names.body.data!.search.map((hit) => hit.concept.slug),
    );
    expect(whole.body.data!.search.every((hit) => hit.concept.summary.length > 0)).toBe(true);
  });

  it('a concept fetched through node() and concept() in one request is read once', async () => {
    const id = Buffer.from('Concept:docker').toString('base64url');
    expect(
      await roundTrips(
        `{ node(id: "${id}") { id } concept(slug: "docker") { slug } again: concept(slug: "docker") { name } }`,
      ),
    ).toBe(1);
  });
});
