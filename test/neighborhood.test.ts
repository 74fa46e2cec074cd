import { useTestServer } from './support/server';

const server = useTestServer();

const db = () => server.atlas.database.gateway;

interface Edge {
  type: string;
  from: { slug: string };
  to: { slug: string };
}

interface SubgraphData {
  center: { slug: string };
  nodes: { slug: string; name: string }[];
  distances: number[];
  edges: Edge[];
  truncated: boolean;
}

const SUBGRAPH = 'center { slug } nodes { slug name } distances edges { type from { slug } to { slug } } truncated';

async function neighborhood(args: string, headers: Record<string, string> = {}): Promise<SubgraphData> {
  const res = await server.gql<{ neighborhood: SubgraphData }>(
    `{ neighborhood(${args}) { ${SUBGRAPH} } }`,
    undefined,
    headers,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.neighborhood;
}

async function errorOf(args: string): Promise<{ code: unknown; argument: unknown; message: string }> {
  const res = await server.gql(`{ neighborhood(${args}) { truncated } }`);
  expect(res.body.data ?? null).toBeNull();
  const [error] = res.body.errors!;
  return { code: error.extensions?.code, argument: error.extensions?.argument, message: error.message };
}

/** The relations stored between any two of `slugs`, as "TYPE from to" lines. */
async function storedEdgesAmong(slugs: string[], types?: string[]): Promise<string[]> {
  const rows = await db().read(
    `MATCH (a:Concept)-[r]->(b:Concept) WHERE a.slug IN $slugs AND b.slug IN $slugs AND ($types IS NULL OR type(r) IN $types)
     RETURN type(r) + ' ' + a.slug + ' ' + b.slug AS line`,
    { slugs, types: types ?? null },
  );
  return rows.map((row) => row.line as string).sort();
}

const lines = (edges: Edge[]) => edges.map((e) => `${e.type} ${e.from.slug} ${e.to.slug}`).sort();

function expectWellFormed(sub: SubgraphData): void {
  const slugs = sub.nodes.map((n) => n.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  expect(sub.distances).toHaveLength(slugs.length);
  expect(sub.nodes[0].slug).toBe(sub.center.slug);
  expect(sub.distances[0]).toBe(0);
  // Nearest first.
  expect([...sub.distances].sort((a, b) => a - b)).toEqual(sub.distances);
  expect(new Set(lines(sub.edges)).size).toBe(sub.edges.length);
  for (const edge of sub.edges) {
    expect(slugs).toContain(edge.from.slug);
    expect(slugs).toContain(edge.to.slug);
  }
}

describe('neighborhood', () => {
  it('returns the concept, its direct neighbours and every relation among them exactly once (depth 1 by default)', async () => {
    const sub = await neighborhood('slug: "docker-stop"');
    expectWellFormed(sub);
    expect(sub.center.slug).toBe('docker-stop');
    expect(sub.truncated).toBe(false);
    const neighbours = await db().read(
      'MATCH (:Concept {slug: "docker-stop"})--(o:Concept) RETURN DISTINCT o.slug AS slug',
    );
    expect(
      sub.nodes
        .slice(1)
        .map((n) => n.slug)
        .sort(),
    ).toEqual(neighbours.map((r) => r.slug as string).sort());
    expect(sub.distances.slice(1).every((d) => d === 1)).toBe(true);
    expect(sub.nodes.map((n) => n.slug)).toEqual(expect.arrayContaining(['sigterm', 'sigkill', 'stop-kill-stage']));
    expect(lines(sub.edges)).toEqual(await storedEdgesAmong(sub.nodes.map((n) => n.slug)));
    expect(lines(sub.edges)).toEqual(
      expect.arrayContaining(['SENDS_SIGNAL docker-stop sigterm', 'SENDS_SIGNAL docker-stop sigkill']),
    );
  });

  it('reports a relation walked against its arrow in its stored direction', async () => {
    const sub = await neighborhood('slug: "sigkill", types: [SENDS_SIGNAL]');
    expect(lines(sub.edges)).toContain('SENDS_SIGNAL docker-stop sigkill');
    expect(lines(sub.edges)).not.toContain('SENDS_SIGNAL sigkill docker-stop');
  });

  it('goes deeper with depth, keeping every node at its shortest distance', async () => {
    const one = await neighborhood('slug: "docker-stop", depth: 1, limit: 200');
    const two = await neighborhood('slug: "docker-stop", depth: 2, limit: 200');
    expectWellFormed(two);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(Math.max(...two.distances)).toBe(2);
    const distanceIn = (sub: SubgraphData) => new Map(sub.nodes.map((n, i) => [n.slug, sub.distances[i]]));
    const twoDistances = distanceIn(two);
    for (const [slug, distance] of distanceIn(one)) expect(twoDistances.get(slug)).toBe(distance);
    expect(lines(two.edges)).toEqual(await storedEdgesAmong(two.nodes.map((n) => n.slug)));
  });

  it('follows and draws only the given relation types', async () => {
    const sub = await neighborhood('slug: "docker-stop", depth: 2, types: [SENDS_SIGNAL]');
    expectWellFormed(sub);
    expect(sub.edges.every((e) => e.type === 'SENDS_SIGNAL')).toBe(true);
    // docker stop -> SIGKILL <- docker kill: two hops over SENDS_SIGNAL only.
    expect(sub.nodes.map((n) => n.slug).sort()).toEqual(['docker-kill', 'docker-stop', 'sigkill', 'sigterm']);
    expect(sub.distances).toEqual([0, 1, 1, 2]);
    expect(lines(sub.edges)).toEqual(
      await storedEdgesAmong(
        sub.nodes.map((n) => n.slug),
        ['SENDS_SIGNAL'],
      ),
    );
  });

  it('keeps the nearest nodes when the limit cuts, and says it did', async () => {
    const full = await neighborhood('slug: "container", depth: 2, limit: 200');
    expect(full.truncated).toBe(false);
    const cut = await neighborhood('slug: "container", depth: 2, limit: 5');
    expectWellFormed(cut);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(5);
    // The first five of the full answer: nearest first, then by slug.
    expect(cut.nodes.map((n) => n.slug)).toEqual(full.nodes.slice(0, 5).map((n) => n.slug));
    expect(lines(cut.edges)).toEqual(await storedEdgesAmong(cut.nodes.map((n) => n.slug)));

    const alone = await neighborhood('slug: "container", limit: 1');
    expect(alone.nodes.map((n) => n.slug)).toEqual(['container']);
    expect(alone.edges).toEqual([]);
    expect(alone.truncated).toBe(true);

    const exact = await neighborhood(
      `slug: "docker-stop", limit: ${(await neighborhood('slug: "docker-stop"')).nodes.length}`,
    );
    expect(exact.truncated).toBe(false);
  });

  it('uses 50 nodes by default', async () => {
    const sub = await neighborhood('slug: "container", depth: 3');
    expect(sub.nodes).toHaveLength(50);
    expect(sub.truncated).toBe(true);
  });

  it('names concepts in Korean or English', async () => {
    const ko = await neighborhood('slug: "docker-stop"', { 'accept-language': 'ko' });
    const en = await neighborhood('slug: "docker-stop"');
    const [row] = await db().read('MATCH (c:Concept {slug: "docker-stop"}) RETURN c.nameKo AS ko, c.nameEn AS en');
    expect(ko.center).toEqual(en.center);
    expect(ko.nodes[0].name).toBe(row.ko);
    expect(en.nodes[0].name).toBe(row.en);
    const res = await server.gql<{
      neighborhood: { nodes: { name: string }[]; edges: { description: string | null }[] };
    }>(
      '{ neighborhood(slug: "docker-stop", types: [SENDS_SIGNAL]) { nodes { name(lang: KO) } edges { description(lang: KO) } } }',
    );
    expect(res.body.data!.neighborhood.nodes.map((n) => n.name).join(' ')).toMatch(/[가-힣]/);
    expect(res.body.data!.neighborhood.edges.some((e) => /[가-힣]/.test(e.description ?? ''))).toBe(true);
  });

  it('reads the whole subgraph in one database round trip', async () => {
    const res = await server.gql(`{ neighborhood(slug: "docker-stop", depth: 2) { ${SUBGRAPH} } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-db-round-trips')).toBe('1');
  });

  it('refuses a depth, limit or types outside the bounds, naming the argument', async () => {
    const { maxNeighborhoodDepth, maxNeighborhoodNodes } = server.config.limits;
    for (const depth of [0, -1, maxNeighborhoodDepth + 1]) {
      const error = await errorOf(`slug: "docker-stop", depth: ${depth}`);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
      expect(error.message).toContain(String(maxNeighborhoodDepth));
    }
    for (const limit of [0, maxNeighborhoodNodes + 1]) {
      expect(await errorOf(`slug: "docker-stop", limit: ${limit}`)).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'limit',
      });
    }
    expect(await errorOf('slug: "docker-stop", types: []')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'types',
    });
    const deepest = await neighborhood(
      `slug: "docker-stop", depth: ${maxNeighborhoodDepth}, limit: ${maxNeighborhoodNodes}`,
    );
    expect(Math.max(...deepest.distances)).toBeLessThanOrEqual(maxNeighborhoodDepth);
  });

  it('is NOT_FOUND for a slug no concept has', async () => {
    const error = await errorOf('slug: "no-such-concept"');
    expect(error).toMatchObject({ code: 'NOT_FOUND', argument: 'slug' });
    expect(error.message).toContain('no-such-concept');
  });
});
