import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType } from '../graph/vocabulary';

/**
 * Orders a guided tour, without touching the database. The route is the learning order of the target (every
 * prerequisite before what needs it, the target last) minus what the learner already knows (the starting concept
 * and everything it requires). Each step is explained by one relation: preferably one that ties it to something
 * already seen (a fact such as "SIGKILL is a kind of signal" before a bare prerequisite), the most recent first;
 * for a first step with nothing before it, the relation to the later concept that needs it.
 */

export interface TourInput {
  target: ConceptRecord;
  /** The learning order of the target's prerequisites, the target last. */
  order: ConceptRecord[];
  /** What the learner knows: the starting concept and everything it requires (empty without a start). */
  known: ConceptRecord[];
  from: ConceptRecord | null;
  /** The relations among the concepts of `order` and `known`. */
  relations: RelationRecord[];
}

export interface TourStepModel {
  position: number;
  concept: ConceptRecord;
  /** The relation that says why this step comes now; null when the step is related to nothing else on the tour. */
  via: RelationRecord | null;
}

const TYPE_ORDER = RELATION_TYPES;

/** The steps of the tour: no concept twice, the target last. */
export function planTour(input: TourInput): TourStepModel[] {
  const knownSlugs = new Set(input.known.map((concept) => concept.slug));
  const fresh = input.order.filter((concept) => !knownSlugs.has(concept.slug));
  // The learner already knows the target (the start requires it): the tour is the target alone, tied to the start.
  const steps = fresh.length > 0 ? fresh : [input.target];
  const index = new Map(steps.map((concept, i) => [concept.slug, i]));
  // Known concepts count as seen before the first step; the starting concept as the most recent of them.
  const seenAt = (slug: string, position: number): number | null => {
    const at = index.get(slug);
    if (at !== undefined) return at < position ? at : null;
    if (slug === input.from?.slug) return -1;
    return knownSlugs.has(slug) ? -2 : null;
  };
  const other = (relation: RelationRecord, slug: string) => (relation.from === slug ? relation.to : relation.from);
  const touching = (slug: string) =>
    input.relations.filter(
      (r) => (r.from === slug || r.to === slug) && r.from !== r.to && r.type !== RelationType.COVERS,
    );
  const tie = (a: RelationRecord, b: RelationRecord, slug: string) =>
    TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || other(a, slug).localeCompare(other(b, slug));

  return steps.map((concept, position) => {
    const slug = concept.slug;
    const relations = touching(slug);
    const back = relations
      .map((relation) => ({ relation, at: seenAt(other(relation, slug), position) }))
      .filter((entry): entry is { relation: RelationRecord; at: number } => entry.at !== null)
      .sort(
        (a, b) =>
          Number(a.relation.type === RelationType.LEARN_AFTER) - Number(b.relation.type === RelationType.LEARN_AFTER) ||
          b.at - a.at ||
          tie(a.relation, b.relation, slug),
      );
    if (back.length > 0) return { position: position + 1, concept, via: back[0].relation };
    const ahead = relations
      .map((relation) => ({ relation, at: index.get(other(relation, slug)) }))
      .filter(
        (entry): entry is { relation: RelationRecord; at: number } => entry.at !== undefined && entry.at > position,
      )
      .sort(
        (a, b) =>
          Number(!(a.relation.type === RelationType.LEARN_AFTER && a.relation.to === slug)) -
            Number(!(b.relation.type === RelationType.LEARN_AFTER && b.relation.to === slug)) ||
          a.at - b.at ||
          tie(a.relation, b.relation, slug),
      );
    return { position: position + 1, concept, via: ahead[0]?.relation ?? null };
  });
}
