import { randomUUID } from 'node:crypto';

import { createTestFrontend } from './support/access';
import { useTestServer } from './support/server';

/**
 * Reviews of one learner sent all at once, through the real server and Neo4j: every distinct review counts, each
 * one sees the memory the one before it wrote, and a retried idempotency key counts once even among other reviews.
 */
let key: string;

// Twenty writes at once from one key are more than a slow machine plans in the default timeout; the write limit is
// per key, and this file sends more than a minute's worth.
const server = useTestServer(
  { NEO4J_QUERY_TIMEOUT_MS: '60000', RATE_LIMIT_WRITES_PER_MINUTE: '100000' },
  {
    seed: async () => {
      ({ key } = await createTestFrontend('concurrency'));
    },
  },
);

const REVIEW = `mutation Review($input: ReviewConceptInput!) {
  reviewConcept(input: $input) {
    review { number idempotencyKey slug rating stateBefore stateAfter }
    progress { slug reviews }
  }
}`;

interface ReviewAnswer {
  reviewConcept: {
    review: {
      number: number;
      idempotencyKey: string;
      slug: string;
      rating: string;
      stateBefore: string;
      stateAfter: string;
    };
    progress: { slug: string; reviews: number };
  };
}

function review(learnerId: string, concept: string, rating: string, idempotencyKey: string = randomUUID()) {
  return server.gql<ReviewAnswer>(
    REVIEW,
    { input: { learnerId, concept, rating, idempotencyKey } },
    { authorization: `Bearer ${key}` },
  );
}

async function reviewed(learnerId: string) {
  const res = await server.gql<{
    learner: {
      history: { totalCount: number; edges: { node: { number: number; slug: string } }[] };
      progress: { summary: { new: number; learning: number; review: number; mastered: number } };
    };
  }>(
    `query H($id: ID!) { learner(id: $id) {
      history(first: 100) { totalCount edges { node { number slug } } }
      progress(first: 0) { summary { new learning review mastered } }
    } }`,
    { id: learnerId },
    { authorization: `Bearer ${key}` },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.learner;
}

/** Twenty concepts of the shipped seed. */
const CONCEPTS = [
  'docker-stop',
  'os-container',
  'application-container',
  'lxc',
  'openvz',
  'bsd-jail',
  'rkt',
  'user-space-isolation',
  'dedicated-resources',
  'linux-distribution',
  'image',
  'template',
  'layer',
  'dockerfile',
  'process',
  'kernel',
  'linux-kernel',
  'user-space',
  'isolation',
  'signal',
];

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('reviews of one learner at the same time', () => {
  it('twenty reviews of twenty concepts of a learner not yet stored all count, numbered 1 to 20', async () => {
    const learner = `u-${randomUUID()}`;
    const answers = await Promise.all(CONCEPTS.map((concept) => review(learner, concept, 'GOOD')));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const numbers = answers.map((a) => a.body.data!.reviewConcept.review.number).sort((a, b) => a - b);
    expect(numbers).toEqual(oneToN(20));
    for (const answer of answers) expect(answer.body.data!.reviewConcept.progress.reviews).toBe(1);
    const stored = await reviewed(learner);
    expect(stored.history.totalCount).toBe(20);
    expect(stored.history.edges.map((e) => e.node.slug).sort()).toEqual([...CONCEPTS].sort());
    // A first GOOD puts each concept in its learning steps.
    expect(stored.progress.summary).toEqual({ new: 93, learning: 20, review: 0, mastered: 0 });
  });

  it('twenty reviews of one concept all count, each after the one before it', async () => {
    const learner = `u-${randomUUID()}`;
    const answers = await Promise.all(oneToN(20).map(() => review(learner, 'kernel', 'GOOD')));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const byNumber = answers.map((a) => a.body.data!.reviewConcept).sort((a, b) => a.review.number - b.review.number);
    expect(byNumber.map((r) => r.review.number)).toEqual(oneToN(20));
    // Review n found the n - 1 reviews before it: none was lost by being written over another.
    expect(byNumber.map((r) => r.progress.reviews)).toEqual(oneToN(20));
    expect(byNumber[0].review.stateBefore).toBe('NEW');
    for (let i = 1; i < byNumber.length; i += 1) {
      expect(byNumber[i].review.stateBefore).toBe(byNumber[i - 1].review.stateAfter);
    }
    expect((await reviewed(learner)).history.totalCount).toBe(20);
  });

  it('a key retried ten times among ten other reviews, all at once, counts once', async () => {
    const learner = `u-${randomUUID()}`;
    const retried = randomUUID();
    const requests = oneToN(20).map((i) =>
      i % 2 === 0 ? review(learner, 'process', 'EASY', retried) : review(learner, CONCEPTS[i], 'HARD'),
    );
    const answers = await Promise.all(requests);
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const retries = answers.filter((_, i) => i % 2 === 1);
    for (const answer of retries) expect(answer.body).toEqual(retries[0].body);
    expect(retries[0].body.data!.reviewConcept.review).toMatchObject({
      idempotencyKey: retried,
      slug: 'process',
      rating: 'EASY',
    });
    const numbers = new Set(answers.map((a) => a.body.data!.reviewConcept.review.number));
    expect([...numbers].sort((a, b) => a - b)).toEqual(oneToN(11));
    const stored = await reviewed(learner);
    expect(stored.history.totalCount).toBe(11);
    expect(stored.history.edges.filter((e) => e.node.slug === 'process')).toHaveLength(1);
  });

  it('an answer to a question retried eight times at once counts once', async () => {
    const learner = `u-${randomUUID()}`;
    const quiz = await server.gql<{ quiz: { id: string; concept: { slug: string }; options: { id: string }[] }[] }>(
      'query Q { quiz(topic: "docker-kill", count: 1, seed: 7) { id concept { slug } options { id } } }',
    );
    const q = quiz.body.data!.quiz[0];
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      oneToN(8).map(() =>
        server.gql<{ checkAnswer: { review: { number: number; slug: string }; progress: { reviews: number } } }>(
          `mutation A($q: ID!, $c: String!, $l: String!, $k: String!) {
            checkAnswer(questionId: $q, choice: $c, learnerId: $l, idempotencyKey: $k) {
              review { number slug } progress { reviews }
            }
          }`,
          { q: q.id, c: q.options[0].id, l: learner, k: idempotencyKey },
          { authorization: `Bearer ${key}` },
        ),
      ),
    );
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(answers[0].body.data!.checkAnswer).toEqual({
      review: { number: 1, slug: q.concept.slug },
      progress: { reviews: 1 },
    });
    expect((await reviewed(learner)).history.totalCount).toBe(1);
  });
});
