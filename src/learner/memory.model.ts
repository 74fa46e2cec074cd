import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';

/**
 * The memory of one concept for one learner, scheduled by FSRS (ts-fsrs), without touching the database.
 *
 * Rules, stated once here and in the schema's descriptions:
 * - A concept never reviewed is NEW. A review moves it into FSRS's learning steps (1 and 10 minutes), and it
 *   graduates to the REVIEW phase after passing them (EASY graduates at once); AGAIN on a reviewed concept sends it
 *   back to relearning (a lapse).
 * - Progress: NEW (never reviewed); LEARNING (in the learning or relearning steps); REVIEW (graduated); MASTERED
 *   (graduated, and its stability is at least MASTERED_STABILITY_DAYS: FSRS expects a 90 % chance of recall three
 *   weeks after the last review, the interval at which Anki calls a card mature).
 * - A concept is known (for next concepts, learning paths and tours) when it is REVIEW or MASTERED.
 * - Retrievability is FSRS's probability of recall at a moment, from the stability and the time since the last
 *   review; 0 for a concept never reviewed.
 * The scheduler runs without fuzz, so the same reviews at the same times always give the same schedule.
 */

export enum ReviewRating {
  AGAIN = 'AGAIN',
  HARD = 'HARD',
  GOOD = 'GOOD',
  EASY = 'EASY',
}

/** FSRS's own state of a reviewed concept. */
export enum MemoryPhase {
  LEARNING = 'LEARNING',
  RELEARNING = 'RELEARNING',
  REVIEW = 'REVIEW',
}

export enum ProgressState {
  NEW = 'NEW',
  LEARNING = 'LEARNING',
  REVIEW = 'REVIEW',
  MASTERED = 'MASTERED',
}

/** The stability (in days) from which a graduated concept counts as mastered. */
export const MASTERED_STABILITY_DAYS = 21;

/** What is stored per learner and concept once the concept has been reviewed. */
export interface MemoryRecord {
  concept: string;
  phase: MemoryPhase;
  /** Days until the probability of recall falls to 90 %. */
  stability: number;
  /** 1 (easy) to 10 (hard). */
  difficulty: number;
  due: Date;
  lastReview: Date;
  /** Reviews so far. */
  reps: number;
  /** Times the concept was forgotten after it had graduated. */
  lapses: number;
  /** FSRS's position in the (re)learning steps. */
  learningSteps: number;
  scheduledDays: number;
}

const scheduler = fsrs({ enable_fuzz: false });

const GRADES: Record<ReviewRating, Grade> = {
  [ReviewRating.AGAIN]: Rating.Again,
  [ReviewRating.HARD]: Rating.Hard,
  [ReviewRating.GOOD]: Rating.Good,
  [ReviewRating.EASY]: Rating.Easy,
};

const PHASES: Partial<Record<State, MemoryPhase>> = {
  [State.Learning]: MemoryPhase.LEARNING,
  [State.Relearning]: MemoryPhase.RELEARNING,
  [State.Review]: MemoryPhase.REVIEW,
};

const STATES: Record<MemoryPhase, State> = {
  [MemoryPhase.LEARNING]: State.Learning,
  [MemoryPhase.RELEARNING]: State.Relearning,
  [MemoryPhase.REVIEW]: State.Review,
};

function toCard(memory: MemoryRecord): Card {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: 0,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: STATES[memory.phase],
    last_review: memory.lastReview,
  };
}

/** The memory after one review with `rating` at `now`; `before` is null for a concept never reviewed. */
export function applyReview(
  concept: string,
  before: MemoryRecord | null,
  rating: ReviewRating,
  now: Date,
): MemoryRecord {
  const card = before ? toCard(before) : createEmptyCard(now);
  const { card: next } = scheduler.next(card, now, GRADES[rating]);
  const phase = PHASES[next.state];
  // FSRS never returns a card to New after a rating; a change in the library that did would be a bug to see at once.
  if (!phase) throw new Error(`FSRS returned state ${State[next.state]} after a ${rating} review of "${concept}"`);
  return {
    concept,
    phase,
    stability: next.stability,
    difficulty: next.difficulty,
    due: next.due,
    lastReview: next.last_review ?? now,
    reps: next.reps,
    lapses: next.lapses,
    learningSteps: next.learning_steps,
    scheduledDays: next.scheduled_days,
  };
}

/** The probability, from 0 to 1, that the learner recalls the concept at `now`; 0 when never reviewed. */
export function retrievability(memory: MemoryRecord | null, now: Date): number {
  if (!memory) return 0;
  // A review stamped a little after `now` (clocks of two replicas) counts as just done.
  const at = now.getTime() < memory.lastReview.getTime() ? memory.lastReview : now;
  return scheduler.get_retrievability(toCard(memory), at, false);
}

/** NEW, LEARNING, REVIEW or MASTERED, by the rules above. */
export function progressOf(memory: MemoryRecord | null): ProgressState {
  if (!memory) return ProgressState.NEW;
  if (memory.phase !== MemoryPhase.REVIEW) return ProgressState.LEARNING;
  return memory.stability >= MASTERED_STABILITY_DAYS ? ProgressState.MASTERED : ProgressState.REVIEW;
}

/** Known concepts are left out of learning paths and tours and open the way to the concepts that need them. */
export function isKnown(memory: MemoryRecord | null): boolean {
  const state = progressOf(memory);
  return state === ProgressState.REVIEW || state === ProgressState.MASTERED;
}

/** Due for review at `now`: reviewed, and its due date has come. */
export function isDue(memory: MemoryRecord, now: Date): boolean {
  return memory.due.getTime() <= now.getTime();
}
