import type { Correction } from '../graph/graph.model';
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
  /** How the English name reads inside a sentence, with its article: "the Linux kernel", "an image". */
  phrase?: string;
  /** True when that English form is plural ("kernel isolation features"). */
  plural?: boolean;
  /** Where the note is wrong about this concept: what it says, what is true, and a reference. */
  correction?: Correction;
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
  /** Where the note is wrong about this relation: what it says, what is true, and a reference. */
  correction?: Correction;
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

/**
 * An entry as far as it could be read: the fields that could be read, where the entry is, and which fields it wrote
 * (`written`; a field can be written yet unreadable). Complete items are drafts too, with `written` left out.
 */
export type SeedDraft<T extends { at: SeedLocation }> = Partial<Omit<T, 'at'>> & { at: SeedLocation; written?: ReadonlySet<string> };

/** Every entry of the seed folder as far as it could be read, broken ones included, in reading order. */
export interface SeedDrafts {
  concepts: SeedDraft<SeedConcept>[];
  relations: SeedDraft<SeedRelation>[];
  comparisons: SeedDraft<SeedComparison>[];
  /** Learner words are read whole or not at all, so they have no drafts. */
  learnerWords?: SeedLearnerWords[];
}
