import type { Asks, Fact, FactQuestion } from '../facts/fact.graph';
import type { ConceptRecord } from '../graph/graph.model';
import { SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import { asksSubject, isQuizzed } from './quiz.templates';

/**
 * Turns relation facts into multiple-choice questions, without touching the database: the fact graph (facts/fact.graph)
 * supplies the facts and, for each question, the concepts the graph proves wrong; this module decides which facts to
 * ask about, which way round, which wrong options to show and in what order. Everything random comes from one seeded
 * generator, so the same facts and seed give the same quiz.
 */

/** A stored relation `subject TYPE object` a question can be made from. */
export type QuizFact = Fact;

/** One question before its options: the relation, the end shown (`given`) and the intended answer (the other end). */
export interface QuestionStem extends FactQuestion {
  /** Two stems with the same key ask the same question; a quiz asks it once. */
  key: string;
  source: string;
}

/** A finished question: its stem and its options (the answer among them) in the order they are shown. */
export interface QuestionModel {
  stem: QuestionStem;
  options: ConceptRecord[];
}

/** Most options a question shows, and fewest wrong ones it needs to be worth asking. */
export const MAX_OPTIONS = 4;
export const MIN_DISTRACTORS = 2;

/** A seeded source of random numbers in [0, 1) (mulberry32: tiny, fast, and the same on every platform). */
export interface Random {
  next(): number;
  /** A whole number in [0, n). */
  below(n: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n) => Math.floor(next() * n) };
}

/** Folds a text into a seed (FNV-1a), so the same seed gives different quizzes on different topics. */
export function mixSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.below(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function stem(fact: QuizFact, asks: Asks, given: ConceptRecord, answer: ConceptRecord): QuestionStem {
  return { key: `${fact.type}:${asks}:${given.slug}`, type: fact.type, asks, given, answer, source: fact.source };
}

/**
 * The questions a fact can become, the preferred one first. An asymmetric fact is asked either way (subject given
 * or object given); a symmetric one from either end, always asking for the other.
 */
export function stemsOf(fact: QuizFact, random: Random): QuestionStem[] {
  if (!isQuizzed(fact.type)) return [];
  const forward = stem(fact, 'OBJECT', fact.subject, fact.object);
  const backward = SYMMETRIC_RELATIONS.has(fact.type)
    ? stem(fact, 'OBJECT', fact.object, fact.subject)
    : asksSubject(fact.type)
      ? stem(fact, 'SUBJECT', fact.object, fact.subject)
      : null;
  if (!backward) return [forward];
  return random.next() < 0.5 ? [forward, backward] : [backward, forward];
}

function factOrder(a: QuizFact, b: QuizFact): number {
  return (
    a.type.localeCompare(b.type) ||
    a.subject.slug.localeCompare(b.subject.slug) ||
    a.object.slug.localeCompare(b.object.slug)
  );
}

/**
 * The order in which facts are tried: nearer tiers first, shuffled within a tier. The facts are sorted before they
 * are shuffled, so the order the database returned them in does not matter. Each entry lists the fact's stems,
 * preferred first; a quiz uses at most one of them, so no question gives away the answer of another.
 */
export function planQuiz(facts: readonly QuizFact[], random: Random): QuestionStem[][] {
  const tiers = [...new Set(facts.map((fact) => fact.tier))].sort((a, b) => a - b);
  return tiers
    .flatMap((tier) =>
      shuffled(facts.filter((fact) => fact.tier === tier).sort(factOrder), random).map((fact) => stemsOf(fact, random)),
    )
    .filter((stems) => stems.length > 0);
}

/**
 * The question for `stem`, with up to MAX_OPTIONS - 1 wrong options drawn from `wrong` (concepts the graph proves
 * wrong for this stem, of the answer's kind), or null when there are fewer than MIN_DISTRACTORS of them.
 */
export function buildQuestion(
  stem: QuestionStem,
  wrong: readonly ConceptRecord[],
  random: Random,
): QuestionModel | null {
  const candidates = [
    ...new Map(
      wrong.filter((c) => c.slug !== stem.answer.slug && c.slug !== stem.given.slug).map((c) => [c.slug, c]),
    ).values(),
  ].sort((a, b) => a.slug.localeCompare(b.slug));
  if (candidates.length < MIN_DISTRACTORS) return null;
  const distractors = shuffled(candidates, random).slice(0, MAX_OPTIONS - 1);
  return { stem, options: shuffled([stem.answer, ...distractors], random) };
}

/**
 * Picks questions in plan order until `count` are made: for each fact the first of its stems that is not asked yet
 * and has enough wrong options. `wrongFor` gives the wrong options of a stem.
 */
export function pickQuestions(
  plan: readonly QuestionStem[][],
  wrongFor: (stem: QuestionStem) => readonly ConceptRecord[],
  count: number,
  random: Random,
  asked: Set<string> = new Set(),
): QuestionModel[] {
  const questions: QuestionModel[] = [];
  for (const stems of plan) {
    if (questions.length >= count) break;
    for (const candidate of stems) {
      if (asked.has(candidate.key)) continue;
      const question = buildQuestion(candidate, wrongFor(candidate), random);
      if (!question) continue;
      asked.add(candidate.key);
      questions.push(question);
      break;
    }
  }
  return questions;
}
