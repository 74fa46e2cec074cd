import { createLogger } from '../src/logger';
import { connectDatabase, type Database } from '../src/neo4j/database';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { createTestFrontend } from './support/access';
import { accessSnapshot, addLearnerData } from './support/learner-data';
import { restoreShippedSeed, seedTestConfig } from './support/seed';
import { useTestServer } from './support/server';

/** Erasing a learner removes every trace of them and nothing else; the export holds what is stored; re-seeding keeps it. */

let db: Database;
let front: { key: string; frontendId: string; name: string };
let base: string;

const ERASE = 'mutation Erase($id: String!) { eraseLearner(learnerId: $id) { learnerId erased dataNodesRemoved } }';

async function countOf(learnerId: string): Promise<{ learners: number; data: number }> {
  const rows = await db.gateway.read(
    `RETURN COUNT { (l:Learner {frontendId: $f, learnerId: $l}) } AS learners, COUNT { (d:LearnerData {frontendId: $f, learnerId: $l}) } AS data`,
    { f: front.frontendId, l: learnerId },
  );
  return { learners: Number(rows[0].learners), data: Number(rows[0].data) };
}

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), createLogger({ logLevel: 'silent', logPretty: false }));
});
afterAll(() => db?.close());

const server = useTestServer(
  {},
  {
    seed: async (running) => {
      base = running.url.replace(/\/graphql$/, '');
      front = await createTestFrontend('erase');
      await addLearnerData(db.gateway, { frontendId: front.frontendId, learnerId: 'stay' }, [
        { slug: 'container', note: 'kept' },
      ]);
      await addLearnerData(db.gateway, { frontendId: front.frontendId, learnerId: 'go' }, [
        { slug: 'image', note: 'first' },
        { slug: 'volume', note: 'second' },
        { slug: 'a-concept-no-longer-seeded', note: 'third' },
      ]);
    },
  },
);

describe('eraseLearner', () => {
  it('removes the learner and every node of their data, and nothing of anyone else', async () => {
    // Everything but the erased learner's nodes, and the frontend without its edge to them.
    const others = (await accessSnapshot(db.gateway))
      .filter((line) => !line.includes('"go"'))
      .map((line) => line.replace('"HAS_LEARNER>go",', ''));
    const res = await server.gql(ERASE, { id: 'go' }, { authorization: `Bearer ${front.key}` });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ eraseLearner: { learnerId: 'go', erased: true, dataNodesRemoved: 3 } });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await countOf('go')).toEqual({ learners: 0, data: 0 });
    expect(await accessSnapshot(db.gateway)).toEqual(others);
  });

  it('is idempotent: erasing again succeeds and removes nothing', async () => {
    const before = await accessSnapshot(db.gateway);
    const res = await server.gql(ERASE, { id: 'go' }, { authorization: `Bearer ${front.key}` });
    expect(res.body.data).toEqual({ eraseLearner: { learnerId: 'go', erased: false, dataNodesRemoved: 0 } });
    expect(await accessSnapshot(db.gateway)).toEqual(before);
  });

  it.each([[''], ['x'.repeat(129)], ['tab\there'], [' padded']])(
    'refuses the learner id %j with BAD_USER_INPUT naming learnerId',
    async (id) => {
      const res = await server.gql(ERASE, { id }, { authorization: `Bearer ${front.key}` });
      expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'learnerId' });
      expect(await countOf('stay')).toEqual({ learners: 1, data: 1 });
    },
  );
});

describe('GET /learners/export', () => {
  it('holds every learner of the frontend with their data as stored', async () => {
    const res = await fetch(`${base}/learners/export`, { headers: { authorization: `Bearer ${front.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown> & { learners: { createdAt: string }[] };
    expect(body.frontend).toEqual({ id: front.frontendId, name: front.name });
    expect(body.learners).toHaveLength(1);
    expect(body.learners[0]).toEqual({
      learnerId: 'stay',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      data: [
        {
          labels: ['ProbeNote'],
          properties: { frontendId: front.frontendId, learnerId: 'stay', slug: 'container', note: 'kept' },
        },
      ],
    });
  });

  it('pages through many learners in learner id order, and ?learnerId= picks one', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    await db.gateway.write(
      `MATCH (f:Frontend {id: $f}) UNWIND $ids AS id
       CREATE (f)-[:HAS_LEARNER]->(l:Learner {frontendId: $f, learnerId: id, createdAt: datetime()})
       CREATE (l)-[:HOLDS]->(:LearnerData:ProbeNote {frontendId: $f, learnerId: id, slug: 'container', note: id})`,
      { f: front.frontendId, ids },
    );
    const res = await fetch(`${base}/learners/export`, { headers: { authorization: `Bearer ${front.key}` } });
    const body = (await res.json()) as { learners: { learnerId: string; data: { properties: { note: string } }[] }[] };
    expect(body.learners.map((l) => l.learnerId)).toEqual([...ids, 'stay']);
    expect(body.learners[449].data[0].properties.note).toBe('bulk-449');
    const one = await fetch(`${base}/learners/export?learnerId=bulk-007`, {
      headers: { authorization: `Bearer ${front.key}` },
    });
    expect(((await one.json()) as { learners: { learnerId: string }[] }).learners.map((l) => l.learnerId)).toEqual([
      'bulk-007',
    ]);
  });

  it('refuses a malformed ?learnerId= with BAD_USER_INPUT', async () => {
    const res = await fetch(`${base}/learners/export?learnerId=a&learnerId=b`, {
      headers: { authorization: `Bearer ${front.key}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'learnerId',
    });
  });
});

describe('re-seeding', () => {
  afterAll(() => restoreShippedSeed(db.gateway));

  it('never touches frontends, learners or learner data, even with --reset', async () => {
    const before = await accessSnapshot(db.gateway);
    expect(before.some((line) => line.includes('"stay"'))).toBe(true);
    await syncSeed(db.gateway, checkSeed(seedTestConfig().seed.dir), { reset: true });
    expect(await accessSnapshot(db.gateway)).toEqual(before);
  });
});
