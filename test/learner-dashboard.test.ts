import { randomUUID } from 'node:crypto';

import neo4j from 'neo4j-driver';

import { LearnerRepository } from '../src/learner/learner.repository';
import { ReviewRating } from '../src/learner/memory.model';
import { createTestFrontend } from './support/access';
import { useTestServer } from './support/server';

/**
 * A learner dashboard costs one round trip, whatever other learners hold, and the graph's part the server keeps
 * between requests follows the graph: a concept added or a seed run is seen by the next request.
 */
let key: string;
let frontendId: string;
let otherFrontendId: string;
const DAY = 86_400_000;
const learner = `u-${randomUUID()}`;

const db = () => server.atlas.database.gateway;

// The first write of a fresh database plans its statements; on a busy machine that can pass a request's timeout.
const server = useTestServer(
  { NEO4J_QUERY_TIMEOUT_MS: '60000' },
  {
    seed: async () => {
      ({ key, frontendId } = await createTestFrontend('dashboard'));
      ({ frontendId: otherFrontendId } = await createTestFrontend('dashboard-other'));
      const repo = new LearnerRepository(db());
      // kernel is due (20 days after an EASY review), process known and not due, signal in its learning steps (GOOD
      // on a new concept: due again in 10 minutes, long after this file has run).
      for (const [concept, rating, daysAgo] of [
        ['kernel', ReviewRating.EASY, 20],
        ['process', ReviewRating.EASY, 1],
        ['signal', ReviewRating.GOOD, 0],
      ] as const) {
        const outcome = await repo.review(
          { frontendId, learnerId: learner },
          { concept, rating, idempotencyKey: randomUUID(), source: { kind: 'SELF' } },
          () => new Date(Date.now() - daysAgo * DAY),
        );
        expect(outcome.kind).toBe('written');
      }
    },
    cleanup: async (running) => {
      await running.atlas.database.gateway.write(
        'MATCH (n) WHERE (n:Learner OR n:LearnerData) AND n.frontendId IN $ids DETACH DELETE n',
        { ids: [frontendId, otherFrontendId] },
      );
    },
  },
);

// What the playground's learner tab asks, without the values that move with the clock (retrievability).
const DASHBOARD = `query Dashboard($id: ID!) { learner(id: $id) {
  progress(first: 5) { totalCount summary { new learning review mastered total retired percent }
    edges { node { slug state stability difficulty due lastReview reviews } } pageInfo { hasNextPage endCursor } }
  sections(first: 3) { totalCount edges { node { section total new learning review mastered percent } } }
  dueReviews(first: 5) { totalCount edges { node { slug state due } } }
  nextConcepts(first: 5, goal: "sigkill") { totalCount edges { node { concept { slug name } state towardGoal unlocks } } }
} }`;

async function dashboard(id = learner): Promise<{ data: unknown; roundTrips: number }> {
  const res = await server.gql<{ learner: unknown }>(DASHBOARD, { id }, { authorization: `Bearer ${key}` });
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data!.learner, roundTrips: Number(res.headers.get('x-db-round-trips')) };
}

/** New learners of a frontend, each with a memory of the first `memories` concepts, stored as the API stores them. */
async function manyLearners(frontend: string, ids: string[], memories: number): Promise<void> {
  const now = Date.now();
  // In batches, and with CREATE (every node is new), so a busy machine writes them well within the test's time.
  for (let start = 0; start < ids.length; start += 50) {
    await db().write(
      `MATCH (f:Frontend {id: $frontend})
       CALL () { MATCH (c:Concept) RETURN c.slug AS slug ORDER BY slug LIMIT $memories }
       WITH f, collect(slug) AS slugs
       UNWIND $ids AS learnerId
       CREATE (f)-[:HAS_LEARNER]->(l:Learner {frontendId: $frontend, learnerId: learnerId, createdAt: datetime()})
       WITH l, learnerId, slugs
       UNWIND slugs AS concept
       CREATE (l)-[:REMEMBERS]->(:ConceptMemory:LearnerData {frontendId: $frontend, learnerId: learnerId,
         concept: concept, phase: 'REVIEW', stability: 30.0, difficulty: 4.0, reps: 4, lapses: 0, learningSteps: 0,
         scheduledDays: 30, due: datetime({epochMillis: $now - $day}),
         lastReview: datetime({epochMillis: $now - 31 * $day}), firstReview: datetime({epochMillis: $now - 60 * $day})})`,
      {
        frontend,
        ids: ids.slice(start, start + 50),
        memories: neo4j.int(memories),
        now: neo4j.int(now),
        day: neo4j.int(DAY),
      },
    );
  }
}

describe('a learner dashboard', () => {
  it('is one round trip, and its answer is the one worked out by hand', async () => {
    const { data, roundTrips } = await dashboard();
    expect(roundTrips).toBe(1);
    const shown = data as {
      progress: { totalCount: number; summary: Record<string, number> };
      dueReviews: { edges: { node: { slug: string } }[] };
      nextConcepts: { edges: { node: { concept: { slug: string }; towardGoal: boolean; unlocks: number } }[] };
    };
    expect(shown.progress.totalCount).toBe(113);
    expect(shown.progress.summary).toEqual({
      new: 110,
      learning: 1,
      review: 2,
      mastered: 0,
      total: 113,
      retired: 0,
      percent: 1.8,
    });
    expect(shown.dueReviews.edges.map((e) => e.node.slug)).toEqual(['kernel']);
    // From the seed's learning order: process known opens signal (still learning, and toward sigkill, so first),
    // application (6 learned after it), isolation (4), distributed-system (2)...; kernel known opens user-space (5:
    // operating-system, linux-container, user-space-isolation, linux-distribution, single-address-space) and
    // linux-kernel (3).
    expect(
      shown.nextConcepts.edges.map((e) => `${e.node.concept.slug} ${e.node.towardGoal} ${e.node.unlocks}`),
    ).toEqual([
      'signal true 4',
      'application false 6',
      'user-space false 5',
      'isolation false 4',
      'linux-kernel false 3',
    ]);
  });

  it('does not change, in answer or round trips, when many other learners hold many memories', async () => {
    const before = await dashboard();
    // 300 learners of the same frontend and 300 of another, one of them with the same id, 100 memories each.
    const ids = Array.from({ length: 300 }, (_, i) => `other-${i}`);
    await manyLearners(frontendId, ids, 100);
    await manyLearners(otherFrontendId, [...ids.slice(1), learner], 100);
    const [{ count }] = await db().read('MATCH (m:ConceptMemory) WHERE m.frontendId IN $ids RETURN count(m) AS count', {
      ids: [frontendId, otherFrontendId],
    });
    expect(count).toBe(60_003);
    const after = await dashboard();
    expect(after.data).toEqual(before.data);
    expect(after.roundTrips).toBe(1);
  }, 240_000);

  it('follows the graph: a concept added is counted by the next request, and a seed run is seen at once', async () => {
    const total = async () =>
      ((await dashboard()).data as { progress: { totalCount: number; summary: { total: number } } }).progress;
    try {
      await db().write(
        "CREATE (:Concept {slug: 'zz-dashboard-probe', kind: 'TERM', nameEn: 'probe', nameKo: 'probe', source: 'Probe section', origin: 'test'})",
      );
      expect(await total()).toMatchObject({ totalCount: 114, summary: { total: 114 } });
    } finally {
      await db().write("MATCH (c:Concept {slug: 'zz-dashboard-probe'}) DETACH DELETE c");
    }
    expect(await total()).toMatchObject({ totalCount: 113, summary: { total: 113 } });

    // A seed run that only renames a section: the counts stay, the seed's time moves.
    const sections = async () =>
      ((await dashboard()).data as { sections: { edges: { node: { section: string } }[] } }).sections.edges.map(
        (e) => e.node.section,
      );
    const [{ source }] = await db().read("MATCH (c:Concept {slug: 'kernel'}) RETURN c.source AS source");
    try {
      await db().write(
        `MATCH (c:Concept {source: $source}) SET c.source = '0 Renamed section'
         WITH count(c) AS renamed MATCH (s:SeedState {key: 'seed'}) SET s.seededAt = datetime()`,
        { source },
      );
      expect((await sections())[0]).toBe('0 Renamed section');
    } finally {
      await db().write(
        `MATCH (c:Concept {source: '0 Renamed section'}) SET c.source = $source
         WITH count(c) AS renamed MATCH (s:SeedState {key: 'seed'}) SET s.seededAt = datetime()`,
        { source },
      );
    }
    expect(await sections()).not.toContain('0 Renamed section');
  });
});
