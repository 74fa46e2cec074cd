import type { ConceptsPlan, RelatedChoice } from './walk.plan';

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

/** A concept read as a plan says, with the walk of `related` levels read with it. */
export interface WalkKey {
  slug: string;
  plan: ConceptsPlan;
}

/**
 * What a choice reads, as text: equal for equal choices (a RelatedChoice's types are sorted and without repeats),
 * whatever level of a walk it comes from, since what is read of the concepts does not change which relations are.
 */
export function choiceKey(choice: RelatedChoice): string {
  let key = choiceKeys.get(choice);
  if (key === undefined) {
    key = JSON.stringify([choice.types, choice.direction, choice.detailed]);
    choiceKeys.set(choice, key);
  }
  return key;
}

/**
 * Keys made, by choice object: a list's concepts share one choice (planRelated) and a walk one level object, so a
 * page of concepts makes each key once. Choices are never changed once made.
 */
const choiceKeys = new WeakMap<RelatedChoice, string>();

/** What a plan reads, as text: what of the concept itself, and every level's choice and what of its concepts. */
export function walkPlanKey(plan: ConceptsPlan): string {
  return JSON.stringify([plan.read, plan.walk.map((level) => [choiceKey(level), level.read])]);
}

/**
 * The cache key of a RelatedKey: the slug as a JSON string, which ends where its closing quote is whatever the slug
 * holds, then the choice's key (not quoted again: escaping it would cost more than it tells apart).
 */
export function relatedCacheKey(key: RelatedKey): string {
  return JSON.stringify(key.slug) + choiceKey(key.choice);
}

/** The cache key of a WalkKey, made as relatedCacheKey's is. */
export function walkCacheKey(key: WalkKey): string {
  return JSON.stringify(key.slug) + walkPlanKey(key.plan);
}
