import { createLogger } from '../src/logger';
import { connectDatabase, type Database } from '../src/neo4j/database';
import { createTestFrontend, learnerToken, minted, tampered } from './support/access';
import { accessSnapshot, addLearnerData } from './support/learner-data';
import { seedTestConfig } from './support/seed';
import { useTestServer } from './support/server';

/**
 * The isolation table: every way a credential might reach another frontend's learners, or another learner, is
 * refused with UNAUTHENTICATED or FORBIDDEN, and the learner data in the database is the same before and after.
 */

interface Frontend {
  key: string;
  frontendId: string;
  name: string;
}

let db: Database;
let a: Frontend;
let b: Frontend;
let revoked: Frontend;
const tokens: Record<string, string> = {};

const ERASE = 'mutation Erase($id: String!) { eraseLearner(learnerId: $id) { learnerId erased dataNodesRemoved } }';
const TOKEN = 'mutation Token($id: String!) { createLearnerToken(learnerId: $id) { token } }';

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), createLogger({ logLevel: 'silent', logPretty: false }));
});
afterAll(() => db?.close());

const server = useTestServer(
  {},
  {
    seed: async (running) => {
      [a, b, revoked] = await Promise.all([
        createTestFrontend('iso-a'),
        createTestFrontend('iso-b'),
        createTestFrontend('iso-revoked'),
      ]);
      await addLearnerData(db.gateway, { frontendId: a.frontendId, learnerId: 'u1' }, [
        { slug: 'container', note: 'a-u1 knows containers' },
      ]);
      await addLearnerData(db.gateway, { frontendId: a.frontendId, learnerId: 'u2' }, [
        { slug: 'image', note: 'a-u2 knows images' },
      ]);
      await addLearnerData(db.gateway, { frontendId: b.frontendId, learnerId: 'u1' }, [
        { slug: 'volume', note: 'b-u1 knows volumes' },
      ]);
      await addLearnerData(db.gateway, { frontendId: revoked.frontendId, learnerId: 'r1' }, [
        { slug: 'network', note: 'r-r1' },
      ]);
      tokens.aU1 = await learnerToken(a.key, 'u1', 300, running);
      tokens.bU1 = await learnerToken(b.key, 'u1', 300, running);
      tokens.revoked = await learnerToken(revoked.key, 'r1', 300, running);
      await db.gateway.write('MATCH (f:Frontend {id: $id}) SET f.revokedAt = datetime()', { id: revoked.frontendId });
    },
  },
);

type Attempt =
  | { via: 'graphql'; query: string; variables?: Record<string, unknown> }
  | { via: 'export'; search?: string }
  | { via: 'raw'; body: string; method?: string; url?: string };

interface Row {
  name: string;
  credential: () => string | undefined;
  attempt: Attempt;
  status: number;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_REQUEST';
}

const bearer = (credential: string) => `Bearer ${credential}`;

const TABLE: Row[] = [
  // No credential.
  {
    name: 'no credential erases',
    credential: () => undefined,
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'no credential asks for a token',
    credential: () => undefined,
    attempt: { via: 'graphql', query: TOKEN, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'no credential exports',
    credential: () => undefined,
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'no credential, an empty mutation',
    credential: () => undefined,
    attempt: { via: 'graphql', query: 'mutation { __typename }' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  // A learner token reaches its learner only, and never does what needs the key.
  {
    name: 'token of u1 erases u2 (id in the variables)',
    credential: () => bearer(tokens.aU1),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u2' } },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token of u1 erases u2 (id in the arguments)',
    credential: () => bearer(tokens.aU1),
    attempt: { via: 'graphql', query: 'mutation { eraseLearner(learnerId: "u2") { erased } }' },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token of u1 erases u1 (erasure needs the key)',
    credential: () => bearer(tokens.aU1),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token used as a key: asks for a token for u2',
    credential: () => bearer(tokens.aU1),
    attempt: { via: 'graphql', query: TOKEN, variables: { id: 'u2' } },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token used as a key: exports',
    credential: () => bearer(tokens.aU1),
    attempt: { via: 'export' },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token of u1, aliases erasing u1 and u2',
    credential: () => bearer(tokens.aU1),
    attempt: {
      via: 'graphql',
      query: 'mutation { x: eraseLearner(learnerId: "u1") { erased } y: eraseLearner(learnerId: "u2") { erased } }',
    },
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'token of u1, aliases minting tokens for u1 and u2',
    credential: () => bearer(tokens.aU1),
    attempt: {
      via: 'graphql',
      query:
        'mutation { x: createLearnerToken(learnerId: "u1") { token } y: createLearnerToken(learnerId: "u2") { token } }',
    },
    status: 403,
    code: 'FORBIDDEN',
  },
  // Tokens that are not current.
  {
    name: 'expired token',
    credential: () => bearer(minted(a.frontendId, 'u1', -1)),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token of a revoked frontend',
    credential: () => bearer(tokens.revoked),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'r1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'key of a revoked frontend erases',
    credential: () => bearer(revoked.key),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'r1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'key of a revoked frontend exports',
    credential: () => bearer(revoked.key),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  // Forged and tampered tokens.
  {
    name: 'token signed with another secret',
    credential: () => bearer(minted(a.frontendId, 'u1', 300, 'some-other-secret-of-at-least-32-chars!!')),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token of a/u1 with its learner changed to u2',
    credential: () => bearer(tampered(tokens.aU1, (p) => (p.l = 'u2'))),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u2' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token of b/u1 with its frontend changed to a',
    credential: () => bearer(tampered(tokens.bU1, (p) => (p.f = a.frontendId))),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'expired token with its expiry moved on',
    credential: () =>
      bearer(tampered(minted(a.frontendId, 'u1', -1), (p) => (p.e = Math.floor(Date.now() / 1000) + 3600))),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token without its signature',
    credential: () => bearer(tokens.aU1.slice(0, tokens.aU1.lastIndexOf('.') + 1)),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token with its signature cut short',
    credential: () => bearer(tokens.aU1.slice(0, -4)),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token with a segment added',
    credential: () => bearer(`${tokens.aU1}.x`),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token for a frontend that does not exist',
    credential: () => bearer(minted('00000000-0000-0000-0000-000000000000', 'u1', 300)),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  // Keys that are not keys.
  {
    name: 'a key dressed as a token',
    credential: () => bearer(`lt1.${a.key}`),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a key with one character changed',
    credential: () => bearer(a.key.slice(0, -1) + (a.key.endsWith('A') ? 'B' : 'A')),
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'the stored prefix of a key alone',
    credential: () => bearer(a.key.slice(0, 14)),
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a key in the Basic scheme',
    credential: () => `Basic ${Buffer.from(`x:${a.key}`).toString('base64')}`,
    attempt: { via: 'export' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'Bearer with nothing after it',
    credential: () => 'Bearer ',
    attempt: { via: 'graphql', query: ERASE, variables: { id: 'u1' } },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  // Tricks with the request itself.
  {
    name: 'a batch of two operations',
    credential: () => bearer(tokens.aU1),
    attempt: {
      via: 'raw',
      body: JSON.stringify([
        { query: ERASE, variables: { id: 'u1' } },
        { query: ERASE, variables: { id: 'u2' } },
      ]),
    },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a mutation over GET with the key',
    credential: () => bearer(a.key),
    attempt: {
      via: 'raw',
      method: 'GET',
      body: '',
      url: `?query=${encodeURIComponent('mutation { eraseLearner(learnerId: "u1") { erased } }')}`,
    },
    status: 405,
    code: 'BAD_REQUEST',
  },
];

async function send(
  row: Row,
): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] }; text: string }> {
  const credential = row.credential();
  const headers: Record<string, string> = credential === undefined ? {} : { authorization: credential };
  const attempt = row.attempt;
  if (attempt.via === 'graphql') {
    const res = await server.gql(attempt.query, attempt.variables, headers);
    return { status: res.status, body: res.body, text: JSON.stringify(res.body) };
  }
  const base = server.url.replace(/\/graphql$/, '');
  const response =
    attempt.via === 'export'
      ? await fetch(`${base}/learners/export${attempt.search ?? ''}`, { headers })
      : await fetch(`${server.url}${attempt.url ?? ''}`, {
          method: attempt.method ?? 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'yes', ...headers },
          body: attempt.method === 'GET' ? undefined : attempt.body,
        });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

describe('isolation of frontends and learners', () => {
  it.each(TABLE.map((row) => [row.name, row] as const))('%s: refused, nothing read or changed', async (_name, row) => {
    const before = await accessSnapshot(db.gateway);
    const res = await send(row);
    expect(res.status).toBe(row.status);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain(row.code);
    expect(res.body.data ?? null).toBeNull();
    // Nothing of any learner reaches the caller: no note, no learner id of another.
    for (const secret of ['a-u1 knows', 'a-u2 knows', 'b-u1 knows', 'r-r1']) expect(res.text).not.toContain(secret);
    expect(res.text).not.toMatch(/lt1\.[A-Za-z0-9_-]{20}/);
    expect(await accessSnapshot(db.gateway)).toEqual(before);
  });

  it("another frontend naming the same learner id reaches its own learner, never the first frontend's", async () => {
    const before = await accessSnapshot(db.gateway);
    const res = await server.gql<{ eraseLearner: { erased: boolean; dataNodesRemoved: number } }>(
      ERASE,
      { id: 'u2' },
      { authorization: bearer(b.key) },
    );
    expect(res.status).toBe(200);
    // b has no u2: nothing is erased, and a's u2 is untouched.
    expect(res.body.data?.eraseLearner).toEqual({ learnerId: 'u2', erased: false, dataNodesRemoved: 0 });
    expect(await accessSnapshot(db.gateway)).toEqual(before);
  });

  it("an export shows the calling frontend's learners only", async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/learners/export`, { headers: { authorization: bearer(b.key) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = (await res.json()) as {
      frontend: unknown;
      learners: { learnerId: string; data: { labels: string[]; properties: Record<string, unknown> }[] }[];
    };
    expect(body.frontend).toEqual({ id: b.frontendId, name: b.name });
    expect(body.learners.map((l) => l.learnerId)).toEqual(['u1']);
    expect(body.learners[0].data).toEqual([
      {
        labels: ['ProbeNote'],
        properties: { frontendId: b.frontendId, learnerId: 'u1', slug: 'volume', note: 'b-u1 knows volumes' },
      },
    ]);
  });

  it('a learner token sees nothing in the errors of a refused request that the request did not send', async () => {
    const res = await server.gql(ERASE, { id: 'u2' }, { authorization: bearer(tokens.aU1) });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.body)).not.toContain(a.frontendId);
  });
});
