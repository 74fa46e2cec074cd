import { AccessRepository } from '../src/access/access.repository';
import { ConfigError, DEFAULT_DEV_FRONTEND_KEY, loadConfig } from '../src/config';
import { startTestServer, type TestServer } from './support/server';

/** The development frontend and its demo learner: made on a development start, absent from production. */
describe('a development start', () => {
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await startTestServer({ DEV_DEMO: 'true', NEO4J_QUERY_TIMEOUT_MS: '60000' });
    origin = new URL(server.url).origin;
  });
  afterAll(() => server?.stop());

  it('hands the pages the development key and the demo learner, never to be cached', async () => {
    const res = await fetch(`${origin}/dev/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      frontend: 'development',
      key: 'atlas_development-only-key-not-for-production-use',
      learnerId: 'demo',
    });
  });

  it('hands a page a short-lived token for the demo learner only, never the key', async () => {
    const before = Date.now();
    const res = await fetch(`${origin}/dev/demo/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(DEFAULT_DEV_FRONTEND_KEY);
    const issued = JSON.parse(text) as { learnerId: string; token: string; expiresAt: string };
    expect(Object.keys(issued).sort()).toEqual(['expiresAt', 'learnerId', 'token']);
    expect(issued.learnerId).toBe('demo');
    expect(issued.token).toMatch(/^lt1\./);
    // LEARNER_TOKEN_TTL_SECONDS is 900 unless set, whole seconds.
    const lifetime = (Date.parse(issued.expiresAt) - before) / 1000;
    expect(lifetime).toBeGreaterThan(898);
    expect(lifetime).toBeLessThanOrEqual(901);

    const bearer = { authorization: `Bearer ${issued.token}` };
    const own = await server.gql<{ learner: { id: string } }>('{ learner(id: "demo") { id } }', {}, bearer);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?.learner.id).toBe('demo');
    const other = await server.gql('{ learner(id: "someone-else") { id } }', {}, bearer);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mint = await server.gql('mutation { createLearnerToken(learnerId: "demo") { token } }', {}, bearer);
    expect(mint.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The explorer's page says it may offer the progress view.
    expect(await (await fetch(`${origin}/explore`)).text()).toContain('<body data-dev-demo="on" ');
  });

  it('gives the demo learner a concept in every state, two reviews due, and lets the key in', async () => {
    const res = await server.gql<{
      learner: {
        progress: { summary: Record<string, number>; edges: { node: { slug: string; state: string } }[] };
        dueReviews: { edges: { node: { slug: string } }[] };
      };
    }>(
      `{ learner(id: "demo") {
        progress(first: 100, state: null) { summary { learning review mastered } edges { node { slug state } } }
        dueReviews { edges { node { slug } } }
      } }`,
      {},
      { authorization: `Bearer ${DEFAULT_DEV_FRONTEND_KEY}` },
    );
    expect(res.body.errors).toBeUndefined();
    const learner = res.body.data!.learner;
    const states = Object.fromEntries(
      learner.progress.edges.filter((e) => e.node.state !== 'NEW').map((e) => [e.node.slug, e.node.state]),
    );
    expect(states).toEqual({
      container: 'LEARNING',
      isolation: 'REVIEW',
      kernel: 'MASTERED',
      'operating-system': 'REVIEW',
      process: 'MASTERED',
    });
    expect(learner.progress.summary).toEqual({ learning: 1, review: 2, mastered: 2 });
    expect(learner.dueReviews.edges.map((e) => e.node.slug).sort()).toEqual(['container', 'isolation']);
  });

  it('replays the demo reviews on a restart instead of adding more', async () => {
    const again = await startTestServer({ DEV_DEMO: 'true', NEO4J_QUERY_TIMEOUT_MS: '60000' });
    try {
      const res = await again.gql<{ learner: { history: { totalCount: number } } }>(
        '{ learner(id: "demo") { history { totalCount } } }',
        {},
        {
          authorization: `Bearer ${DEFAULT_DEV_FRONTEND_KEY}`,
        },
      );
      expect(res.body.data?.learner.history.totalCount).toBe(7);
    } finally {
      await again.stop();
    }
  });
});

describe('a production start', () => {
  it('makes no development frontend: the route is absent and the default key lets nobody in', async () => {
    const server = await startTestServer({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    try {
      // The development starts above made the frontend in this shared database: revoke it, start again in
      // production, and the key must stay refused.
      const access = new AccessRepository(server.atlas.database.gateway);
      await access.revoke('development');
      const again = await startTestServer({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
      try {
        expect(again.config.demo).toBeNull();
        expect((await fetch(`${new URL(again.url).origin}/dev/demo`)).status).toBe(404);
        expect((await fetch(`${new URL(again.url).origin}/dev/demo/token`, { method: 'POST' })).status).toBe(404);
        const page = await (await fetch(`${new URL(again.url).origin}/explore`)).text();
        expect(page).toContain('id="progress-toggle"');
        expect(page).not.toContain('data-dev-demo');
        const active = (await access.listFrontends()).filter((f) => f.name === 'development' && f.revokedAt === null);
        expect(active).toEqual([]);
        const asked = await again.gql(
          '{ learner(id: "demo") { id } }',
          {},
          { authorization: `Bearer ${DEFAULT_DEV_FRONTEND_KEY}` },
        );
        expect(asked.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await again.stop();
      }
      // A development start after that makes the frontend again, and its key works again.
      const development = await startTestServer({ DEV_DEMO: 'true', NEO4J_QUERY_TIMEOUT_MS: '60000' });
      try {
        const back = await development.gql<{ learner: { id: string } }>(
          '{ learner(id: "demo") { id } }',
          {},
          { authorization: `Bearer ${DEFAULT_DEV_FRONTEND_KEY}` },
        );
        expect(back.body.errors).toBeUndefined();
        expect(back.body.data?.learner.id).toBe('demo');
      } finally {
        await development.stop();
      }
    } finally {
      await server.stop();
    }
  });

  it('refuses the development settings instead of ignoring them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_DEMO: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_DEMO: 'true' })).toThrow(/DEV_DEMO.*development only/);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_FRONTEND_KEY: DEFAULT_DEV_FRONTEND_KEY })).toThrow(
      /DEV_FRONTEND_KEY.*development only/,
    );
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).demo).toBeNull();
    expect(loadConfig({ NODE_ENV: 'development' }).demo).toEqual({
      frontendKey: DEFAULT_DEV_FRONTEND_KEY,
      learnerId: 'demo',
    });
    expect(() => loadConfig({ NODE_ENV: 'development', DEV_FRONTEND_KEY: 'short' })).toThrow(/DEV_FRONTEND_KEY/);
  });
});
