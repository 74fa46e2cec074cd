import { randomInt } from 'node:crypto';

import { BadInputError, conceptNotFound, NotFoundError } from '../errors';
import type { FactRepository } from '../facts/fact.repository';
import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, type RelationType } from '../graph/vocabulary';
import {
  createRandom,
  mixSeed,
  pickQuestions,
  planQuiz,
  type QuestionModel,
  type QuizFact,
  shuffled,
  stemsOf,
} from './quiz.generator';
import type { QuizRepository } from './quiz.repository';
import { isQuizzed } from './quiz.templates';
import { type QuestionClaim, readQuestion, signQuestion } from './quiz.token';

/** A question ready to show: the model and its signed id. */
export interface IssuedQuestion extends QuestionModel {
  id: string;
}

/** The grade of one answer, with what the explanation is made of. */
export interface AnswerModel {
  correct: boolean;
  choice: string;
  answer: ConceptRecord;
  relation: RelationRecord;
  subject: ConceptRecord;
  object: ConceptRecord;
}

/** A concept a check question is wanted for, and the fact to prefer asking about (a tour step's relation). */
export interface CheckTarget {
  slug: string;
  prefer?: { type: RelationType; from: string; to: string };
}

/** A seed for a quiz asked without one: different every time. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31);
}

const QUIZZED = new Set(RELATION_TYPES.filter(isQuizzed));

/**
 * Makes quizzes and grades answers: reads the fact graph and lets the generator choose, and grades through the quiz
 * repository. Validation of arguments that needs the database (unknown topic, stale question) happens here.
 */
export class QuizService {
  constructor(
    private readonly facts: FactRepository,
    private readonly repo: QuizRepository,
    private readonly secret: string,
  ) {}

  /** `count` questions (fewer when the topic has fewer facts to ask about) on `topic`, or on everything. */
  async quiz(topic: string | null, count: number, seed: number): Promise<IssuedQuestion[]> {
    const { graph, topicFound } = await this.facts.factGraph(topic);
    if (topic !== null && !topicFound) throw conceptNotFound('topic', topic);
    const random = createRandom(mixSeed(seed, topic ?? ''));
    const plan = planQuiz(graph.factsAround(topic, QUIZZED), random);
    return pickQuestions(plan, (stem) => graph.wrongOptions(stem), count, random).map((question) =>
      this.issue(question),
    );
  }

  /**
   * One short check question per target concept, about a fact touching it (the preferred fact first when it can be
   * asked), never the same question twice. The same `route` (a name for the caller's request, e.g. a tour's ends)
   * always asks the same questions. Targets without an askable fact are absent.
   */
  async checks(targets: readonly CheckTarget[], route: string): Promise<Map<string, IssuedQuestion>> {
    if (targets.length === 0) return new Map();
    const seed = mixSeed(0, route);
    const { graph } = await this.facts.factGraph();
    const facts = graph.factsAround(null, QUIZZED);
    const asked = new Set<string>();
    const found = new Map<string, IssuedQuestion>();
    for (const target of targets) {
      const random = createRandom(mixSeed(seed, target.slug));
      const own = facts.filter((fact) => fact.subject.slug === target.slug || fact.object.slug === target.slug);
      const preferred = own.filter((fact) => isFact(fact, target.prefer));
      const others = shuffled(own.filter((fact) => !isFact(fact, target.prefer)).sort(byFact), random);
      const plan = [...preferred, ...others].map((fact) => stemsOf(fact, random));
      const [question] = pickQuestions(plan, (stem) => graph.wrongOptions(stem), 1, random, asked);
      if (question) found.set(target.slug, this.issue(question));
    }
    return found;
  }

  /** Grades `choice` for the question `questionId`, against the graph as it is now. */
  async check(questionId: string, choice: string): Promise<AnswerModel> {
    const claim = readQuestion(questionId, this.secret);
    if (!claim) {
      throw new BadInputError(
        'questionId',
        "`questionId` is not a question id this API issued, or it was changed. Pass the `id` of a question from `quiz` or `tour` unchanged (ids also stop working when the server's quiz secret changes).",
      );
    }
    if (!claim.options.includes(choice)) {
      throw new BadInputError(
        'choice',
        `\`choice\` must be the \`id\` of one of the question's options: ${claim.options.map((o) => `"${o}"`).join(', ')}.`,
      );
    }
    const grading = await this.repo.grade(claim.type, claim.asks, claim.given, claim.options);
    const rights = grading.options.filter((option) => option.relation && option.concept);
    if (!grading.given || grading.options.some((option) => !option.concept) || rights.length !== 1) {
      throw new NotFoundError(
        'questionId',
        'The graph has changed since this question was made, so it can no longer be graded. Ask for a new quiz.',
      );
    }
    const right = rights[0];
    const relation = right.relation!;
    const [subject, object] =
      relation.from === grading.given.slug ? [grading.given, right.concept!] : [right.concept!, grading.given];
    return { correct: choice === right.slug, choice, answer: right.concept!, relation, subject, object };
  }

  private issue(question: QuestionModel): IssuedQuestion {
    const claim: QuestionClaim = {
      type: question.stem.type,
      asks: question.stem.asks,
      given: question.stem.given.slug,
      options: question.options.map((option) => option.slug),
    };
    return { ...question, id: signQuestion(claim, this.secret) };
  }
}

function isFact(fact: QuizFact, wanted: CheckTarget['prefer']): boolean {
  if (!wanted || fact.type !== wanted.type) return false;
  return (
    (fact.subject.slug === wanted.from && fact.object.slug === wanted.to) ||
    (fact.subject.slug === wanted.to && fact.object.slug === wanted.from)
  );
}

function byFact(a: QuizFact, b: QuizFact): number {
  return (
    a.type.localeCompare(b.type) ||
    a.subject.slug.localeCompare(b.subject.slug) ||
    a.object.slug.localeCompare(b.object.slug)
  );
}
