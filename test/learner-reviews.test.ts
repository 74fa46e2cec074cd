import { randomUUID } from 'node:crypto';

import { createTestFrontend, learnerToken } from './support/access';
import { useTestServer } from './support/server';

/** Reviews through the real server and Neo4j: what a review changes, idempotent retries, concurrency, who may write. */
let key: string;
let otherKey: string;

// The first write of a fresh database plans its statements; on a busy machine that can pass a request's timeout.
const server = useTestServer(
  { NEO4J_QUERY_TIMEOUT_MS: '60000' },
  {
    seed: async () => {
      ({ key } = await createTestFrontend('reviews'));
      ({ key: otherKey } = await createTestFrontend('reviews-other'));
    },
  },
);

const REVIEW = `mutation Review($input: ReviewConceptInput!) {
  reviewConcept(input: $input) {
    review { number idempotencyKey slug rating reviewedAt stateBefore stateAfter retrievabilityBefore stability difficulty due correct questionId }
    progress { slug state phase stability difficulty reviews lapses due lastReview retrievability retired concept { slug } }
  }
}`;

interface ReviewAnswer {
  reviewConcept: {
    review: {
      number: number;
      idempotencyKey: string;
      slug: string;
      rating: string;
      reviewedAt: string;
      stateBefore: string;
      stateAfter: string;
      stability: number;
      due: string;
    };
    progress: {
      slug: string;
      state: string;
      phase: string;
      stability: number;
      reviews: number;
      lapses: number;
      due: string;
      lastReview: string;
      retrievability: number;
      retired: boolean;
      concept: { slug: string };
    };
  };
}

const auth = (credential: string) => ({ authorization: `Bearer ${credential}` });

function review(
  learnerId: string,
  concept: string,
  rating: string,
  idempotencyKey: string = randomUUID(),
  credential = key,
) {
  return server.gql<ReviewAnswer>(REVIEW, { input: { learnerId, concept, rating, idempotencyKey } }, auth(credential));
}

async function history(learnerId: string, credential = key, concept?: string) {
  const res = await server.gql<{
    learner: { history: { totalCount: number; edges: { node: { number: number; slug: string; rating: string } }[] } };
  }>(
    'query H($id: ID!, $concept: String) { learner(id: $id) { history(concept: $concept, first: 100) { totalCount edges { node { number slug rating } } } } }',
    { id: learnerId, concept },
    auth(credential),
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.learner.history;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('reviewConcept', () => {
  it('a first GOOD puts a concept in its learning steps for 10 minutes; a second after it graduates the concept', async () => {
    const learner = `u-${randomUUID()}`;
    const first = await review(learner, 'process', 'GOOD');
    expect(first.body.errors).toBeUndefined();
    const { review: r1, progress: p1 } = first.body.data!.reviewConcept;
    expect(r1).toMatchObject({
      number: 1,
      slug: 'process',
      rating: 'GOOD',
      stateBefore: 'NEW',
      stateAfter: 'LEARNING',
      stability: 2.3065,
    });
    expect(p1).toMatchObject({
      slug: 'process',
      state: 'LEARNING',
      phase: 'LEARNING',
      stability: 2.3065,
      reviews: 1,
      lapses: 0,
      retrievability: 1,
      retired: false,
      concept: { slug: 'process' },
    });
    expect(Date.parse(p1.due) - Date.parse(p1.lastReview)).toBe(10 * MINUTE);
    expect(Math.abs(Date.parse(r1.reviewedAt) - Date.now())).toBeLessThan(30_000);

    const second = await review(learner, 'process', 'EASY');
    const { review: r2, progress: p2 } = second.body.data!.reviewConcept;
    expect(r2).toMatchObject({ number: 2, stateBefore: 'LEARNING', stateAfter: 'REVIEW' });
    expect(p2).toMatchObject({ state: 'REVIEW', phase: 'REVIEW', reviews: 2 });
    expect(Date.parse(p2.due) - Date.parse(p2.lastReview)).toBeGreaterThanOrEqual(DAY);
  });

  it('EASY on a new concept graduates it at once, due 8 days later', async () => {
    const res = await review(`u-${randomUUID()}`, 'kernel', 'EASY');
    const { progress } = res.body.data!.reviewConcept;
    expect(progress).toMatchObject({ state: 'REVIEW', stability: 8.2956 });
    expect(Date.parse(progress.due) - Date.parse(progress.lastReview)).toBe(8 * DAY);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('a retry with the same idempotency key is recorded once and answers as the first did', async () => {
    const learner = `u-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const first = await review(learner, 'signal', 'HARD', idempotencyKey);
    const retry = await review(learner, 'signal', 'HARD', idempotencyKey);
    expect(first.body.errors).toBeUndefined();
    expect(retry.body).toEqual(first.body);
    expect(retry.body.data!.reviewConcept.progress.reviews).toBe(1);
    const h = await history(learner);
    expect(h.totalCount).toBe(1);
    expect(h.edges.map((e) => e.node)).toEqual([{ number: 1, slug: 'signal', rating: 'HARD' }]);
  });

  it('retries sent at the same time still count once', async () => {
    const learner = `u-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => review(learner, 'kernel', 'GOOD', idempotencyKey)),
    );
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(answers[0].body.data!.reviewConcept.review.number).toBe(1);
    expect((await history(learner)).totalCount).toBe(1);
  });

  it('the same key for a different review is refused, naming the key, and records nothing', async () => {
    const learner = `u-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    await review(learner, 'signal', 'GOOD', idempotencyKey);
    const clash = await review(learner, 'signal', 'AGAIN', idempotencyKey);
    expect(clash.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    expect(clash.body.errors?.[0].message).toMatch(/already used for another review/);
    expect((await history(learner)).totalCount).toBe(1);
  });

  it('concurrent reviews of one learner are all recorded, none lost', async () => {
    const learner = `u-${randomUUID()}`;
    const N = 12;
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => review(learner, i % 2 === 0 ? 'process' : 'kernel', 'GOOD')),
    );
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const numbers = answers.map((a) => a.body.data!.reviewConcept.review.number).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const h = await history(learner);
    expect(h.totalCount).toBe(N);
    const progress = await server.gql<{
      learner: { progress: { edges: { node: { slug: string; reviews: number } }[] } };
    }>(
      'query P($id: ID!) { learner(id: $id) { progress(first: 100) { edges { node { slug reviews } } } } }',
      { id: learner },
      auth(key),
    );
    expect(progress.body.errors).toBeUndefined();
    const reviews = new Map(progress.body.data!.learner.progress.edges.map((e) => [e.node.slug, e.node.reviews]));
    expect(reviews.get('process')).toBe(6);
    expect(reviews.get('kernel')).toBe(6);
  });

  it('says what is wrong with bad input, and records nothing', async () => {
    const learner = `u-${randomUUID()}`;
    const unknown = await review(learner, 'no-such-concept', 'GOOD');
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'concept' });
    const emptyKey = await review(learner, 'process', 'GOOD', '');
    expect(emptyKey.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    const longKey = await review(learner, 'process', 'GOOD', 'k'.repeat(129));
    expect(longKey.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    const badLearner = await review('', 'process', 'GOOD');
    expect(badLearner.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'learnerId' });
    const badRating = await server.gql(
      REVIEW,
      { input: { learnerId: learner, concept: 'process', rating: 'MEH', idempotencyKey: 'k' } },
      auth(key),
    );
    expect(badRating.status).toBe(400);
    expect((await history(learner)).totalCount).toBe(0);
  });
});

describe('who may review', () => {
  it('needs a credential', async () => {
    const res = await server.gql(REVIEW, {
      input: { learnerId: 'u1', concept: 'process', rating: 'GOOD', idempotencyKey: 'k1' },
    });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a learner token reviews for its own learner and is FORBIDDEN for another, which stays untouched', async () => {
    const own = `u-${randomUUID()}`;
    const other = `u-${randomUUID()}`;
    const token = await learnerToken(key, own, 300, server);
    expect((await review(own, 'process', 'GOOD', randomUUID(), token)).body.errors).toBeUndefined();
    const forbidden = await review(other, 'process', 'GOOD', randomUUID(), token);
    expect(forbidden.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await history(own, token)).totalCount).toBe(1);
    expect((await history(other)).totalCount).toBe(0);
  });

  it('the same learner id under two frontends is two learners', async () => {
    const id = `u-${randomUUID()}`;
    await review(id, 'process', 'GOOD', randomUUID(), key);
    await review(id, 'process', 'GOOD', randomUUID(), key);
    // The same idempotency key under another frontend is another learner's key: it records a new review.
    expect((await review(id, 'kernel', 'EASY', 'shared-key', otherKey)).body.errors).toBeUndefined();
    expect((await review(id, 'process', 'AGAIN', 'shared-key', key)).body.errors).toBeUndefined();
    expect((await history(id, key)).edges.map((e) => e.node.slug)).toEqual(['process', 'process', 'process']);
    expect((await history(id, otherKey)).edges.map((e) => e.node.slug)).toEqual(['kernel']);
  });
});

describe('checkAnswer with a learner', () => {
  const QUIZ = 'query Q { quiz(topic: "docker-kill", count: 1, seed: 7) { id concept { slug } options { id } } }';
  const ANSWER = `mutation A($questionId: ID!, $choice: String!, $learnerId: String!, $idempotencyKey: String!, $concept: String) {
    checkAnswer(questionId: $questionId, choice: $choice, learnerId: $learnerId, idempotencyKey: $idempotencyKey, concept: $concept) {
      result { correct correctChoice }
      review { number slug rating correct questionId stateAfter }
      progress { slug state reviews }
    }
  }`;
  interface Answer {
    checkAnswer: {
      result: { correct: boolean; correctChoice: string };
      review: { number: number; slug: string; rating: string; correct: boolean; questionId: string };
      progress: { slug: string; reviews: number };
    };
  }

  async function question() {
    const res = await server.gql<{ quiz: { id: string; concept: { slug: string }; options: { id: string }[] }[] }>(
      QUIZ,
    );
    const q = res.body.data!.quiz[0];
    const graded = await server.gql<{ checkAnswer: { correctChoice: string } }>(
      'query C($q: ID!, $c: String!) { checkAnswer(questionId: $q, choice: $c) { correctChoice } }',
      { q: q.id, c: q.options[0].id },
    );
    return { ...q, right: graded.body.data!.checkAnswer.correctChoice };
  }

  it("a right answer is a GOOD review of the question's concept, a wrong one AGAIN; retries count once", async () => {
    const learner = `u-${randomUUID()}`;
    const q = await question();
    const wrong = q.options.find((o) => o.id !== q.right)!.id;
    const idempotencyKey = randomUUID();
    const right = await server.gql<Answer>(
      ANSWER,
      { questionId: q.id, choice: q.right, learnerId: learner, idempotencyKey },
      auth(key),
    );
    expect(right.body.errors).toBeUndefined();
    expect(right.body.data!.checkAnswer).toMatchObject({
      result: { correct: true, correctChoice: q.right },
      review: { number: 1, slug: q.concept.slug, rating: 'GOOD', correct: true, questionId: q.id },
      progress: { slug: q.concept.slug, reviews: 1 },
    });
    const retry = await server.gql<Answer>(
      ANSWER,
      { questionId: q.id, choice: q.right, learnerId: learner, idempotencyKey },
      auth(key),
    );
    expect(retry.body).toEqual(right.body);

    const miss = await server.gql<Answer>(
      ANSWER,
      { questionId: q.id, choice: wrong, learnerId: learner, idempotencyKey: randomUUID(), concept: q.right },
      auth(key),
    );
    expect(miss.body.data!.checkAnswer).toMatchObject({
      result: { correct: false },
      review: { number: 2, slug: q.right, rating: 'AGAIN', correct: false },
    });
    expect((await history(learner)).totalCount).toBe(2);
  });

  it("refuses a concept that is not one of the question's, and a forged question, recording nothing", async () => {
    const learner = `u-${randomUUID()}`;
    const q = await question();
    const other = await server.gql(
      ANSWER,
      { questionId: q.id, choice: q.right, learnerId: learner, idempotencyKey: randomUUID(), concept: 'unikernel' },
      auth(key),
    );
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'concept' });
    const forged = await server.gql(
      ANSWER,
      { questionId: `${q.id}x`, choice: q.right, learnerId: learner, idempotencyKey: randomUUID() },
      auth(key),
    );
    expect(forged.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'questionId' });
    expect((await history(learner)).totalCount).toBe(0);
  });
});
