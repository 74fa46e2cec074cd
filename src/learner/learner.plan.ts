import { type CursorKey, compareKeys } from '../pagination/cursor';
import type { LearnerGraphIndex } from './learner.graph';
import { type SparseList, sparseItems } from './learner.page';
import { isDue, isKnown, type MemoryRecord, progressOf, ProgressState, retrievability } from './memory.model';

/**
 * What a frontend asks about a learner, computed from the graph's index (kept per graph version) and the learner's
 * memories, without touching the database. Every answer costs the learner's memories (and a page of a list), never
 * the size of the graph: lists over the whole graph are sparse lists over a run the index keeps in order.
 */

/** One concept with the learner's memory of it; `retired` when it left the graph but its memory was kept. */
export interface ConceptProgressModel {
  slug: string;
  memory: MemoryRecord | null;
  state: ProgressState;
  retired: boolean;
}

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  mastered: number;
}

export interface SectionProgressModel extends StateCounts {
  section: string;
  total: number;
  /** Known (REVIEW or MASTERED) concepts of the section, as a percentage of its concepts, to one decimal. */
  percent: number;
}

export interface ProgressSummaryModel extends StateCounts {
  /** Concepts of the graph. */
  total: number;
  /** Concepts reviewed once that are no longer in the graph. */
  retired: number;
  percent: number;
}

export interface NextConceptModel {
  slug: string;
  memory: MemoryRecord | null;
  /** Needed for the goal: the goal itself or one of its prerequisites, direct or indirect. */
  towardGoal: boolean;
  /** Concepts learned directly after this one (the LEARN_AFTER relations that point at it). */
  unlocks: number;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** The concepts of the graph by state, given the learner's memories (some of them perhaps of retired concepts). */
function tally(index: LearnerGraphIndex, memories: Iterable<MemoryRecord>): StateCounts & { retired: number } {
  const result = { new: index.size, learning: 0, review: 0, mastered: 0, retired: 0 };
  for (const memory of memories) {
    if (!index.has(memory.concept)) {
      result.retired += 1;
      continue;
    }
    const state = progressOf(memory);
    result.new -= 1;
    if (state === ProgressState.LEARNING) result.learning += 1;
    else if (state === ProgressState.REVIEW) result.review += 1;
    else if (state === ProgressState.MASTERED) result.mastered += 1;
  }
  return result;
}

const progressKey = (slug: string, retired: boolean): CursorKey => [retired ? 1 : 0, slug];

/**
 * Every concept of the graph with its state, by slug, then the retired concepts the learner has a memory of, by
 * slug; with `state`, only the concepts in that state.
 */
export function progressList(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
  state: ProgressState | null,
): SparseList<ConceptProgressModel> {
  const remembered = (memory: MemoryRecord) => ({
    item: { slug: memory.concept, memory, state: progressOf(memory), retired: !index.has(memory.concept) },
    key: progressKey(memory.concept, !index.has(memory.concept)),
  });
  const byKey = (a: { key: CursorKey }, b: { key: CursorKey }) => compareKeys(a.key, b.key);
  const everyConcept = {
    length: index.slugs.length,
    keyAt: (i: number) => progressKey(index.slugs[i], false),
    itemAt: (i: number) => {
      const memory = memories.get(index.slugs[i]) ?? null;
      return { slug: index.slugs[i], memory, state: progressOf(memory), retired: false };
    },
  };
  const none = { length: 0, keyAt: () => [], itemAt: () => undefined as never };
  if (state === null) {
    const retired = [...memories.values()].filter((m) => !index.has(m.concept));
    return { base: everyConcept, skipped: new Set(), extra: retired.map(remembered).sort(byKey) };
  }
  if (state === ProgressState.NEW) {
    // Every reviewed concept has left NEW for good.
    const reviewed = [...memories.keys()].flatMap((slug) => index.slugPosition.get(slug) ?? []);
    return { base: everyConcept, skipped: new Set(reviewed), extra: [] };
  }
  const matching = [...memories.values()].filter((m) => progressOf(m) === state);
  return { base: none, skipped: new Set(), extra: matching.map(remembered).sort(byKey) };
}

/** Every concept of the graph with its state, then the retired ones (the whole of progressList, unfiltered). */
export function conceptProgress(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
): ConceptProgressModel[] {
  return sparseItems(progressList(index, memories, null));
}

/** The counts over the whole graph; retired concepts are counted apart and count toward nothing else. */
export function progressSummary(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
): ProgressSummaryModel {
  const { retired, ...counts } = tally(index, memories.values());
  return { ...counts, total: index.size, retired, percent: percentOf(counts.review + counts.mastered, index.size) };
}

/** Progress per section of the note, sections in the order of their names. */
export function sectionProgress(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
): SectionProgressModel[] {
  const bySection = new Map<string, MemoryRecord[]>();
  for (const memory of memories.values()) {
    const section = index.concepts.get(memory.concept)?.source;
    if (section === undefined) continue;
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section)!.push(memory);
  }
  return index.sections.map(({ section, total }) => {
    const reviewed = bySection.get(section) ?? [];
    const { learning, review, mastered } = tally(index, reviewed);
    const states = { new: total - reviewed.length, learning, review, mastered };
    return { section, total, ...states, percent: percentOf(review + mastered, total) };
  });
}

/** The reviews due at `now` of concepts still in the graph: the lowest retrievability (most forgotten) first, then by slug. */
export function dueReviews(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
  now: Date,
): { memory: MemoryRecord; retrievability: number }[] {
  return [...memories.values()]
    .filter((m) => index.has(m.concept) && isDue(m, now))
    .map((memory) => ({ memory, retrievability: retrievability(memory, now) }))
    .sort((a, b) => a.retrievability - b.retrievability || a.memory.concept.localeCompare(b.memory.concept));
}

const nextKey = (towardGoal: boolean, unlocks: number, slug: string): CursorKey => [towardGoal ? 0 : 1, -unlocks, slug];

/**
 * The concepts to learn next: not known yet, with every prerequisite known (a concept that requires nothing is
 * always open). With a goal (its slug and the slugs it requires), those needed for it come first. Then the ones that
 * open the way to more concepts, then by slug.
 *
 * The open concepts are the roots of the learning order the learner does not know (a run the index keeps) and the
 * concepts learned right after one the learner knows: the latter are found from the learner's known concepts.
 */
export function nextList(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
  goalClosure: ReadonlySet<string> | null,
): SparseList<NextConceptModel> {
  const known = (slug: string) => isKnown(memories.get(slug) ?? null);
  const open = (slug: string) => !known(slug) && index.prerequisitesOf(slug).every(known);
  const model = (slug: string): NextConceptModel => ({
    slug,
    memory: memories.get(slug) ?? null,
    towardGoal: goalClosure?.has(slug) ?? false,
    unlocks: index.unlocks(slug),
  });
  const skipped = new Set<number>();
  const extra = new Map<string, NextConceptModel>();
  for (const memory of memories.values()) {
    if (!index.has(memory.concept) || !isKnown(memory)) continue;
    const root = index.rootPosition.get(memory.concept);
    if (root !== undefined) skipped.add(root);
    for (const dependent of index.dependentsOf(memory.concept)) {
      if (!extra.has(dependent) && open(dependent)) extra.set(dependent, model(dependent));
    }
  }
  for (const slug of goalClosure ?? []) {
    if (!open(slug)) continue;
    // A root the goal needs moves from the run of roots to the front of the list.
    const root = index.rootPosition.get(slug);
    if (root !== undefined) skipped.add(root);
    extra.set(slug, model(slug));
  }
  return {
    base: {
      length: index.roots.length,
      keyAt: (i) => nextKey(false, index.unlocks(index.roots[i]), index.roots[i]),
      itemAt: (i) => model(index.roots[i]),
    },
    skipped,
    extra: [...extra.values()]
      .map((item) => ({ item, key: nextKey(item.towardGoal, item.unlocks, item.slug) }))
      .sort((a, b) => compareKeys(a.key, b.key)),
  };
}

/** The whole of nextList, in order. */
export function nextConcepts(
  index: LearnerGraphIndex,
  memories: ReadonlyMap<string, MemoryRecord>,
  goalClosure: ReadonlySet<string> | null,
): NextConceptModel[] {
  return sparseItems(nextList(index, memories, goalClosure));
}
