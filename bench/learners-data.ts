import {
  applyReview,
  type MemoryRecord,
  progressOf,
  type ProgressState,
  retrievability,
  ReviewRating,
} from '../src/learner/memory.model';
import { createRandom } from '../src/quiz/quiz.generator';

/**
 * The learners the bench puts into the graph, made up in memory: each reviewed a fixed number of concepts one to four
 * times over the past months, rated as learners rate (mostly GOOD, some AGAIN), each review after the previous one
 * fell due (early or late). The memories come from the server's own scheduler (applyReview), so a written learner is
 * exactly what the API would have stored had those reviews been sent to it at those moments. Pure and seeded: the
 * same seed gives the same learners.
 */

const DAY_MS = 86_400_000;

/** How far back a learner may have started, and at the latest how long before `now`. */
const START_WINDOW_DAYS = 180;
const MIN_START_DAYS = 2;

/** Reviews per concept, 1 to 4, with these weights. */
const REVIEW_COUNT_WEIGHTS = [0.3, 0.3, 0.25, 0.15];

/** Ratings as self-rating learners give them. */
const RATING_WEIGHTS: [ReviewRating, number][] = [
  [ReviewRating.AGAIN, 0.1],
  [ReviewRating.HARD, 0.15],
  [ReviewRating.GOOD, 0.6],
  [ReviewRating.EASY, 0.15],
];

/** A review as the repository stores it (Review node), before the dates become datetimes. */
export interface BenchReview {
  seq: number;
  idempotencyKey: string;
  concept: string;
  rating: ReviewRating;
  reviewedAt: number;
  stateBefore: ProgressState;
  stateAfter: ProgressState;
  retrievabilityBefore: number;
  phase: string;
  stability: number;
  difficulty: number;
  due: number;
  /** What makes two review requests the same, as the repository computes it for a self-rating. */
  request: string;
}

/** A concept's memory as the repository stores it (ConceptMemory node), dates in epoch milliseconds. */
export interface BenchMemory {
  concept: string;
  phase: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  scheduledDays: number;
  due: number;
  lastReview: number;
  firstReview: number;
}

export interface BenchLearner {
  learnerId: string;
  /** When the learner's first review was written (the Learner node's createdAt). */
  createdAt: number;
  /** When the last one was (lastWriteAt). */
  lastWriteAt: number;
  memories: BenchMemory[];
  /** In the order they were made: seq 1, 2, ... */
  reviews: BenchReview[];
}

/** A seeded generator of numbers in [0, 1), the quiz's own (mulberry32): good enough to spread made-up learners. */
export function seededRandom(seed: number): () => number {
  return createRandom(seed).next;
}

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let r = random();
  for (const [value, weight] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  return weighted[weighted.length - 1][0];
}

/** The learner id the bench gives learner number `index`: sortable, and unmistakably the bench's. */
export function benchLearnerId(index: number): string {
  return `bench-learner-${String(index).padStart(6, '0')}`;
}

/** `count` distinct concepts of `slugs`, in random order (a partial Fisher–Yates shuffle). */
function sample(random: () => number, slugs: readonly string[], count: number): string[] {
  const pool = [...slugs];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/**
 * Learner number `index`: `perLearner` concepts of `slugs` reviewed before `now`. Its random stream depends on the
 * index alone, so learners can be made in any order and batch.
 */
export function makeLearner(index: number, slugs: readonly string[], perLearner: number, now: number): BenchLearner {
  const random = seededRandom(index * 2654435761 + 1);
  const startedAt = now - (MIN_START_DAYS + random() * (START_WINDOW_DAYS - MIN_START_DAYS)) * DAY_MS;
  const events: {
    at: number;
    concept: string;
    rating: ReviewRating;
    before: MemoryRecord | null;
    after: MemoryRecord;
  }[] = [];
  const memories: BenchMemory[] = [];
  const counts = REVIEW_COUNT_WEIGHTS.map((w, i) => [i + 1, w] as [number, number]);
  for (const concept of sample(random, slugs, perLearner)) {
    const wanted = pick(random, counts);
    // First seen somewhere in the learner's time so far, more often lately (learners keep adding concepts), never in
    // the last hour (a review in flight).
    let at = Math.floor(startedAt + Math.sqrt(random()) * (now - startedAt - 3_600_000));
    let memory: MemoryRecord | null = null;
    let firstReview = at;
    for (let k = 0; k < wanted && at < now; k += 1) {
      if (k === 0) firstReview = at;
      const rating = pick(random, RATING_WEIGHTS);
      const after = applyReview(concept, memory, rating, new Date(at));
      events.push({ at, concept, rating, before: memory, after });
      memory = after;
      // The next review around its due date: some a little early, most late, a few much later.
      const interval = memory.due.getTime() - at;
      at += Math.max(60_000, Math.floor(interval * (0.8 + random() * random() * 3)));
    }
    const m = memory!;
    memories.push({
      concept,
      phase: m.phase,
      stability: m.stability,
      difficulty: m.difficulty,
      reps: m.reps,
      lapses: m.lapses,
      learningSteps: m.learningSteps,
      scheduledDays: m.scheduledDays,
      due: m.due.getTime(),
      lastReview: m.lastReview.getTime(),
      firstReview,
    });
  }
  events.sort((a, b) => a.at - b.at || (a.concept < b.concept ? -1 : 1));
  const learnerId = benchLearnerId(index);
  const reviews = events.map((event, i): BenchReview => {
    const { after } = event;
    return {
      seq: i + 1,
      idempotencyKey: `${learnerId}-review-${i + 1}`,
      concept: event.concept,
      rating: event.rating,
      reviewedAt: event.at,
      stateBefore: progressOf(event.before),
      stateAfter: progressOf(after),
      retrievabilityBefore: retrievability(event.before, new Date(event.at)),
      phase: after.phase,
      stability: after.stability,
      difficulty: after.difficulty,
      due: after.due.getTime(),
      request: JSON.stringify([event.concept, event.rating, 'SELF', null]),
    };
  });
  return {
    learnerId,
    createdAt: reviews[0]?.reviewedAt ?? now,
    lastWriteAt: reviews[reviews.length - 1]?.reviewedAt ?? now,
    memories,
    reviews,
  };
}

/** The learner numbers from `from` (inclusive) to `to` (exclusive) in batches of at most `size`. */
export function batches(from: number, to: number, size: number): [number, number][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a batch holds at least one learner, got ${size}`);
  const out: [number, number][] = [];
  for (let start = from; start < to; start += size) out.push([start, Math.min(to, start + size)]);
  return out;
}
