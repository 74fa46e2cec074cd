import { randomUUID } from 'node:crypto';

import { LearnerRepository } from '../src/learner/learner.repository';
import { ReviewRating } from '../src/learner/memory.model';
import { createTestFrontend } from './support/access';
import { useTestServer } from './support/server';

/**
 * What a frontend asks about a learner, against the shipped seed, with expectations worked out by hand from the
 * seed files. The learning order there: only `process` (8 concepts are learned right after it) and `kernel` (3)
 * require nothing; right after `process` come application (6 after it), isolation (4), signal (4),
 * distributed-system (2), main-process (1) and parallelism (0), which need nothing else; sigkill needs signal.
 */
let key: string;
let frontendId: string;

// The first write of a fresh database plans its statements; on a busy machine that can pass a request's timeout.
const server = useTestServer(
  { NEO4J_QUERY_TIMEOUT_MS: '60000' },
  {
    seed: async () => {
      ({ key, frontendId } = await createTestFrontend('queries'));
    },
  },
);

const DAY = 86_400_000;

async function ask<T>(query: string, variables: Record<string, unknown>) {
  const res = await server.gql<{ learner: T }>(query, variables, { authorization: `Bearer ${key}` });
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data!.learner, headers: res.headers };
}

/** Records reviews as if made at the given times (days from now), through the same repository the API uses. */
async function reviewed(learnerId: string, reviews: [concept: string, rating: ReviewRating, daysAgo: number][]) {
  const repo = new LearnerRepository(server.atlas.database.gateway);
  for (const [concept, rating, daysAgo] of reviews) {
    const outcome = await repo.review(
      { frontendId, learnerId },
      { concept, rating, idempotencyKey: randomUUID(), source: { kind: 'SELF' } },
      () => new Date(Date.now() - daysAgo * DAY),
    );
    expect(outcome.kind).toBe('written');
  }
}

describe('a learner who knows nothing yet', () => {
  it('has every concept NEW, nothing due, and the two starting points to learn next', async () => {
    const { data } = await ask<{
      progress: { totalCount: number; summary: Record<string, number> };
      dueReviews: { totalCount: number };
      nextConcepts: { edges: { node: { concept: { slug: string }; unlocks: number; state: string } }[] };
      history: { totalCount: number };
    }>(
      `query L($id: ID!) { learner(id: $id) {
        progress(first: 0) { totalCount summary { new learning review mastered total retired percent } }
        dueReviews { totalCount }
        nextConcepts { edges { node { concept { slug } unlocks state } } }
        history { totalCount }
      } }`,
      { id: `u-${randomUUID()}` },
    );
    expect(data.progress.totalCount).toBe(113);
    expect(data.progress.summary).toEqual({
      new: 113,
      learning: 0,
      review: 0,
      mastered: 0,
      total: 113,
      retired: 0,
      percent: 0,
    });
    expect(data.dueReviews.totalCount).toBe(0);
    expect(data.nextConcepts.edges.map((e) => e.node)).toEqual([
      { concept: { slug: 'process' }, unlocks: 8, state: 'NEW' },
      { concept: { slug: 'kernel' }, unlocks: 3, state: 'NEW' },
    ]);
    expect(data.history.totalCount).toBe(0);
  });
});

describe('a learner who knows `process`', () => {
  const learner = `u-${randomUUID()}`;
  beforeAll(() => reviewed(learner, [['process', ReviewRating.EASY, 0]]));

  it('progress counts it as known, and per section as a share of the section', async () => {
    const { data } = await ask<{
      progress: { summary: Record<string, number>; edges: { node: { slug: string; state: string } }[] };
      sections: {
        totalCount: number;
        edges: { node: { section: string; total: number; new: number; review: number; percent: number } }[];
      };
    }>(
      `query L($id: ID!) { learner(id: $id) {
        progress(state: REVIEW) { summary { new review total percent } edges { node { slug state } } }
        sections(first: 100) { totalCount edges { node { section total new review percent } } }
      } }`,
      { id: learner },
    );
    expect(data.progress.summary).toEqual({ new: 112, review: 1, total: 113, percent: 0.9 });
    expect(data.progress.edges.map((e) => e.node)).toEqual([{ slug: 'process', state: 'REVIEW' }]);
    const sections = new Map(data.sections.edges.map((e) => [e.node.section, e.node]));
    expect(sections.get('Container and Docker > Application Container')).toEqual({
      section: 'Container and Docker > Application Container',
      total: 13,
      new: 12,
      review: 1,
      percent: 7.7,
    });
    expect(sections.get('Lifecycle of Docker Container > 4. Commit')).toEqual({
      section: 'Lifecycle of Docker Container > 4. Commit',
      total: 2,
      new: 2,
      review: 0,
      percent: 0,
    });
    expect(data.sections.totalCount).toBe(16);
  });

  it('next concepts: what `process` opens, the most opening first; toward sigkill, signal first', async () => {
    const { data } = await ask<{
      free: {
        totalCount: number;
        edges: { node: { concept: { slug: string }; unlocks: number; towardGoal: boolean } }[];
      };
      goal: { edges: { node: { concept: { slug: string }; towardGoal: boolean } }[] };
    }>(
      `query L($id: ID!) { learner(id: $id) {
        free: nextConcepts { totalCount edges { node { concept { slug } unlocks towardGoal } } }
        goal: nextConcepts(goal: "sigkill", first: 3) { edges { node { concept { slug } towardGoal } } }
      } }`,
      { id: learner },
    );
    expect(data.free.edges.map((e) => `${e.node.concept.slug} ${e.node.unlocks}`)).toEqual([
      'application 6',
      'isolation 4',
      'signal 4',
      'kernel 3',
      'distributed-system 2',
      'main-process 1',
      'parallelism 0',
    ]);
    expect(data.free.totalCount).toBe(7);
    expect(data.free.edges.every((e) => !e.node.towardGoal)).toBe(true);
    expect(data.goal.edges.map((e) => `${e.node.concept.slug} ${e.node.towardGoal}`)).toEqual([
      'signal true',
      'application false',
      'isolation false',
    ]);
  });

  it('the learning path and the tour to sigkill leave `process` out', async () => {
    const open = await server.gql<{ learningPath: { slug: string }[] }>('{ learningPath(slug: "sigkill") { slug } }');
    expect(open.body.data!.learningPath.map((c) => c.slug)).toEqual(['process', 'signal', 'sigkill']);
    const { data } = await ask<{
      learningPath: { totalCount: number; edges: { node: { slug: string } }[] };
      tour: { skipped: number; steps: { concept: { slug: string } }[] };
    }>(
      `query L($id: ID!) { learner(id: $id) {
        learningPath(slug: "sigkill") { totalCount edges { node { slug } } }
        tour(to: "sigkill") { skipped steps { concept { slug } } }
      } }`,
      { id: learner },
    );
    expect(data.learningPath.edges.map((e) => e.node.slug)).toEqual(['signal', 'sigkill']);
    expect(data.learningPath.totalCount).toBe(2);
    expect(data.tour.steps.map((s) => s.concept.slug)).toEqual(['signal', 'sigkill']);
    expect(data.tour.skipped).toBe(1);
  });

  it('a goal or a path to a concept that does not exist is NOT_FOUND, naming the argument', async () => {
    const res = await server.gql(
      'query L($id: ID!) { learner(id: $id) { nextConcepts(goal: "nope") { totalCount } } }',
      { id: learner },
      { authorization: `Bearer ${key}` },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'goal' });
    const path = await server.gql(
      'query L($id: ID!) { learner(id: $id) { learningPath(slug: "nope") { totalCount } } }',
      { id: learner },
      { authorization: `Bearer ${key}` },
    );
    expect(path.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'slug' });
  });
});

describe('due reviews and history', () => {
  const learner = `u-${randomUUID()}`;
  // EASY gives 8.2956 days of stability and a review 8 days later: kernel is 12 days overdue, user-space 2 days,
  // linux-kernel is due in 8 days.
  beforeAll(() =>
    reviewed(learner, [
      ['kernel', ReviewRating.EASY, 20],
      ['user-space', ReviewRating.EASY, 10],
      ['linux-kernel', ReviewRating.EASY, 0],
    ]),
  );

  it('lists what is due now, most forgotten first, in one round trip with the rest of a dashboard', async () => {
    const { data, headers } = await ask<{
      dueReviews: { totalCount: number; edges: { node: { slug: string; retrievability: number; state: string } }[] };
      progress: { summary: { review: number } };
    }>(
      `query L($id: ID!) { learner(id: $id) {
        dueReviews { totalCount edges { node { slug retrievability state } } }
        progress(first: 0) { summary { review } }
        sections(first: 100) { totalCount }
        nextConcepts(first: 5) { totalCount }
      } }`,
      { id: learner },
    );
    expect(data.dueReviews.edges.map((e) => e.node.slug)).toEqual(['kernel', 'user-space']);
    expect(data.dueReviews.totalCount).toBe(2);
    const [kernel, userSpace] = data.dueReviews.edges.map((e) => e.node.retrievability);
    // Past one stability the chance of recall is below 90 %; kernel, further past it, lower still.
    expect(userSpace).toBeLessThan(0.9);
    expect(kernel).toBeLessThan(userSpace);
    expect(kernel).toBeGreaterThan(0);
    expect(data.progress.summary.review).toBe(3);
    expect(headers.get('x-db-round-trips')).toBe('1');
  });

  it('history pages newest first, forward and backward', async () => {
    type H = {
      history: {
        totalCount: number;
        edges: { node: { number: number; slug: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string; startCursor: string };
      };
    };
    const Q = `query L($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { learner(id: $id) {
      history(first: $first, after: $after, last: $last, before: $before) { totalCount edges { node { number slug } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }`;
    const first = (await ask<H>(Q, { id: learner, first: 2 })).data.history;
    expect(first.edges.map((e) => `${e.node.number} ${e.node.slug}`)).toEqual(['3 linux-kernel', '2 user-space']);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = (await ask<H>(Q, { id: learner, first: 2, after: first.pageInfo.endCursor })).data.history;
    expect(rest.edges.map((e) => `${e.node.number} ${e.node.slug}`)).toEqual(['1 kernel']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = (await ask<H>(Q, { id: learner, last: 1, before: rest.pageInfo.startCursor })).data.history;
    expect(back.edges.map((e) => e.node.number)).toEqual([2]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const one = (
      await ask<{ history: { totalCount: number } }>(
        'query L($id: ID!) { learner(id: $id) { history(concept: "kernel") { totalCount } } }',
        { id: learner },
      )
    ).data.history;
    expect(one.totalCount).toBe(1);
  });
});
