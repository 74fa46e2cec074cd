import { type FieldNode, getArgumentValues, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

import type { RelationType } from '../graph/vocabulary';
import { type RelatedKey, relatedKeyOf } from './relation.loader';
import type { RelationDirection } from './relation.repository';

/**
 * The `related(...)` field a client selected directly on the concept a field returns, e.g.
 * `concept(slug: "x") { name related(types: [HAS_STAGE]) { ... } }`, as the key the related loader will ask for. The
 * resolver reads the concept and those relations in one round trip instead of one after the other.
 *
 * Null when there is no such field or it sits under @include/@skip; with several, the first. Guessing wrong only
 * costs the round trip it meant to save: the `related` resolver still reads whatever was not prefetched.
 */
export function selectedRelated(info: GraphQLResolveInfo, slug: string): RelatedKey | null {
  const conceptType = info.schema.getType('Concept');
  const relatedField = isObjectType(conceptType) ? conceptType.getFields().related : undefined;
  if (!relatedField) return null;
  for (const fieldNode of info.fieldNodes) {
    const node = findField(fieldNode.selectionSet, 'related', info);
    if (node) return relatedKeyOf(slug, getArgumentValues(relatedField, node, info.variableValues) as { types?: RelationType[] | null; direction: RelationDirection });
  }
  return null;
}

/** The first unconditional field called `name` in a selection set, looking through fragments. */
function findField(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode | null {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.directives?.length) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) return selection;
      continue;
    }
    const nested = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
    const found = findField(nested, name, info);
    if (found) return found;
  }
  return null;
}
