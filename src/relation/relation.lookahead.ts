import { type FieldNode, getArgumentValues, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

import type { RelationType } from '../graph/vocabulary';
import { relatedChoiceOf } from './relation.loader';
import { MAX_RELATED_LEVELS, type RelatedChoice, type RelationDirection } from './relation.repository';

/**
 * The walk of `related(...)` fields a client selected from the concept a field returns, e.g.
 * `concept(slug: "x") { related(types: [HAS_STAGE]) { edges { node { related(types: [HAS_COMMAND]) { ... } } } } }`
 * gives [HAS_STAGE choice, HAS_COMMAND choice]: the resolver reads the concept and every level in one round trip
 * instead of one query per level. Empty when nothing is selected; at most MAX_RELATED_LEVELS deep. `pathToConcept`
 * names the fields from the resolved field down to the concepts, e.g. ['edges', 'node'] for a connection.
 *
 * Fields under @include/@skip are left out, and with several `related` fields at one level the first is followed.
 * Guessing wrong only costs the round trip it meant to save: each `related` resolver reads whatever was not prefetched.
 */
export function selectedWalk(info: GraphQLResolveInfo, pathToConcept: string[] = []): RelatedChoice[] {
  const conceptType = info.schema.getType('Concept');
  const relatedField = isObjectType(conceptType) ? conceptType.getFields().related : undefined;
  if (!relatedField) return [];
  const levels: RelatedChoice[] = [];
  let selections = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of pathToConcept) selections = [firstField(selections, name, info)?.selectionSet];
  while (levels.length < MAX_RELATED_LEVELS) {
    const related = firstField(selections, 'related', info);
    if (!related) break;
    levels.push(relatedChoiceOf(getArgumentValues(relatedField, related, info.variableValues) as { types?: RelationType[] | null; direction: RelationDirection }));
    const node = firstField([firstField([related.selectionSet], 'edges', info)?.selectionSet], 'node', info);
    selections = [node?.selectionSet];
  }
  return levels;
}

function firstField(selectionSets: (SelectionSetNode | undefined)[], name: string, info: GraphQLResolveInfo): FieldNode | null {
  for (const selectionSet of selectionSets) {
    const found = findField(selectionSet, name, info);
    if (found) return found;
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
