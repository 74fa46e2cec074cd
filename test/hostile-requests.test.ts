import { getIntrospectionQuery } from 'graphql';

import { analysisCounters } from '../src/http/limits.analysis';
import { useTestServer } from './support/server';

/**
 * Requests written to make the server work hard, from the attack lists GraphQL security tools publish. Each must get
 * its exact status and code, the work of the query analysis must stay proportional to the text (counted, not timed),
 * and a `{ __typename }` sent at the same moment must be answered.
 */

interface Case {
  name: string;
  /** A query sent as JSON, or a whole raw body. */
  query?: string;
  variables?: Record<string, unknown>;
  body?: string;
  status: number;
  code: string | undefined;
  /** Upper bounds on the analysis work of this one request, written out from the shape of the text. */
  maxNodes: number;
  maxFragments: number;
}

/** Fragment i spreads fragment i+1 twice: expanded, the query has 2^levels copies of the innermost selection. */
function fanOut(levels: number): string {
  const parts = ['query FanOut { ...F0 }'];
  for (let i = 0; i < levels; i += 1) parts.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Query { stats { concepts } }`);
  return parts.join('\n');
}

function ofTypes(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i += 1) inner = `ofType { ${inner} }`;
  return `{ __schema { types { fields { type { ${inner} } } } } }`;
}

/** `[[[...]]]` nested this deep, as JSON text. */
function nestedArrays(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

const INTROSPECTION = getIntrospectionQuery();

const CASES: Case[] = [
  // 200 levels: 2^200 x 2 selections once expanded, in 8.6 kB. Refused before validation, each fragment analysed once:
  // 201 fragments; nodes: the operation's spread, two spreads per fragment, stats and concepts = 1 + 400 + 2.
  {
    name: 'fragment fan-out, 200 levels',
    query: fanOut(200),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    maxNodes: 403,
    maxFragments: 201,
  },
  // Cycles: validation names them; the analysis stops where the cycle closes. Nodes: ...A, ...B, ...A again, stats, concepts.
  {
    name: 'circular fragments',
    query: 'query { ...A } fragment A on Query { ...B stats { concepts } } fragment B on Query { ...A }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 5,
    maxFragments: 2,
  },
  {
    name: 'a fragment spreading itself twice',
    query: 'query { ...A } fragment A on Query { ...A ...A stats { concepts } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 5,
    maxFragments: 1,
  },
  // 400 copies of one directive on one field: one field node per analysis, validation reports the repetition.
  {
    name: 'one directive repeated 400 times on a field',
    query: `{ stats { concepts ${'@skip(if: false) '.repeat(400)}} }`,
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 2,
    maxFragments: 0,
  },
  // 500 copies (7 tokens each) pass the token limit of 3000: the parser stops before building the document.
  {
    name: 'one directive repeated 500 times (token limit)',
    query: `{ stats { concepts ${'@skip(if: false) '.repeat(500)}} }`,
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    maxNodes: 0,
    maxFragments: 0,
  },
  // The same field 1100 times: within the expansion bound, but graphql-js stops comparing the copies with each other
  // past its own budget of work, which is answered as a validation error. Analysed once, before validation.
  {
    name: 'the same field 1100 times without aliases',
    query: `{ stats { ${'concepts '.repeat(1100)}} }`,
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 1101,
    maxFragments: 0,
  },
  {
    name: 'the same field 40 times (allowed, merged into one)',
    query: `{ stats { ${'concepts '.repeat(40)}} }`,
    status: 200,
    code: undefined,
    maxNodes: 3 * 41,
    maxFragments: 0,
  },
  // The same fragment spread 1000 times, three selections each: 3000 expanded, past the bound of 1500.
  {
    name: 'one fragment spread 1000 times',
    query: `query { ${'...F '.repeat(1000)}} fragment F on Query { stats { concepts relations } }`,
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    maxNodes: 1003,
    maxFragments: 1,
  },
  {
    name: 'alias flood: 500 aliases',
    query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}:__typename`).join(' ')} }`,
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    maxNodes: 3 * 500,
    maxFragments: 0,
  },
  {
    name: 'very many root fields: 900 of them',
    query: `{ ${'__typename '.repeat(900)}}`,
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 900,
    maxFragments: 0,
  },
  {
    name: 'many different root fields: 300 of them, each with its own arguments',
    query: `{ ${Array.from({ length: 300 }, (_, i) => `concept(slug: "s${i}") { slug }`).join(' ')} }`,
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    maxNodes: 600,
    maxFragments: 0,
  },
  {
    name: 'deep introspection: 40 ofType levels',
    query: ofTypes(40),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    maxNodes: 45,
    maxFragments: 0,
  },
  // GraphiQL's own introspection query must keep working: 75 selections and 3 fragments in the text.
  {
    name: 'the standard introspection query (allowed)',
    query: INTROSPECTION,
    status: 200,
    code: undefined,
    maxNodes: 3 * 75,
    maxFragments: 2 * 3,
  },
  {
    name: 'a huge variable object nobody declared',
    query: '{ stats { concepts } }',
    variables: {
      big: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, { list: [i, i + 1, 'x'.repeat(10)] }])),
    },
    status: 200,
    code: undefined,
    maxNodes: 3 * 2,
    maxFragments: 0,
  },
  {
    name: 'a huge object for an Int variable',
    query: 'query ($n: Int) { concepts(first: $n) { totalCount } }',
    variables: { n: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])) },
    status: 400,
    code: 'BAD_USER_INPUT',
    maxNodes: 3 * 2,
    maxFragments: 0,
  },
  {
    name: 'variables nested 40000 arrays deep',
    body: `{"query":"query ($k: [ConceptKind!]) { search(query: \\"docker\\", kinds: $k) { score } }","variables":{"k":${nestedArrays(40000)}}}`,
    status: 400,
    code: 'BAD_USER_INPUT',
    maxNodes: 3 * 2,
    maxFragments: 0,
  },
  {
    name: 'a batch of two operations',
    body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    status: 400,
    code: 'BAD_REQUEST',
    maxNodes: 0,
    maxFragments: 0,
  },
  {
    name: 'a batch of 2000 operations',
    body: JSON.stringify(Array.from({ length: 2000 }, () => ({ query: '{ stats { concepts } }' }))),
    status: 400,
    code: 'BAD_REQUEST',
    maxNodes: 0,
    maxFragments: 0,
  },
];

describe('hostile requests', () => {
  const server = useTestServer();

  async function send(testCase: Case): Promise<{ status: number; code: unknown; data: unknown }> {
    const body = testCase.body ?? JSON.stringify({ query: testCase.query, variables: testCase.variables });
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const parsed = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return { status: response.status, code: parsed.errors?.[0]?.extensions?.code, data: parsed.data };
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const before = { ...analysisCounters };
    const answer = await send(testCase);
    const work = {
      nodes: analysisCounters.nodesVisited - before.nodesVisited,
      fragments: analysisCounters.fragmentsAnalysed - before.fragmentsAnalysed,
    };
    expect({ status: answer.status, code: answer.code }).toEqual({ status: testCase.status, code: testCase.code });
    if (testCase.status === 200) expect(answer.data).toBeTruthy();
    expect(work.nodes).toBeLessThanOrEqual(testCase.maxNodes);
    expect(work.fragments).toBeLessThanOrEqual(testCase.maxFragments);

    // Sent again beside a probe: the probe is answered while the hostile request is handled.
    const [again, probe] = await Promise.all([send(testCase), server.gql('{ __typename }')]);
    expect(again.code).toBe(testCase.code);
    expect(probe.body.data).toEqual({ __typename: 'Query' });
  });

  it('counts every fragment of a fan-out once, however deep: work grows with the text, not with the expansion', async () => {
    const work = async (levels: number) => {
      const before = { ...analysisCounters };
      const answer = await send({
        name: '',
        query: fanOut(levels),
        status: 400,
        code: 'QUERY_TOO_COMPLEX',
        maxNodes: 0,
        maxFragments: 0,
      });
      expect(answer.code).toBe('QUERY_TOO_COMPLEX');
      return {
        nodes: analysisCounters.nodesVisited - before.nodesVisited,
        fragments: analysisCounters.fragmentsAnalysed - before.fragmentsAnalysed,
      };
    };
    // Written out: levels + 1 fragments, 2 x levels + 3 nodes.
    expect(await work(60)).toEqual({ nodes: 123, fragments: 61 });
    expect(await work(120)).toEqual({ nodes: 243, fragments: 121 });
  });

  it('says how large the expansion is and what the bound is', async () => {
    const { body, status } = await server.gql(
      `query { ${'...F '.repeat(1000)}} fragment F on Query { stats { concepts relations } }`,
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toBe(
      'The query expands to 3000 field selections once its fragments are spread; the limit is 1500. Spread fragments fewer times, or split the query into several requests.',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      selections: 3000,
      maxSelections: 1500,
    });
  });
});
