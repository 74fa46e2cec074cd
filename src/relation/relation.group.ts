import type { ConceptPart, ConceptRecord } from '../graph/graph.model';
import type { CursorKey } from '../pagination/cursor';
import type { RelatedRecord } from '../readahead/walk.repository';

/** One related concept and every relation between it and the asking concept (a `related` edge). */
export interface RelatedGroup {
  other: ConceptRecord | ConceptPart;
  /** Never empty; in relatedSortKey order. */
  relations: RelatedRecord[];
}

/**
 * The relations of one concept, sorted by relatedSortKey, grouped by the concept at their other end: one group per
 * related concept, in the order of each group's first relation. Relay's and urql's normalised caches keep one edge
 * per node, so a list with one edge per relation would lose every second relation to the same concept.
 */
export function groupRelated(sorted: readonly RelatedRecord[]): RelatedGroup[] {
  const groups = new Map<string, RelatedGroup>();
  for (const record of sorted) {
    const group = groups.get(record.other.slug);
    if (group) group.relations.push(record);
    else groups.set(record.other.slug, { other: record.other, relations: [record] });
  }
  return [...groups.values()];
}

/**
 * The sort key of a group (and of its cursor): its first relation's type and order, then the related slug. The slug
 * makes it unique, and ordering groups by it is the order groupRelated gives them.
 */
export function relatedGroupKey(group: RelatedGroup): CursorKey {
  const first = group.relations[0].relation;
  return [first.type, first.order, group.other.slug];
}
