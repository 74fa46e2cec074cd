import {
  applyReview,
  isDue,
  isKnown,
  MemoryPhase,
  type MemoryRecord,
  progressOf,
  ProgressState,
  retrievability,
  ReviewRating,
} from './memory.model';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number, from: Date = T0) => new Date(from.getTime() + n * 86_400_000);

function memory(overrides: Partial<MemoryRecord>): MemoryRecord {
  return {
    concept: 'image',
    phase: MemoryPhase.REVIEW,
    stability: 5,
    difficulty: 5,
    due: days(5),
    lastReview: T0,
    reps: 3,
    lapses: 0,
    learningSteps: 0,
    scheduledDays: 5,
    ...overrides,
  };
}

// Expected figures are FSRS-6's published default weights: the first stability after AGAIN, HARD, GOOD, EASY is
// w0..w3 = 0.212, 1.2931, 2.3065, 8.2956 days; the default learning steps are 1 and 10 minutes.
describe('applyReview', () => {
  it('GOOD on a new concept enters the learning steps, due in 10 minutes', () => {
    const after = applyReview('image', null, ReviewRating.GOOD, T0);
    expect(after).toMatchObject({
      concept: 'image',
      phase: MemoryPhase.LEARNING,
      stability: 2.3065,
      reps: 1,
      lapses: 0,
      lastReview: T0,
    });
    expect(after.due).toEqual(minutes(10));
    expect(progressOf(after)).toBe(ProgressState.LEARNING);
    expect(isKnown(after)).toBe(false);
  });

  it('a second GOOD after the step graduates it: REVIEW, due two days later, known', () => {
    const first = applyReview('image', null, ReviewRating.GOOD, T0);
    const second = applyReview('image', first, ReviewRating.GOOD, minutes(10));
    expect(second).toMatchObject({ phase: MemoryPhase.REVIEW, stability: 2.3065, reps: 2, scheduledDays: 2 });
    expect(second.due).toEqual(days(2, minutes(10)));
    expect(progressOf(second)).toBe(ProgressState.REVIEW);
    expect(isKnown(second)).toBe(true);
  });

  it('EASY graduates at once with the easy first stability and the lowest difficulty', () => {
    const after = applyReview('image', null, ReviewRating.EASY, T0);
    expect(after).toMatchObject({ phase: MemoryPhase.REVIEW, stability: 8.2956, difficulty: 1, scheduledDays: 8 });
    expect(after.due).toEqual(days(8));
  });

  it('AGAIN on a new concept: learning, due in a minute, the smallest stability', () => {
    const after = applyReview('image', null, ReviewRating.AGAIN, T0);
    expect(after).toMatchObject({ phase: MemoryPhase.LEARNING, stability: 0.212 });
    expect(after.due).toEqual(minutes(1));
  });

  it('AGAIN on a graduated concept is a lapse: relearning, stability falls, no longer known', () => {
    const graduated = memory({ stability: 30, due: days(30), scheduledDays: 30 });
    const after = applyReview('image', graduated, ReviewRating.AGAIN, days(30));
    expect(after.phase).toBe(MemoryPhase.RELEARNING);
    expect(after.lapses).toBe(1);
    expect(after.reps).toBe(4);
    expect(after.stability).toBeLessThan(30);
    expect(progressOf(after)).toBe(ProgressState.LEARNING);
  });

  it('a rating is never without effect: HARD and GOOD on the same memory give different schedules', () => {
    const graduated = memory({});
    const hard = applyReview('image', graduated, ReviewRating.HARD, days(5));
    const good = applyReview('image', graduated, ReviewRating.GOOD, days(5));
    expect(hard.stability).toBeLessThan(good.stability);
    expect(hard.due.getTime()).toBeLessThan(good.due.getTime());
  });

  it('reaches MASTERED after a few spaced successful reviews', () => {
    let m = applyReview('image', null, ReviewRating.GOOD, T0);
    m = applyReview('image', m, ReviewRating.GOOD, minutes(10));
    expect(progressOf(m)).toBe(ProgressState.REVIEW);
    m = applyReview('image', m, ReviewRating.GOOD, days(3, minutes(10)));
    // Stability after this review is below three weeks: still REVIEW.
    expect(m.stability).toBeLessThan(21);
    expect(progressOf(m)).toBe(ProgressState.REVIEW);
    m = applyReview('image', m, ReviewRating.GOOD, days(13, minutes(10)));
    expect(m.stability).toBeGreaterThanOrEqual(21);
    expect(progressOf(m)).toBe(ProgressState.MASTERED);
  });
});

describe('progressOf', () => {
  it('is NEW without a memory, LEARNING in the steps, REVIEW below 21 days of stability, MASTERED from 21 days', () => {
    expect(progressOf(null)).toBe(ProgressState.NEW);
    expect(progressOf(memory({ phase: MemoryPhase.LEARNING, stability: 40 }))).toBe(ProgressState.LEARNING);
    expect(progressOf(memory({ phase: MemoryPhase.RELEARNING, stability: 40 }))).toBe(ProgressState.LEARNING);
    expect(progressOf(memory({ stability: 20.99 }))).toBe(ProgressState.REVIEW);
    expect(progressOf(memory({ stability: 21 }))).toBe(ProgressState.MASTERED);
    expect(isKnown(null)).toBe(false);
    expect(isKnown(memory({ stability: 21 }))).toBe(true);
  });
});

describe('retrievability', () => {
  it('is 0 never reviewed, 1 right after a review, 0.9 exactly one stability later, and falls with time', () => {
    const m = memory({ stability: 4, lastReview: T0 });
    expect(retrievability(null, T0)).toBe(0);
    expect(retrievability(m, T0)).toBe(1);
    expect(retrievability(m, days(4))).toBeCloseTo(0.9, 6);
    expect(retrievability(m, days(2))).toBeGreaterThan(0.9);
    expect(retrievability(m, days(40))).toBeLessThan(retrievability(m, days(8)));
  });

  it('counts a review stamped after `now` as just done', () => {
    expect(retrievability(memory({ lastReview: days(1) }), T0)).toBe(1);
  });
});

describe('isDue', () => {
  it('is due from its due date on', () => {
    const m = memory({ due: days(5) });
    expect(isDue(m, days(4))).toBe(false);
    expect(isDue(m, days(5))).toBe(true);
    expect(isDue(m, days(6))).toBe(true);
  });
});
