import { Direction, RELATION_TYPES, type RelationType, type Way } from '../graph/vocabulary';
import type { ComparedRelation } from './compare.repository';

/** The relations of one type and direction, per compared concept. */
export interface RelationGroup {
  type: RelationType;
  direction: Way;
  /** Compared slug -> its relations of this type and direction, by relation order, then the other end's slug. */
  bySlug: Map<string, ComparedRelation[]>;
}

const DIRECTIONS: readonly Way[] = [Direction.OUTGOING, Direction.INCOMING];

function byOrderThenSlug(x: ComparedRelation, y: ComparedRelation): number {
  return (x.relation.order ?? Infinity) - (y.relation.order ?? Infinity) || x.other.slug.localeCompare(y.other.slug);
}

/**
 * The relations of compared concepts grouped by type and direction, groups in a stable order (by type as the
 * vocabulary lists them, outgoing before incoming), so `compare` and `difference` list aspects the same way.
 */
export function groupByTypeAndDirection(relations: readonly ComparedRelation[]): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  // Sorting before grouping keeps every list sorted: Array.prototype.sort is stable.
  for (const relation of [...relations].sort(byOrderThenSlug)) {
    const key = `${relation.relation.type}:${relation.direction}`;
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { type: relation.relation.type, direction: relation.direction, bySlug: new Map() }));
    const list = group.bySlug.get(relation.slug);
    if (list) list.push(relation);
    else group.bySlug.set(relation.slug, [relation]);
  }
  return RELATION_TYPES.flatMap((type) => DIRECTIONS.map((direction) => groups.get(`${type}:${direction}`))).filter(
    (group): group is RelationGroup => group !== undefined,
  );
}
