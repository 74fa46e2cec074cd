import type { Bilingual, BilingualList, ConceptKind, RelationType } from '../graph/vocabulary';

/** Where an item was written, so every validation error can name the file and line to change. */
export interface SeedLocation {
  file: string;
  line: number;
}

/** One concept as written in a seed file (see seed/README.md). */
export interface SeedConcept {
  slug: string;
  kind: ConceptKind;
  name: Bilingual;
  aliases: BilingualList;
  summary: Bilingual;
  details?: Bilingual;
  tags: string[];
  /** The section of the source note, as "Heading > Subheading". */
  source: string;
  /** Commands and flags: how they are typed. */
  syntax?: string;
  /** Lifecycle stages: their position, 1-based. */
  order?: number;
  at: SeedLocation;
}

/** One relationship as written in a seed file. */
export interface SeedRelation {
  type: RelationType;
  from: string;
  to: string;
  description?: Bilingual;
  order?: number;
  source: string;
  at: SeedLocation;
}

/** One row of a stored comparison: an aspect and each compared concept's value. */
export interface SeedComparisonAspect {
  aspect: Bilingual;
  values: Record<string, Bilingual>;
}

/** A stored aspect-by-aspect comparison between concepts (e.g. OS container vs application container). */
export interface SeedComparison {
  slug: string;
  title: Bilingual;
  concepts: string[];
  aspects: SeedComparisonAspect[];
  source: string;
  at: SeedLocation;
}

/** The everyday words learners use for one concept, in both languages (seed/learner-words.yaml). */
export interface SeedLearnerWords {
  slug: string;
  words: BilingualList;
  at: SeedLocation;
}

/** Everything the seed folder holds, after parsing and before validation against the graph rules. */
export interface SeedContent {
  concepts: SeedConcept[];
  relations: SeedRelation[];
  comparisons: SeedComparison[];
  learnerWords: SeedLearnerWords[];
}
