import { useTestServer } from './support/server';
import { createTestFrontend, learnerToken } from './support/access';

/** Frontend keys and learner tokens at the HTTP boundary: what each credential gets, and what a bad one gets. */
describe('credentials', () => {
  const server = useTestServer(
    {},
    {
      seed: async () => {
        ({ key } = await createTestFrontend('credentials'));
      },
    },
  );
  let key: string;

  const TOKEN =
    'mutation T($id: String!, $ttl: Int) { createLearnerToken(learnerId: $id, ttlSeconds: $ttl) { token learnerId expiresAt } }';

  it('a frontend key issues a token for one of its learners, expiring when asked', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await server.gql<{ createLearnerToken: { token: string; learnerId: string; expiresAt: string } }>(
      TOKEN,
      { id: 'u-1', ttl: 120 },
      { authorization: `Bearer ${key}` },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const issued = res.body.data!.createLearnerToken;
    expect(issued.learnerId).toBe('u-1');
    expect(issued.token.startsWith('lt1.')).toBe(true);
    const expires = Date.parse(issued.expiresAt) / 1000;
    expect(expires).toBeGreaterThanOrEqual(before + 120);
    expect(expires).toBeLessThanOrEqual(before + 122);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('the helper gets a token through the API', async () => {
    const token = await learnerToken(key, 'u-2');
    expect(token).toMatch(/^lt1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('a mutation without a credential is UNAUTHENTICATED with 401', async () => {
    const res = await server.gql(TOKEN, { id: 'u-1' });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="container-atlas"');
  });

  it('an unknown key is UNAUTHENTICATED with 401 before anything runs', async () => {
    const res = await server.gql('{ stats { concepts } }', {}, { authorization: `Bearer atlas_${'A'.repeat(43)}` });
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('a public query with a valid key answers as without one, but privately', async () => {
    const open = await server.gql<{ concept: { slug: string } }>('{ concept(slug: "docker-kill") { slug } }');
    const keyed = await server.gql<{ concept: { slug: string } }>(
      '{ concept(slug: "docker-kill") { slug } }',
      {},
      { authorization: `Bearer ${key}` },
    );
    expect(keyed.body).toEqual(open.body);
    expect(keyed.body.data?.concept.slug).toBe('docker-kill');
    expect(open.headers.get('cache-control')).toMatch(/public/);
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
  });
});
