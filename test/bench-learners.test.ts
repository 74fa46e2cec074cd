import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LearnersResult, LearnerStep } from '../bench/learners';
import { askAsFrontend, DASHBOARD_GOAL, learnerBodies } from '../bench/learners-api';
import { batches, benchLearnerId, makeLearner, seededRandom } from '../bench/learners-data';
import type { Measurement } from '../bench/measure';
import { learnerFailuresOf, learnerLines, learnerTargets } from '../bench/report';
import type { ServerProcess } from '../bench/server-process';

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

describe('learnerTargets', () => {
  const m = (rps: number, p50: number, errors = 0): Measurement => ({
    rps,
    p50,
    p99: p50 * 3,
    requests: Math.round(rps * 5),
    errors,
    seconds: 5,
  });
  const written = { learners: 100, memories: 10000, reviews: 25000, seconds: 20 };
  const step = (learners: number, dashboardP50: number, trips: number[]): LearnerStep => ({
    learners,
    written,
    review: m(100, 50),
    dashboard: m(80, dashboardP50),
    dashboardWarm: { p50: dashboardP50 / 4, p90: dashboardP50 / 2, asks: 200 },
    roundTrips: { dashboard: trips, review: [2] },
  });
  const result = (steps: LearnerStep[], publicShapes: LearnersResult['publicShapes']): LearnersResult => ({
    perLearner: 100,
    concepts: 113,
    check: [],
    steps,
    publicShapes,
  });
  const verdicts = (l: LearnersResult) => learnerTargets(l).map((t) => t.met);

  it('meets all three when the dashboard stays at two round trips and under 2x, and the public shapes hold', () => {
    const l = result(
      [step(100, 40, [2]), step(10000, 79, [2])],
      [{ shape: 'concept', before: m(500, 10), after: m(460, 11) }],
    );
    expect(verdicts(l)).toEqual([true, true, true]);
    expect(learnerTargets(l)[1].detail).toBe(
      'p50 40.0 ms at 100 → 79.0 ms at 10k (1.98×); one client, warm p50 10.0 → 19.8 ms (1.98×)',
    );
  });

  it('misses them on three round trips, a p50 more than doubled, and a public shape 20 % slower', () => {
    const l = result(
      [step(100, 40, [2]), step(10000, 81, [2, 3])],
      [
        { shape: 'concept', before: m(500, 10), after: m(400, 12) },
        { shape: 'search', before: m(500, 10), after: m(500, 10) },
      ],
    );
    expect(verdicts(l)).toEqual([false, false, false]);
  });

  it('decides nothing it did not measure: one population, a shape that never answered', () => {
    const l = result([step(100, 40, [1])], [{ shape: 'path', before: m(0, Number.NaN), after: m(300, 20) }]);
    expect(verdicts(l)).toEqual([true, null, null]);
  });

  it('lists failed learner requests and differences found by the check as failures of the run', () => {
    const l = result(
      [{ ...step(100, 40, [2]), dashboard: m(80, 40, 3) }],
      [{ shape: 'concept', before: m(500, 10), after: m(400, 12, 2) }],
    );
    l.check.push('bench-learner-000000: summary.new: the API says 12, written 13');
    expect(learnerFailuresOf(l)).toEqual([
      'learners: bench-learner-000000: summary.new: the API says 12, written 13',
      'learners 100: 3 dashboards failed under load',
      'public concept beside the learners: 2 failed answers under load',
    ]);
    expect(learnerFailuresOf(undefined)).toEqual([]);
  });
});

describe('learnerLines', () => {
  const m = (rps: number, p50: number): Measurement => ({
    rps,
    p50,
    p99: p50 * 2,
    requests: rps * 5,
    errors: 0,
    seconds: 5,
  });
  const step = (learners: number, warmP50: number, warmP90: number): LearnerStep => ({
    learners,
    written: { learners, memories: learners * 100, reviews: learners * 250, seconds: 2.5 },
    review: m(300, 40),
    dashboard: m(450, 30),
    dashboardWarm: { p50: warmP50, p90: warmP90, asks: 200 },
    roundTrips: { dashboard: [1], review: [2] },
  });
  const learners: LearnersResult = {
    perLearner: 100,
    concepts: 113,
    check: [],
    steps: [step(100, 3.2, 4.1), step(1000, 4.8, 6)],
    publicShapes: [],
    clientOverhead: { p50: 0.05, p90: 0.07, asks: 200 },
  };

  it('prints the dashboard’s one-client figures as the main table does: warm p50 · p90, beside the client’s own cost', () => {
    const lines = learnerLines(learners);
    expect(lines).toContain(
      '| learners in the graph | written in (s) | memories · reviews written | review write req/s | p50 · p99 ms | dashboard req/s | p50 · p99 ms | dashboard, 1 client, warm p50 · p90 ms | round trips dashboard · review |',
    );
    expect(lines).toContain(
      '| 100 | 2.5 | 10000 · 25000 | 300 | 40.0 · 80.0 | 450 | 30.0 · 60.0 | 3.2 · 4.1 | 1 · 2 |',
    );
    expect(lines).toContain(
      '| 1000 | 2.5 | 100000 · 250000 | 300 | 40.0 · 80.0 | 450 | 30.0 · 60.0 | 4.8 · 6.0 | 1 · 2 |',
    );
    expect(lines).toContain('Dashboard p50 at 1k learners / at 100: 1.00× (one client, warm p50 1.50×).');
    const oneClient = lines.find((line) => line.startsWith('One client:'));
    expect(oneClient).toContain('**warm**: after the dashboard’s load and a second of asking alone, up to 200 answers');
    expect(oneClient).toContain(
      'The client alone, with the same body and key, against a local server answering a fixed body: p50 0.05 ms, p90 0.07 ms',
    );
  });

  it('leaves the client’s cost out when it was not measured, and prints nothing without a learner part', () => {
    const oneClient = learnerLines({ ...learners, clientOverhead: undefined }).find((line) =>
      line.startsWith('One client:'),
    );
    expect(oneClient).toMatch(/up to 200 answers, p50 and p90\.$/);
    expect(learnerLines(undefined)).toEqual([]);
  });
});

describe('askAsFrontend', () => {
  /** What the local server answers next: status, headers and body. */
  let next: { status: number; headers?: Record<string, string>; body: string };
  const received: { authorization?: string; body: string }[] = [];
  let server: http.Server;
  let url: string;
  const serverAt = (at: string): ServerProcess => ({
    url: at,
    pid: 0,
    peakRssMiB: () => 0,
    rssMiB: () => 0,
    stop: async () => undefined,
    describe: () => 'the server exited with code 1; last lines: boom',
  });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
        res.end(next.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the body with the key and reads the answer and its round trips', async () => {
    next = { status: 200, headers: { 'x-db-round-trips': '1' }, body: '{"data":{"learner":{"id":"u1"}}}' };
    const answer = await askAsFrontend(serverAt(url), 'atlas_k1', '{"query":"{ learner }"}', 'the dashboard');
    expect(answer).toEqual({ data: { learner: { id: 'u1' } }, roundTrips: 1 });
    expect(received.at(-1)).toEqual({ authorization: 'Bearer atlas_k1', body: '{"query":"{ learner }"}' });
  });

  it('turns an answer that is not JSON, or an error status without errors, into an error', async () => {
    next = { status: 502, body: '<html>bad gateway</html>' };
    expect(await askAsFrontend(serverAt(url), 'k', '{}', 'the dashboard')).toEqual({
      errors: [{ message: 'HTTP 502: <html>bad gateway</html>' }],
      roundTrips: null,
    });
    next = { status: 500, body: '{"data":null}' };
    expect(await askAsFrontend(serverAt(url), 'k', '{}', 'the dashboard')).toEqual({
      data: null,
      errors: [{ message: 'HTTP 500' }],
      roundTrips: null,
    });
  });

  it('names what it asked, the transport’s cause and the server’s state when nothing answers', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(askAsFrontend(serverAt(`http://127.0.0.1:${port}/graphql`), 'k', '{}', 'a review')).rejects.toThrow(
      `a review: no answer from http://127.0.0.1:${port}/graphql (ECONNREFUSED connect ECONNREFUSED 127.0.0.1:${port}); the server exited with code 1; last lines: boom`,
    );
  });
});
