import { DASHBOARD_GOAL, learnerBodies } from '../bench/learners-api';
import { batches, benchLearnerId, makeLearner, seededRandom } from '../bench/learners-data';

/** The made-up learners of the bench's learner part: pure logic, no database. */

const SLUGS = Array.from({ length: 113 }, (_, i) => `concept-${String(i).padStart(3, '0')}`);
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const DAY = 86_400_000;

describe('batches', () => {
  it('splits a range of learner numbers into batches of at most the size, the last one shorter', () => {
    expect(batches(0, 250, 100)).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
    expect(batches(100, 10000, 5000)).toEqual([
      [100, 5100],
      [5100, 10000],
    ]);
    expect(batches(100, 100, 100)).toEqual([]);
  });

  it('refuses a batch size below one', () => {
    expect(() => batches(0, 10, 0)).toThrow('a batch holds at least one learner, got 0');
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, a different one for another, all in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('makeLearner', () => {
  const learner = makeLearner(42, SLUGS, 100, NOW);

  it('is the same learner every time it is made', () => {
    expect(makeLearner(42, SLUGS, 100, NOW)).toEqual(learner);
    expect(learner.learnerId).toBe('bench-learner-000042');
    expect(benchLearnerId(7)).toBe('bench-learner-000007');
  });

  it('reviewed 100 distinct concepts of the graph, each 1 to 4 times, all before now', () => {
    const concepts = learner.memories.map((m) => m.concept);
    expect(new Set(concepts).size).toBe(100);
    expect(concepts.every((c) => SLUGS.includes(c))).toBe(true);
    for (const memory of learner.memories) {
      const reviews = learner.reviews.filter((r) => r.concept === memory.concept);
      expect(reviews.length).toBeGreaterThanOrEqual(1);
      expect(reviews.length).toBeLessThanOrEqual(4);
      // What the memory says matches its reviews: their number, the last one's moment and due date.
      expect(memory.reps).toBe(reviews.length);
      expect(memory.lastReview).toBe(reviews[reviews.length - 1].reviewedAt);
      expect(memory.due).toBe(reviews[reviews.length - 1].due);
      expect(memory.firstReview).toBe(reviews[0].reviewedAt);
      expect(reviews[0].stateBefore).toBe('NEW');
      expect(reviews[0].retrievabilityBefore).toBe(0);
    }
    expect(learner.reviews.every((r) => r.reviewedAt < NOW && Number.isInteger(r.reviewedAt))).toBe(true);
  });

  it('numbers the reviews 1, 2, ... in the order they were made, each with its own key and fingerprint', () => {
    learner.reviews.forEach((review, i) => {
      expect(review.seq).toBe(i + 1);
      expect(review.idempotencyKey).toBe(`bench-learner-000042-review-${i + 1}`);
      if (i > 0) expect(review.reviewedAt).toBeGreaterThanOrEqual(learner.reviews[i - 1].reviewedAt);
    });
    const review = learner.reviews[0];
    expect(review.request).toBe(`["${review.concept}","${review.rating}","SELF",null]`);
    expect(learner.createdAt).toBe(learner.reviews[0].reviewedAt);
    expect(learner.lastWriteAt).toBe(learner.reviews[learner.reviews.length - 1].reviewedAt);
  });

  it('spreads a population over every state, ratings and due dates in the past and the future', () => {
    const states = { LEARNING: 0, REVIEW: 0, MASTERED: 0 };
    const ratings = { AGAIN: 0, HARD: 0, GOOD: 0, EASY: 0 };
    let overdue = 0;
    let ahead = 0;
    let memories = 0;
    for (let i = 0; i < 100; i += 1) {
      const l = makeLearner(i, SLUGS, 100, NOW);
      for (const m of l.memories) {
        memories += 1;
        states[m.phase !== 'REVIEW' ? 'LEARNING' : m.stability >= 21 ? 'MASTERED' : 'REVIEW'] += 1;
        if (m.due <= NOW) overdue += 1;
        if (m.due > NOW + DAY) ahead += 1;
      }
      for (const r of l.reviews) ratings[r.rating] += 1;
    }
    expect(memories).toBe(10000);
    // Each state, and due dates either side of now, hold at least a tenth of the memories.
    for (const count of Object.values(states)) expect(count).toBeGreaterThan(1000);
    expect(overdue).toBeGreaterThan(1000);
    expect(ahead).toBeGreaterThan(1000);
    // GOOD is the common rating; the others all occur.
    expect(ratings.GOOD).toBeGreaterThan(ratings.AGAIN + ratings.HARD + ratings.EASY);
    for (const count of Object.values(ratings)) expect(count).toBeGreaterThan(500);
  });
});

describe('learnerBodies', () => {
  it('asks for learners of the population and makes a fresh idempotency key for every review', () => {
    const bodies = learnerBodies(50, SLUGS, 1);
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const dashboard = JSON.parse(bodies.dashboard());
      expect(dashboard.query).toContain('query LearnerDashboard');
      expect(dashboard.variables.goal).toBe(DASHBOARD_GOAL);
      ids.add(dashboard.variables.id);
      const review = JSON.parse(bodies.review()).variables.input;
      expect(SLUGS).toContain(review.concept);
      expect(['AGAIN', 'HARD', 'GOOD', 'EASY']).toContain(review.rating);
      keys.add(review.idempotencyKey);
    }
    expect(keys.size).toBe(500);
    expect([...ids].every((id) => /^bench-learner-0000[0-4]\d$/.test(id))).toBe(true);
    // 500 picks among 50 learners reach nearly all of them.
    expect(ids.size).toBeGreaterThan(45);
  });
});
