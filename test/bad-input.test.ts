import { useTestServer } from './support/server';

/**
 * A table of bad inputs. Each one must get its exact error code (and HTTP status where the request is refused before
 * GraphQL runs), and the server must still answer a normal query right after it. Nothing may change the graph.
 */

interface Case {
  name: string;
  /** Either a GraphQL query (sent as JSON) or a raw request. */
  query?: string;
  variables?: Record<string, unknown>;
  raw?: { body: string | Uint8Array; contentType: string };
  status: number;
  code: string;
  argument?: string;
}

const nested = (levels: number) => {
  let inner = 'slug';
  for (let i = 0; i < levels; i += 1) inner = `related(first: 2) { edges { node { ${inner} } } }`;
  return `{ concept(slug: "docker") { ${inner} } }`;
};
const INJECTION = `x") MATCH (n) DETACH DELETE n //`;
const LUCENE = 'title:(AND OR "unbalanced [ ~ * ?';

const CASES: Case[] = [
  { name: 'too deep', query: nested(5), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'too costly',
    query:
      '{ concepts(first: 100) { edges { node { related(first: 100) { edges { node { related(first: 100) { edges { node { slug } } } } } } } } } }',
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'first: 100000',
    query: '{ concepts(first: 100000) { totalCount } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'first',
  },
  {
    name: 'negative first',
    query: '{ concepts(first: -1) { totalCount } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'first',
  },
  {
    name: 'negative depth',
    query: '{ neighborhood(slug: "docker", depth: -1) { nodes { slug } } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'depth',
  },
  {
    name: 'depth above the cap',
    query: '{ neighborhood(slug: "docker", depth: 9) { nodes { slug } } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'depth',
  },
  {
    name: 'negative limit',
    query: '{ neighborhood(slug: "docker", limit: -5) { nodes { slug } } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'limit',
  },
  {
    name: 'maxLength above the cap',
    query: '{ paths(from: "docker", to: "kernel", maxLength: 60) { length } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'maxLength',
  },
  {
    name: 'paths first: 0',
    query: '{ paths(from: "docker", to: "kernel", first: 0) { length } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'first',
  },
  {
    name: 'huge search string',
    query: `{ search(query: "${'컨'.repeat(5000)}") { score } }`,
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'query',
  },
  {
    name: 'empty search',
    query: '{ search(query: "   ") { score } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'query',
  },
  {
    name: 'search first above the cap',
    query: '{ search(query: "docker", first: 5000) { score } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'first',
  },
  {
    name: 'query text too long',
    query: `{ stats { concepts } } ${'#'.repeat(20000)}\n`,
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'wrong argument type',
    query: '{ concepts(first: "ten") { totalCount } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown enum value',
    query: '{ search(query: "docker", kinds: [BANANA]) { score } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown field',
    query: '{ concept(slug: "docker") { password } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'syntax error', query: '{ concept(slug: "docker") { slug ', status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'wrong variable type',
    query: 'query ($n: Int) { concepts(first: $n) { totalCount } }',
    variables: { n: 'many' },
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'malformed JSON',
    raw: { body: '{"query": "{ stats { concepts } }"', contentType: 'application/json' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'oversized body',
    raw: {
      body: JSON.stringify({ query: '{ stats { concepts } }', variables: { pad: 'x'.repeat(300 * 1024) } }),
      contentType: 'application/json',
    },
    status: 413,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'many aliases',
    query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: concept(slug: "docker") { slug }`).join(' ')} }`,
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'tampered cursor',
    query: '{ concepts(first: 2, after: "bm90LWEtY3Vyc29y") { totalCount } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'after',
  },
  {
    name: 'malformed global id',
    query: '{ node(id: "%%%") { id } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'id',
  },
  {
    name: 'too few slugs to compare',
    query: '{ compare(slugs: ["docker"]) { aspects { aspect } } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    argument: 'slugs',
  },
  {
    name: 'Cypher-looking text as a path end',
    query: `{ paths(from: ${JSON.stringify(INJECTION)}, to: "docker") { length } }`,
    status: 200,
    code: 'NOT_FOUND',
    argument: 'from',
  },
  {
    name: 'Cypher-looking text as a neighborhood center',
    query: `{ neighborhood(slug: ${JSON.stringify(INJECTION)}) { nodes { slug } } }`,
    status: 200,
    code: 'NOT_FOUND',
    argument: 'slug',
  },
];

describe('bad input', () => {
  const server = useTestServer();
  let before: unknown;
  const stats = '{ stats { concepts relations } }';

  beforeAll(async () => {
    before = (await server.gql(stats)).body.data;
  });

  async function send(testCase: Case) {
    if (testCase.raw) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': testCase.raw.contentType },
        body: testCase.raw.body,
      });
      return {
        status: response.status,
        body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] },
      };
    }
    return server.gql(testCase.query!, testCase.variables);
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { status, body } = await send(testCase);
    expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({
      status: testCase.status,
      code: testCase.code,
    });
    if (testCase.argument) expect(body.errors?.[0]?.extensions?.argument).toBe(testCase.argument);
    const after = await server.gql('{ concept(slug: "docker") { slug } }');
    expect(after.body.data).toEqual({ concept: { slug: 'docker' } });
  });

  it.each([
    ['Lucene syntax', LUCENE],
    ['Cypher-looking text', INJECTION],
    ['control characters', 'doc\u0000ker\u0007\u001b[31m'],
    ['invalid UTF-8 turned into replacement characters', '\ufffd\ufffd컨테이너'],
    ['unbalanced quote and bracket', 'docker" OR (kernel'],
  ])('search with %s answers results or nothing, never an error', async (_name, text) => {
    const { status, body } = await server.gql('query ($q: String!) { search(query: $q) { concept { slug } } }', {
      q: text,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Array.isArray((body.data as { search: unknown[] }).search)).toBe(true);
  });

  it('answers an operation name the document does not define with a clear 400, not an internal error', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Real { concept(slug: "docker") { slug } }', operationName: 'Stale' }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Unknown operation named "Stale"/);
  });

  it('judges the cost of one query text anew for each set of variables, however often it is sent', async () => {
    const query =
      'query ($n: Int) { concepts(first: $n) { edges { node { related(first: $n) { edges { node { related(first: $n) { edges { node { slug } } } } } } } } } }';
    for (const [n, expected] of [
      [3, undefined],
      [100, 'QUERY_TOO_COMPLEX'],
      [3, undefined],
      [100, 'QUERY_TOO_COMPLEX'],
      [4, undefined],
    ] as const) {
      const { status, body } = await server.gql(query, { n });
      expect({ n, code: body.errors?.[0]?.extensions?.code }).toEqual({ n, code: expected });
      expect(status).toBe(expected ? 400 : 200);
    }
  });

  it('treats Cypher-looking text in every slug argument as a plain (unknown) slug', async () => {
    const { body } = await server.gql(
      'query ($s: String!) { concept(slug: $s) { slug } learningPath(slug: $s) { slug } }',
      { s: INJECTION },
    );
    expect(body.data?.concept ?? null).toBeNull();
  });

  it('sends invalid UTF-8 bytes in a body and gets a clean answer', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"query":"{ search(query: \\"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('docker\\") { concept { slug } } }"}'),
    ]);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.data ?? body.errors).toBeDefined();
  });

  it('refuses a batch of operations and a non-JSON content type', async () => {
    const batch = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: stats }, { query: stats }]),
    });
    expect(batch.status).toBe(400);
    // 415 Unsupported Media Type, as the GraphQL-over-HTTP spec suggests, with what to send instead.
    const text = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: stats }),
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { errors: { message: string }[] }).errors[0].message).toContain(
      'Content-Type: application/json',
    );
  });

  it('left the graph unchanged', async () => {
    expect((await server.gql(stats)).body.data).toEqual(before);
  });
});
