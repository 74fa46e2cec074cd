import type { LearnerRef } from '../access/access.types';
import type { LimitsConfig } from '../config';
import { BadInputError, conceptNotFound, UnauthenticatedError } from '../errors';
import type { ConceptRecord, ConceptRef } from '../graph/graph.model';
import { learningOrder } from '../learning/learning-order';
import type { LearningRepository } from '../learning/learning.repository';
import type { CursorKey } from '../pagination/cursor';
import { assemblePage, type Page, type PageArgs, paginateSorted, pageWindow } from '../pagination/page';
import type { QuizService } from '../quiz/quiz.service';
import type { TourModel, TourService } from '../tour/tour.service';
import type { GraphConcept } from './learner.graph';
import { pageOfSparse } from './learner.page';
import {
  type ConceptProgressModel,
  dueReviews,
  type NextConceptModel,
  nextList,
  progressList,
  progressSummary,
  type ProgressSummaryModel,
  sectionProgress,
  type SectionProgressModel,
} from './learner.plan';
import type {
  LearnerRepository,
  LearnerSnapshot,
  ReviewOutcome,
  ReviewRecord,
  ReviewSource,
} from './learner.repository';
import { isKnown, type MemoryRecord, type ProgressState, progressOf, ReviewRating } from './memory.model';

const MAX_KEY = 128;
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

/** An idempotency key: 1 to 128 printable characters; BAD_USER_INPUT naming it otherwise. */
export function checkIdempotencyKey(key: string): string {
  const length = [...key].length;
  if (length < 1 || length > MAX_KEY || UNPRINTABLE.test(key) || key.trim() !== key) {
    throw new BadInputError(
      'idempotencyKey',
      `\`idempotencyKey\` must be 1 to ${MAX_KEY} printable characters without spaces at either end (got ${length} characters). Make one per review, e.g. a UUID, and send it again unchanged when you retry.`,
    );
  }
  return key;
}

/** A concept of the graph as a learner snapshot holds it. */
export type SnapshotConcept = ConceptRef & GraphConcept;

/** A concept of the graph and one learner's memory of it, as the GraphQL layer shows it; `concept` null when retired. */
export interface ProgressItem extends ConceptProgressModel {
  concept: SnapshotConcept | null;
}

/** The outcome of a recorded review: the review as stored and the concept's memory now. */
export interface RecordedReview {
  review: ReviewRecord;
  memory: MemoryRecord;
}

/**
 * What a frontend asks about one learner, and the reviews it records. One instance per request and learner: the
 * learner's memories (with the graph's index, kept per graph version) are read once, in one round trip, and serve
 * every field of the request.
 */
export class LearnerService {
  private snapshotPromise?: Promise<LearnerSnapshot>;
  /** One moment for the whole request, so every field agrees on what is due and how likely a recall is. */
  readonly now = new Date();

  constructor(
    readonly ref: LearnerRef,
    private readonly repo: LearnerRepository,
    private readonly limits: LimitsConfig,
  ) {}

  snapshot(): Promise<LearnerSnapshot> {
    this.snapshotPromise ??= this.repo.snapshot(this.ref);
    return this.snapshotPromise;
  }

  private item(snapshot: LearnerSnapshot, model: ConceptProgressModel): ProgressItem {
    return { ...model, concept: snapshot.index.concepts.get(model.slug) ?? null };
  }

  async progress(
    args: PageArgs,
    state: ProgressState | null,
  ): Promise<{ page: Page<ProgressItem>; summary: ProgressSummaryModel }> {
    const window = pageWindow(args, `learner-progress:${state ?? ''}`, 2, this.limits);
    const snapshot = await this.snapshot();
    const page = pageOfSparse(progressList(snapshot.index, snapshot.memories, state), window);
    return {
      page: { ...page, items: page.items.map(({ item, key }) => ({ item: this.item(snapshot, item), key })) },
      summary: progressSummary(snapshot.index, snapshot.memories),
    };
  }

  async sections(args: PageArgs): Promise<Page<SectionProgressModel>> {
    const window = pageWindow(args, 'learner-sections', 1, this.limits);
    const snapshot = await this.snapshot();
    return paginateSorted(sectionProgress(snapshot.index, snapshot.memories), (s) => [s.section], window);
  }

  async due(args: PageArgs): Promise<Page<ProgressItem>> {
    const window = pageWindow(args, 'learner-due', 2, this.limits);
    const snapshot = await this.snapshot();
    const due = dueReviews(snapshot.index, snapshot.memories, this.now);
    const items = due.map(({ memory, retrievability }) => ({
      ...this.item(snapshot, { slug: memory.concept, memory, state: progressOf(memory), retired: false }),
      retrievability,
    }));
    // Retrievability keeps falling, so a cursor's place is by the value it had; a later page may shift a little.
    return paginateSorted(items, (d) => [d.retrievability, d.slug], window);
  }

  async next(
    args: PageArgs,
    goal: string | null,
  ): Promise<Page<NextConceptModel & { concept: SnapshotConcept | null; state: ProgressState }>> {
    const snapshot = await this.snapshot();
    const closure = goal === null ? null : snapshot.index.closure(goal);
    if (goal !== null && !closure) throw conceptNotFound('goal', goal);
    const window = pageWindow(args, `learner-next:${goal ?? ''}`, 3, this.limits);
    const page = pageOfSparse(nextList(snapshot.index, snapshot.memories, closure), window);
    return {
      ...page,
      items: page.items.map(({ item, key }) => ({
        item: { ...item, concept: snapshot.index.concepts.get(item.slug) ?? null, state: progressOf(item.memory) },
        key,
      })),
    };
  }

  /** The learning path to `slug` without the concepts the learner knows, in learning order. */
  async path(args: PageArgs, slug: string, learning: LearningRepository): Promise<Page<ConceptRecord>> {
    const [snapshot, closure] = await Promise.all([this.snapshot(), learning.closure(slug)]);
    if (!closure) throw conceptNotFound('slug', slug);
    const ordered = learningOrder(closure).filter((concept) => !isKnown(snapshot.memories.get(concept.slug) ?? null));
    const positions = new Map(ordered.map((concept, i) => [concept.slug, i]));
    return paginateSorted(
      ordered,
      (concept) => [positions.get(concept.slug)!, concept.slug],
      pageWindow(args, `learner-path:${slug}`, 2, this.limits),
    );
  }

  /** A tour to `to` that leaves out what the learner knows. */
  async tour(to: string, tours: TourService): Promise<TourModel> {
    const snapshot = await this.snapshot();
    const known = new Set([...snapshot.memories.values()].filter((m) => isKnown(m)).map((m) => m.concept));
    return tours.tour(null, to, known);
  }

  async history(args: PageArgs, concept: string | null): Promise<Page<ReviewRecord>> {
    const window = pageWindow(args, `learner-history:${concept ?? ''}`, 1, this.limits);
    const seqOf = (key: CursorKey | null) => (key === null ? null : Number(key[0]));
    const read = await this.repo.history(
      this.ref,
      { forward: window.forward, size: window.size, afterSeq: seqOf(window.after), beforeSeq: seqOf(window.before) },
      concept,
    );
    // Newest first: "after" a cursor means older, so the repository's seq bounds are the page's key bounds turned round.
    const fetched = read.reviews.map((review) => ({ item: review, key: [review.seq] as CursorKey }));
    return assemblePage(window, fetched, read.total, read.beyondAfter, read.beyondBefore);
  }

  /** Records a self-rating. */
  async review(concept: string, rating: ReviewRating, idempotencyKey: string): Promise<RecordedReview> {
    return this.record(concept, rating, idempotencyKey, { kind: 'SELF' }, 'concept');
  }

  /**
   * Grades a quiz answer and records it as a review of the question's concept (or, with `concept`, of the right
   * answer's): GOOD when right, AGAIN when wrong.
   */
  async answer(
    quiz: QuizService,
    args: { questionId: string; choice: string; idempotencyKey: string; concept?: string | null },
  ) {
    const grading = await quiz.check(args.questionId, args.choice);
    const given = grading.subject.slug === grading.answer.slug ? grading.object : grading.subject;
    const allowed = [given.slug, grading.answer.slug];
    const concept = args.concept ?? given.slug;
    if (!allowed.includes(concept)) {
      throw new BadInputError(
        'concept',
        `\`concept\` must be a concept of the question: "${given.slug}" (the one it names, the default) or "${grading.answer.slug}" (the right answer).`,
      );
    }
    const recorded = await this.record(
      concept,
      grading.correct ? ReviewRating.GOOD : ReviewRating.AGAIN,
      args.idempotencyKey,
      {
        kind: 'QUIZ',
        questionId: args.questionId,
        choice: args.choice,
        correct: grading.correct,
      },
      'concept',
    );
    return { grading, ...recorded };
  }

  private async record(
    concept: string,
    rating: ReviewRating,
    idempotencyKey: string,
    source: ReviewSource,
    argument: string,
  ): Promise<RecordedReview> {
    const outcome: ReviewOutcome = await this.repo.review(this.ref, {
      concept,
      rating,
      idempotencyKey: checkIdempotencyKey(idempotencyKey),
      source,
    });
    switch (outcome.kind) {
      case 'written':
      case 'replayed':
        return { review: outcome.review, memory: outcome.memory };
      case 'unknownConcept':
        throw conceptNotFound(argument, concept);
      case 'noFrontend':
        throw new UnauthenticatedError(
          'This frontend key was revoked: nothing was recorded. Ask the operator for a new key.',
        );
      case 'conflict':
        throw new BadInputError(
          'idempotencyKey',
          `\`idempotencyKey\` "${idempotencyKey}" was already used for another review (review ${outcome.review.seq}: "${outcome.review.concept}" rated ${outcome.review.rating}). Nothing was recorded; make a new key for each review and reuse a key only to retry the same request.`,
        );
    }
  }
}
