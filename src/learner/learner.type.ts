import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { ConceptRef } from '../graph/graph.model';
import { AnswerResult } from '../quiz/quiz.type';
import type { ReviewRecord } from './learner.repository';
import type { LearnerService } from './learner.service';
import {
  MASTERED_STABILITY_DAYS,
  MemoryPhase,
  type MemoryRecord,
  ProgressState,
  retrievability,
  ReviewRating,
} from './memory.model';

registerEnumType(ReviewRating, {
  name: 'ReviewRating',
  description:
    'How well the learner recalled a concept, as in FSRS and Anki. A graded quiz answer counts as GOOD when right and AGAIN when wrong.',
  valuesConfig: {
    AGAIN: { description: 'Forgot it: the concept goes (back) into the short learning steps.' },
    HARD: { description: 'Recalled it with serious difficulty.' },
    GOOD: { description: 'Recalled it after some thought.' },
    EASY: { description: 'Recalled it at once: a new concept skips the learning steps.' },
  },
});

registerEnumType(ProgressState, {
  name: 'ProgressState',
  description: 'Where a learner stands with a concept.',
  valuesConfig: {
    NEW: { description: 'Never reviewed.' },
    LEARNING: {
      description:
        'In the short learning steps (1 and 10 minutes), or relearning after it was forgotten. Not known yet.',
    },
    REVIEW: { description: 'Learned and kept by spaced reviews. Counts as known.' },
    MASTERED: {
      description: `Learned, with a stability of ${MASTERED_STABILITY_DAYS} days or more (a 90 % chance of recall three weeks after the last review). Counts as known.`,
    },
  },
});

registerEnumType(MemoryPhase, {
  name: 'MemoryPhase',
  description: "The FSRS scheduler's state of a reviewed concept.",
  valuesConfig: {
    LEARNING: { description: 'In the first learning steps.' },
    RELEARNING: { description: 'Forgotten after it was learned, and in the relearning step.' },
    REVIEW: { description: 'Graduated: reviewed at growing intervals.' },
  },
});

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

/** A moment as ISO 8601 text in UTC, e.g. `2026-12-01T09:30:00.000Z`. */
const iso = (date: Date) => date.toISOString();

@ObjectType({
  description:
    "One concept with a learner's memory of it (FSRS): its state, stability, difficulty, when it is due and how likely it is recalled now.",
})
export class ConceptProgress {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly slugText?: string,
    readonly conceptRef?: ConceptRef | null,
    readonly memory?: MemoryRecord | null,
    readonly stateValue?: ProgressState,
    readonly now?: Date,
  ) {}

  @Field(() => String, {
    description: "The concept's slug; kept for a retired concept, which has no `concept` any more.",
  })
  get slug(): string {
    return this.slugText!;
  }

  @Field(() => Concept, { nullable: true, description: 'The concept; null when it is retired.' })
  get concept(): Concept | null {
    return this.conceptRef ? new Concept(this.conceptRef) : null;
  }

  @Field(() => Boolean, {
    description: 'True when the concept has left the graph (a later seed removed it); its memory and history are kept.',
  })
  get retired(): boolean {
    return !this.conceptRef;
  }

  @Field(() => ProgressState, { description: 'NEW, LEARNING, REVIEW or MASTERED.' })
  get state(): ProgressState {
    return this.stateValue!;
  }

  @Field(() => MemoryPhase, { nullable: true, description: "The scheduler's state; null when never reviewed." })
  get phase(): MemoryPhase | null {
    return this.memory?.phase ?? null;
  }

  @Field(() => Float, {
    nullable: true,
    description: 'Days until the chance of recall falls to 90 %; null when never reviewed.',
  })
  get stability(): number | null {
    return this.memory ? round(this.memory.stability) : null;
  }

  @Field(() => Float, {
    nullable: true,
    description: 'How hard the concept is for this learner, 1 (easy) to 10 (hard); null when never reviewed.',
  })
  get difficulty(): number | null {
    return this.memory ? round(this.memory.difficulty) : null;
  }

  @Field(() => Float, {
    description:
      'The chance, 0 to 1, that the learner recalls the concept now (at the time of the request); 0 when never reviewed.',
  })
  get retrievability(): number {
    return round(retrievability(this.memory ?? null, this.now!));
  }

  @Field(() => String, {
    nullable: true,
    description: 'When the next review is due (ISO 8601, UTC); null when never reviewed.',
  })
  get due(): string | null {
    return this.memory ? iso(this.memory.due) : null;
  }

  @Field(() => String, { nullable: true, description: 'When it was last reviewed (ISO 8601, UTC); null when never.' })
  get lastReview(): string | null {
    return this.memory ? iso(this.memory.lastReview) : null;
  }

  @Field(() => Int, { description: 'How many times it was reviewed.' })
  get reviews(): number {
    return this.memory?.reps ?? 0;
  }

  @Field(() => Int, { description: 'How many times it was forgotten after it had been learned.' })
  get lapses(): number {
    return this.memory?.lapses ?? 0;
  }
}

@ObjectType({
  description: 'One review of a concept by a learner, as recorded: what was rated, and the memory it left.',
})
export class ConceptReview {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly record?: ReviewRecord,
    readonly conceptRef?: ConceptRef | null,
  ) {}

  @Field(() => Int, { description: "The learner's review number, from 1: later reviews have higher numbers." })
  get number(): number {
    return this.record!.seq;
  }

  @Field(() => String, { description: 'The idempotency key the review was recorded with.' })
  get idempotencyKey(): string {
    return this.record!.idempotencyKey;
  }

  @Field(() => String, { description: 'The slug of the reviewed concept.' })
  get slug(): string {
    return this.record!.concept;
  }

  @Field(() => Concept, { nullable: true, description: 'The reviewed concept; null when it has since been retired.' })
  get concept(): Concept | null {
    return this.conceptRef ? new Concept(this.conceptRef) : null;
  }

  @Field(() => ReviewRating, {
    description: 'The rating: the self-rating, or GOOD / AGAIN for a right / wrong quiz answer.',
  })
  get rating(): ReviewRating {
    return this.record!.rating;
  }

  @Field(() => String, { description: 'When the review was recorded (server time, ISO 8601, UTC).' })
  get reviewedAt(): string {
    return iso(this.record!.reviewedAt);
  }

  @Field(() => String, {
    nullable: true,
    description: 'The question answered, for a graded quiz answer; null for a self-rating.',
  })
  get questionId(): string | null {
    return this.record!.questionId;
  }

  @Field(() => Boolean, { nullable: true, description: 'Whether the quiz answer was right; null for a self-rating.' })
  get correct(): boolean | null {
    return this.record!.correct;
  }

  @Field(() => ProgressState, { description: "The concept's state before the review." })
  get stateBefore(): ProgressState {
    return this.record!.stateBefore;
  }

  @Field(() => ProgressState, { description: "The concept's state after the review." })
  get stateAfter(): ProgressState {
    return this.record!.stateAfter;
  }

  @Field(() => Float, { description: 'The chance of recall just before the review (0 for a first review).' })
  get retrievabilityBefore(): number {
    return round(this.record!.retrievabilityBefore);
  }

  @Field(() => Float, { description: 'Stability in days after the review.' })
  get stability(): number {
    return round(this.record!.stability);
  }

  @Field(() => Float, { description: 'Difficulty (1 to 10) after the review.' })
  get difficulty(): number {
    return round(this.record!.difficulty);
  }

  @Field(() => String, { description: 'When the next review was due after this one (ISO 8601, UTC).' })
  get due(): string {
    return iso(this.record!.due);
  }
}

/** The counts a summary and a section share. */
@ObjectType()
export abstract class StateCountsType {
  @Field(() => Int, { description: 'Never reviewed.' })
  new!: number;

  @Field(() => Int, { description: 'In the learning or relearning steps.' })
  learning!: number;

  @Field(() => Int, { description: 'Learned, not yet mastered.' })
  review!: number;

  @Field(() => Int, { description: `Learned, with a stability of ${MASTERED_STABILITY_DAYS} days or more.` })
  mastered!: number;

  @Field(() => Int, { description: 'Concepts counted.' })
  total!: number;

  @Field(() => Float, {
    description: 'Known concepts (REVIEW or MASTERED) as a percentage of `total`, to one decimal.',
  })
  percent!: number;
}

@ObjectType({ description: "A learner's progress over the whole graph." })
export class ProgressSummary extends StateCountsType {
  @Field(() => Int, {
    description: 'Concepts the learner reviewed that have since left the graph (not counted in `total`).',
  })
  retired!: number;
}

@ObjectType({
  description: "A learner's progress in one section of the study note: the concepts that come from it, by state.",
})
export class SectionProgress extends StateCountsType {
  @Field(() => String, {
    description: 'The section, as its heading path in the note ("Container and Docker > OS Container").',
  })
  section!: string;
}

@ObjectType({ description: 'A concept to learn next: not known yet, and every concept it is learned after is known.' })
export class NextConcept {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly conceptRef?: ConceptRef,
    readonly stateValue?: ProgressState,
    readonly goal?: boolean,
    readonly unlockCount?: number,
  ) {}

  @Field(() => Concept, { description: 'The concept.' })
  get concept(): Concept {
    return new Concept(this.conceptRef);
  }

  @Field(() => ProgressState, { description: 'NEW, or LEARNING when the learner has started on it.' })
  get state(): ProgressState {
    return this.stateValue!;
  }

  @Field(() => Boolean, {
    description:
      'True when the goal needs it: it is the goal or something the goal is learned after. False without a goal.',
  })
  get towardGoal(): boolean {
    return this.goal!;
  }

  @Field(() => Int, { description: 'How many concepts are learned directly after it.' })
  get unlocks(): number {
    return this.unlockCount!;
  }
}

@ObjectType({
  description:
    "One learner of the calling frontend, named by the frontend's own id: their progress, what is due, what to learn next, and their reviews. A learner nobody has written for yet reads as having reviewed nothing.",
})
export class Learner {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly service?: LearnerService) {}

  @Field(() => ID, { description: "The frontend's own id of the learner, as given." })
  get id(): string {
    return this.service!.ref.learnerId;
  }
}

@ObjectType({ description: "What a recorded review answers: the review as stored, and the concept's memory after it." })
export class ReviewPayload {
  @Field(() => ConceptReview, {
    description: 'The review. A retry with the same idempotency key gives the same review back.',
  })
  review!: ConceptReview;

  @Field(() => ConceptProgress, { description: "The reviewed concept with the learner's memory of it now." })
  progress!: ConceptProgress;
}

@ObjectType({ description: 'A graded quiz answer, recorded as a review of the learner.' })
export class AnswerPayload extends ReviewPayload {
  @Field(() => AnswerResult, { description: 'The grading, as `Query.checkAnswer` gives it.' })
  result!: AnswerResult;
}
