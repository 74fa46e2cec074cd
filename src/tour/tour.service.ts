import { conceptNotFound } from '../errors';
import type { ConceptRecord } from '../graph/graph.model';
import { learningOrder } from '../learning/learning-order';
import type { LearningRepository } from '../learning/learning.repository';
import type { IssuedQuestion, QuizService } from '../quiz/quiz.service';
import { planTour, type TourStepModel } from './tour.plan';
import type { TourRepository } from './tour.repository';

export interface TourModel {
  from: ConceptRecord | null;
  to: ConceptRecord;
  steps: TourStepModel[];
  /** Check questions by step concept slug. */
  checks: Map<string, IssuedQuestion>;
  /** Every concept of the tour and of what the learner knows, by slug (for the ends of the steps' relations). */
  concepts: Map<string, ConceptRecord>;
  /** Prerequisites of the target left out because the learner knows them. */
  skipped: number;
}

/** Reads the learning orders and relations a tour needs, orders it (tour.plan) and adds a check question per step. */
export class TourService {
  constructor(
    private readonly learning: LearningRepository,
    private readonly repo: TourRepository,
    private readonly quiz: QuizService,
  ) {}

  /** `learnerKnows`: slugs a learner knows besides `from` and what it requires; they are left out too. */
  async tour(from: string | null, to: string, learnerKnows?: ReadonlySet<string>): Promise<TourModel> {
    const [target, start] = await Promise.all([
      this.learning.closure(to),
      from === null ? null : this.learning.closure(from),
    ]);
    if (!target) throw conceptNotFound('to', to);
    if (from !== null && !start) throw conceptNotFound('from', from);
    const fromStart = start?.concepts ?? [];
    const startSlugs = new Set(fromStart.map((concept) => concept.slug));
    const known = [
      ...fromStart,
      ...target.concepts.filter((concept) => learnerKnows?.has(concept.slug) && !startSlugs.has(concept.slug)),
    ];
    const concepts = new Map([...target.concepts, ...known].map((concept) => [concept.slug, concept]));
    const relations = await this.repo.relationsAmong([...concepts.keys()]);
    const steps = planTour({
      target: target.target,
      order: learningOrder(target),
      known,
      from: start?.target ?? null,
      relations,
    });
    // Named by its ends: the same tour always asks the same questions.
    const checks = await this.quiz.checks(
      steps.map((step) => ({ slug: step.concept.slug, prefer: step.via ?? undefined })),
      `tour:${from ?? ''}:${to}`,
    );
    const knownSlugs = new Set(known.map((concept) => concept.slug));
    const skipped = target.concepts.filter((concept) => knownSlugs.has(concept.slug)).length;
    return { from: start?.target ?? null, to: target.target, steps, checks, concepts, skipped };
  }
}
