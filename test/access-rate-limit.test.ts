import { createTestFrontend, learnerToken } from './support/access';
import { useTestServer } from './support/server';

/** Per-credential rate limits at the HTTP boundary: 429 with Retry-After, reads and writes apart, public untouched. */

let key: string;
const server = useTestServer(
  { RATE_LIMIT_READS_PER_MINUTE: '3', RATE_LIMIT_WRITES_PER_MINUTE: '2' },
  {
    seed: async () => {
      ({ key } = await createTestFrontend('limits'));
    },
  },
);

const READ = '{ stats { concepts } }';
const WRITE = 'mutation { createLearnerToken(learnerId: "u1") { token } }';

describe('rate limits', () => {
  it('refuse the fourth read of a minute with 429 and Retry-After, running nothing', async () => {
    const auth = { authorization: `Bearer ${key}` };
    for (let i = 0; i < 3; i += 1) expect((await server.gql(READ, {}, auth)).status).toBe(200);
    const refused = await server.gql(READ, {}, auth);
    expect(refused.status).toBe(429);
    // One read comes back every 20 s; the time the three reads took has refilled part of one already.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(refused.body.errors?.[0].message).toContain('the limit is 3 per minute');
  });

  it('count writes apart from reads', async () => {
    const auth = { authorization: `Bearer ${key}` };
    for (let i = 0; i < 2; i += 1) expect((await server.gql(WRITE, {}, auth)).status).toBe(200);
    const refused = await server.gql(WRITE, {}, auth);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
  });

  it('give a learner token its own budget', async () => {
    const other = await createTestFrontend('limits-token');
    const token = await learnerToken(other.key, 'u1', undefined, server);
    for (let i = 0; i < 3; i += 1)
      expect((await server.gql(READ, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await server.gql(READ, {}, { authorization: `Bearer ${token}` })).status).toBe(429);
    // The frontend's own key still has its reads.
    expect((await server.gql(READ, {}, { authorization: `Bearer ${other.key}` })).status).toBe(200);
  });

  it('leave public reads alone', async () => {
    for (let i = 0; i < 6; i += 1) expect((await server.gql(READ)).status).toBe(200);
  });
});
