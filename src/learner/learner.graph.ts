import type { ConceptRef } from '../graph/graph.model';

/** A concept of the graph as the learner queries need it. */
export interface GraphConcept {
  slug: string;
  /** The section of the note it comes from ("Container and Docker > OS Container"). */
  source: string;
}

/** The graph's concepts and learning order, as read from the database. */
export interface LearnerGraph {
  concepts: (GraphConcept & Partial<ConceptRef>)[];
  /** `[concept, prerequisite]`: `concept LEARN_AFTER prerequisite`. */
  requires: [string, string][];
}

/** A section of the note and how many concepts of the graph come from it. */
export interface SectionTotal {
  section: string;
  total: number;
}

const NO_SLUGS: readonly string[] = [];

/** Slugs in cursor-key order (compareKeys on one string: by UTF-16 code units), without a key per comparison. */
const bySlug = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The part of every learner answer that is the same for all learners: the concepts in slug order, the sections and
 * their sizes, and the learning order both ways. Built once per graph version and shared by every request, so a
 * request reads only the learner's own memories; everything here is read-only once built.
 */
export class LearnerGraphIndex {
  readonly concepts: ReadonlyMap<string, GraphConcept & ConceptRef>;
  /** Every slug in cursor-key order. */
  readonly slugs: readonly string[];
  /** The index of each slug in `slugs`. */
  readonly slugPosition: ReadonlyMap<string, number>;
  /** Sections in the order of their names (as the answers have always listed them). */
  readonly sections: readonly SectionTotal[];
  /** The concepts each concept is learned after (LEARN_AFTER targets), one entry per relation. */
  readonly prerequisites: ReadonlyMap<string, readonly string[]>;
  /** The concepts learned directly after each concept (LEARN_AFTER sources), one entry per relation. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** The concepts that are learned after nothing, most unlocking first, then by slug. */
  readonly roots: readonly string[];
  /** The index of each root in `roots`. */
  readonly rootPosition: ReadonlyMap<string, number>;

  constructor(graph: LearnerGraph) {
    const concepts = new Map<string, GraphConcept & ConceptRef>();
    for (const c of graph.concepts) {
      concepts.set(c.slug, {
        slug: c.slug,
        source: c.source,
        kind: c.kind!,
        nameKo: c.nameKo ?? c.nameEn ?? c.slug,
        nameEn: c.nameEn ?? c.nameKo ?? c.slug,
      });
    }
    this.concepts = concepts;
    this.slugs = [...concepts.keys()].sort(bySlug);
    const totals = new Map<string, number>();
    for (const c of concepts.values()) totals.set(c.source, (totals.get(c.source) ?? 0) + 1);
    this.slugPosition = new Map(this.slugs.map((slug, i) => [slug, i]));
    this.sections = [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([section, total]) => ({ section, total }));
    const prerequisites = new Map<string, string[]>();
    const dependents = new Map<string, string[]>();
    for (const [concept, prerequisite] of graph.requires) {
      if (!concepts.has(concept) || !concepts.has(prerequisite)) continue;
      if (!prerequisites.has(concept)) prerequisites.set(concept, []);
      if (!dependents.has(prerequisite)) dependents.set(prerequisite, []);
      prerequisites.get(concept)!.push(prerequisite);
      dependents.get(prerequisite)!.push(concept);
    }
    this.prerequisites = prerequisites;
    this.dependents = dependents;
    this.roots = this.slugs
      .filter((slug) => !prerequisites.has(slug))
      .map((slug) => ({ slug, unlocks: this.unlocks(slug) }))
      .sort((a, b) => b.unlocks - a.unlocks || bySlug(a.slug, b.slug))
      .map(({ slug }) => slug);
    this.rootPosition = new Map(this.roots.map((slug, i) => [slug, i]));
  }

  get size(): number {
    return this.slugs.length;
  }

  has(slug: string): boolean {
    return this.concepts.has(slug);
  }

  prerequisitesOf(slug: string): readonly string[] {
    return this.prerequisites.get(slug) ?? NO_SLUGS;
  }

  dependentsOf(slug: string): readonly string[] {
    return this.dependents.get(slug) ?? NO_SLUGS;
  }

  /** Concepts learned directly after this one (the LEARN_AFTER relations that point at it). */
  unlocks(slug: string): number {
    return this.dependentsOf(slug).length;
  }

  /** The concept and every concept it needs, directly or not; null when no concept has that slug. */
  closure(slug: string): Set<string> | null {
    if (!this.concepts.has(slug)) return null;
    const seen = new Set([slug]);
    const queue = [slug];
    while (queue.length > 0) {
      for (const prerequisite of this.prerequisitesOf(queue.pop()!)) {
        if (seen.has(prerequisite)) continue;
        seen.add(prerequisite);
        queue.push(prerequisite);
      }
    }
    return seen;
  }
}

/**
 * The index of the current graph version, shared by the requests of one process. The version is read with each
 * learner read (a few constant-cost lookups), so a re-seed, by this process or any other, is seen by the next read.
 * One version is kept: the graph has one current version, and an old one is never asked for again.
 */
export class LearnerGraphCache {
  private entry?: { version: string; index: LearnerGraphIndex };

  /** The version the cache holds, or '' when it holds none. */
  get version(): string {
    return this.entry?.version ?? '';
  }

  get(version: string): LearnerGraphIndex | undefined {
    return this.entry?.version === version ? this.entry.index : undefined;
  }

  set(version: string, index: LearnerGraphIndex): void {
    this.entry = { version, index };
  }
}

/** The process's cache, used by every LearnerRepository that is not given its own. */
export const processLearnerGraphs = new LearnerGraphCache();
