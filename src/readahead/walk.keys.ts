import type { RelatedChoice, WalkLevel } from './walk.plan';

/**
 * The read-ahead's DataLoader keys, made only here and only from the plan: the loader that reads an entry, the walk
 * that primes it and the resolver that asks for it all name it through these functions, so a primed entry is found
 * exactly when the same choice is asked again.
 */

/** One concept's relations for one choice: what one `related(types:, direction:)` field of that concept reads. */
export interface RelatedKey {
  slug: string;
  choice: RelatedChoice;
}

/** A concept and the walk of `related` levels read with it. */
export interface WalkKey {
  slug: string;
  levels: readonly WalkLevel[];
}

/**
 * What a choice reads, as text: equal for equal choices (a RelatedChoice's types are sorted and without repeats),
 * whatever level of a walk it comes from, since `whole` does not change which relations are read.
 */
export function choiceKey(choice: RelatedChoice): string {
  return JSON.stringify([choice.types, choice.direction, choice.detailed]);
}

/** What a walk reads, as text: every level's choice and whether its concepts are whole. */
export function walkPlanKey(levels: readonly WalkLevel[]): string {
  return JSON.stringify(levels.map((level) => [choiceKey(level), level.whole]));
}

/** The cache key of a RelatedKey. */
export function relatedCacheKey(key: RelatedKey): string {
  return JSON.stringify([key.slug, choiceKey(key.choice)]);
}

/** The cache key of a WalkKey. */
export function walkCacheKey(key: WalkKey): string {
  return JSON.stringify([key.slug, walkPlanKey(key.levels)]);
}
