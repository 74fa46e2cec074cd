import { isDue, isKnown, type MemoryRecord, progressOf, ProgressState, retrievability } from './memory.model';

/**
 * What a frontend asks about a learner, computed from the graph's concepts and learning order and the learner's
 * memories, without touching the database.
 */

/** A concept of the graph as the learner queries need it. */
export interface GraphConcept {
  slug: string;
  /** The section of the note it comes from ("Container and Docker > OS Container"). */
  source: string;
}

export interface LearnerGraph {
  concepts: GraphConcept[];
  /** `[concept, prerequisite]`: `concept LEARN_AFTER prerequisite`. */
  requires: [string, string][];
}

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

function counts(states: ProgressState[]): StateCounts {
  const result: StateCounts = { new: 0, learning: 0, review: 0, mastered: 0 };
  for (const state of states) {
    if (state === ProgressState.NEW) result.new += 1;
    else if (state === ProgressState.LEARNING) result.learning += 1;
    else if (state === ProgressState.REVIEW) result.review += 1;
    else result.mastered += 1;
  }
  return result;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** Every concept of the graph with its state, by slug, then the retired concepts the learner has a memory of, by slug. */
export function conceptProgress(graph: LearnerGraph, memories: Map<string, MemoryRecord>): ConceptProgressModel[] {
  const inGraph = new Set(graph.concepts.map((c) => c.slug));
  const current = graph.concepts
    .map((c) => c.slug)
    .sort()
    .map((slug) => ({
      slug,
      memory: memories.get(slug) ?? null,
      state: progressOf(memories.get(slug) ?? null),
      retired: false,
    }));
  const retired = [...memories.values()]
    .filter((m) => !inGraph.has(m.concept))
    .sort((a, b) => a.concept.localeCompare(b.concept))
    .map((memory) => ({ slug: memory.concept, memory, state: progressOf(memory), retired: true }));
  return [...current, ...retired];
}

/** The counts over the whole graph; retired concepts are counted apart and count toward nothing else. */
export function progressSummary(graph: LearnerGraph, memories: Map<string, MemoryRecord>): ProgressSummaryModel {
  const all = conceptProgress(graph, memories);
  const current = all.filter((c) => !c.retired);
  const tally = counts(current.map((c) => c.state));
  return {
    ...tally,
    total: current.length,
    retired: all.length - current.length,
    percent: percentOf(tally.review + tally.mastered, current.length),
  };
}

/** Progress per section of the note, sections in the order of their names. */
export function sectionProgress(graph: LearnerGraph, memories: Map<string, MemoryRecord>): SectionProgressModel[] {
  const bySection = new Map<string, ProgressState[]>();
  for (const concept of graph.concepts) {
    const states = bySection.get(concept.source) ?? [];
    states.push(progressOf(memories.get(concept.slug) ?? null));
    bySection.set(concept.source, states);
  }
  return [...bySection.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([section, states]) => {
      const tally = counts(states);
      return {
        section,
        total: states.length,
        ...tally,
        percent: percentOf(tally.review + tally.mastered, states.length),
      };
    });
}

/** The reviews due at `now` of concepts still in the graph: the lowest retrievability (most forgotten) first, then by slug. */
export function dueReviews(
  graph: LearnerGraph,
  memories: Map<string, MemoryRecord>,
  now: Date,
): { memory: MemoryRecord; retrievability: number }[] {
  const inGraph = new Set(graph.concepts.map((c) => c.slug));
  return [...memories.values()]
    .filter((m) => inGraph.has(m.concept) && isDue(m, now))
    .map((memory) => ({ memory, retrievability: retrievability(memory, now) }))
    .sort((a, b) => a.retrievability - b.retrievability || a.memory.concept.localeCompare(b.memory.concept));
}

/**
 * The concepts to learn next: not known yet, with every prerequisite known (a concept that requires nothing is
 * always open). With a goal (its slug and the slugs it requires), those needed for it come first. Then the ones that
 * open the way to more concepts, then by slug.
 */
export function nextConcepts(
  graph: LearnerGraph,
  memories: Map<string, MemoryRecord>,
  goalClosure: ReadonlySet<string> | null,
): NextConceptModel[] {
  const prerequisites = new Map<string, string[]>(graph.concepts.map((c) => [c.slug, []]));
  const unlocks = new Map<string, number>();
  for (const [concept, prerequisite] of graph.requires) {
    if (!prerequisites.has(concept) || !prerequisites.has(prerequisite)) continue;
    prerequisites.get(concept)!.push(prerequisite);
    unlocks.set(prerequisite, (unlocks.get(prerequisite) ?? 0) + 1);
  }
  const known = (slug: string) => isKnown(memories.get(slug) ?? null);
  return graph.concepts
    .filter((c) => !known(c.slug) && prerequisites.get(c.slug)!.every(known))
    .map((c) => ({
      slug: c.slug,
      memory: memories.get(c.slug) ?? null,
      towardGoal: goalClosure?.has(c.slug) ?? false,
      unlocks: unlocks.get(c.slug) ?? 0,
    }))
    .sort(
      (a, b) => Number(b.towardGoal) - Number(a.towardGoal) || b.unlocks - a.unlocks || a.slug.localeCompare(b.slug),
    );
}
