import { randomUUID } from 'node:crypto';

import { syncSeed } from '../src/seed/seed.sync';
import type { SeedContent } from '../src/seed/seed.types';
import { checkSeed } from '../src/seed/seed.validate';
import { createTestFrontend } from './support/access';
import { restoreShippedSeed, seedTestConfig } from './support/seed';
import { useTestServer } from './support/server';

/** Learner data lives beside the graph: no re-seed touches it, and a concept that leaves the seed reads as retired. */
let key: string;
let frontendId: string;
const learner = `u-${randomUUID()}`;
// `parallelism` is learned right after `process`, nothing is learned after it and no comparison names it.
const LEAVING = 'parallelism';

const db = () => server.atlas.database.gateway;

// The first write of a fresh database plans its statements; on a busy machine that can pass a request's timeout.
const server = useTestServer(
  { SEED_ON_START: 'false', NEO4J_QUERY_TIMEOUT_MS: '60000' },
  {
    seed: async (running) => {
      ({ key, frontendId } = await createTestFrontend('reseed'));
      for (const [concept, rating] of [
        ['process', 'EASY'],
        [LEAVING, 'GOOD'],
        [LEAVING, 'EASY'],
      ]) {
        const res = await running.gql(
          'mutation R($input: ReviewConceptInput!) { reviewConcept(input: $input) { review { number } } }',
          { input: { learnerId: learner, concept, rating, idempotencyKey: randomUUID() } },
          { authorization: `Bearer ${key}` },
        );
        expect(res.body.errors).toBeUndefined();
      }
    },
    cleanup: (running) => restoreShippedSeed(running.atlas.database.gateway),
  },
);

/** Every Frontend, Learner and LearnerData node of this frontend with all its properties, and their relationships. */
async function learnerNodes(): Promise<string[]> {
  const rows = await db().read(
    `MATCH (n) WHERE (n:Frontend AND n.id = $frontendId) OR ((n:Learner OR n:LearnerData) AND n.frontendId = $frontendId)
     OPTIONAL MATCH (n)-[r]->(m)
     RETURN labels(n) AS labels, properties(n) AS props, collect(type(r) + ' ' + coalesce(m.concept, m.learnerId, '')) AS out`,
    { frontendId },
  );
  return rows
    .map((row) =>
      JSON.stringify([
        [...(row.labels as string[])].sort(),
        Object.entries(row.props as object)
          .map(([k, v]) => [k, String(v)])
          .sort(),
        [...(row.out as string[])].sort(),
      ]),
    )
    .sort();
}

function without(content: SeedContent, slug: string): SeedContent {
  const smaller = structuredClone(content);
  smaller.concepts = smaller.concepts.filter((c) => c.slug !== slug);
  smaller.relations = smaller.relations.filter((r) => r.from !== slug && r.to !== slug);
  return smaller;
}

interface LearnerView {
  progress: {
    summary: { total: number; retired: number; review: number };
    edges: {
      node: { slug: string; state: string; retired: boolean; concept: { slug: string } | null; reviews: number };
    }[];
  };
  history: { totalCount: number; edges: { node: { slug: string; concept: { slug: string } | null } }[] };
  nextConcepts: { edges: { node: { concept: { slug: string } } }[] };
}

async function view(): Promise<LearnerView> {
  const res = await server.gql<{ learner: LearnerView }>(
    `query L($id: ID!) { learner(id: $id) {
      progress(first: 100, state: REVIEW) { summary { total retired review } edges { node { slug state retired concept { slug } reviews } } }
      history { totalCount edges { node { slug concept { slug } } } }
      nextConcepts(first: 100) { edges { node { concept { slug } } } }
    } }`,
    { id: learner },
    { authorization: `Bearer ${key}` },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.learner;
}

describe('re-seeding with learner data present', () => {
  it('leaves every frontend, learner and learner data node as it was, and a removed concept reads as retired', async () => {
    const before = await learnerNodes();
    // A Frontend, a Learner, two ConceptMemory and three Review nodes.
    expect(before).toHaveLength(7);
    const shipped = checkSeed(seedTestConfig().seed.dir);

    await syncSeed(db(), without(shipped, LEAVING));
    expect(await learnerNodes()).toEqual(before);
    const gone = await view();
    expect(gone.progress.summary).toEqual({ total: 112, retired: 1, review: 1 });
    expect(gone.progress.edges.map((e) => e.node)).toEqual([
      { slug: 'process', state: 'REVIEW', retired: false, concept: { slug: 'process' }, reviews: 1 },
      { slug: LEAVING, state: 'REVIEW', retired: true, concept: null, reviews: 2 },
    ]);
    expect(gone.history.totalCount).toBe(3);
    expect(gone.history.edges.map((e) => `${e.node.slug} ${e.node.concept?.slug ?? 'retired'}`)).toEqual([
      `${LEAVING} retired`,
      `${LEAVING} retired`,
      'process process',
    ]);
    expect(gone.nextConcepts.edges.map((e) => e.node.concept.slug)).not.toContain(LEAVING);

    // A reset re-seed deletes everything the seeder owns first; learner data is not the seeder's.
    await syncSeed(db(), shipped, { reset: true });
    expect(await learnerNodes()).toEqual(before);
    const back = await view();
    expect(back.progress.summary).toEqual({ total: 113, retired: 0, review: 2 });
    expect(back.progress.edges.map((e) => `${e.node.slug} ${e.node.retired}`)).toEqual([
      'parallelism false',
      'process false',
    ]);
  });

  it('a retired concept cannot be reviewed any more: NOT_FOUND, nothing recorded', async () => {
    await syncSeed(db(), without(checkSeed(seedTestConfig().seed.dir), LEAVING));
    const res = await server.gql(
      'mutation R($input: ReviewConceptInput!) { reviewConcept(input: $input) { review { number } } }',
      { input: { learnerId: learner, concept: LEAVING, rating: 'GOOD', idempotencyKey: randomUUID() } },
      { authorization: `Bearer ${key}` },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'concept' });
    expect((await view()).history.totalCount).toBe(3);
  });
});
