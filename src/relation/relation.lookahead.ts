import { getArgumentValues, type GraphQLResolveInfo, isObjectType, type SelectionSetNode } from 'graphql';

import { selectionAsksForWhole } from '../concept/concept.lookahead';
import type { Direction, RelationType } from '../graph/vocabulary';
import { fieldsOf, selectionsAt } from '../schema/selection';
import { relatedChoiceOf } from './relation.loader';
import { MAX_RELATED_LEVELS, type WalkLevel } from './relation.repository';

/** ConceptRelation fields that need a relation's descriptions or source (`relation` exposes both). */
const DETAIL_FIELDS: ReadonlySet<string> = new Set(['description', 'source', 'relation']);

/**
 * Whether edges with these selection sets ask for relation details in their `relations` (see
 * RelatedChoice.detailed). The `related` resolver itself counts conditional selections too (`withConditional`): a
 * field it missed would read a relation without its descriptions.
 */
export function edgesAskForDetails(edgeSelections: readonly SelectionSetNode[], info: GraphQLResolveInfo, withConditional = false): boolean {
  const relations = selectionsAt(info, ['relations'], edgeSelections, withConditional);
  return fieldsOf(relations, info, withConditional).some((field) => DETAIL_FIELDS.has(field.name.value));
}

/**
 * The walk of `related(...)` fields a client selected from the concept a field returns, e.g.
 * `concept(slug: "x") { related(types: [HAS_STAGE]) { edges { node { related(types: [HAS_COMMAND]) { ... } } } } }`
 * gives [HAS_STAGE choice, HAS_COMMAND choice]: the resolver reads the concept and every level in one round trip
 * instead of one query per level. Each level also says whether its concepts are asked for more than their names.
 * Empty when nothing is selected; at most MAX_RELATED_LEVELS deep. `pathToConcept` names the fields from the
 * resolved field down to the concepts, e.g. ['edges', 'node'] for a connection.
 *
 * With several `related` fields at one level the first is followed. Guessing wrong only costs the round trip it
 * meant to save: each `related` resolver reads whatever was not prefetched.
 */
export function selectedWalk(info: GraphQLResolveInfo, pathToConcept: string[] = []): WalkLevel[] {
  const conceptType = info.schema.getType('Concept');
  const relatedField = isObjectType(conceptType) ? conceptType.getFields().related : undefined;
  if (!relatedField) return [];
  const levels: WalkLevel[] = [];
  let concepts = selectionsAt(info, pathToConcept);
  while (levels.length < MAX_RELATED_LEVELS) {
    const related = fieldsOf(concepts, info).find((field) => field.name.value === 'related');
    if (!related) break;
    const args = getArgumentValues(relatedField, related, info.variableValues) as { types?: RelationType[] | null; direction: Direction };
    const edges = selectionsAt(info, ['edges'], [related.selectionSet]);
    concepts = selectionsAt(info, ['node'], edges);
    levels.push({ ...relatedChoiceOf(args, edgesAskForDetails(edges, info)), whole: selectionAsksForWhole(concepts, info) });
  }
  return levels;
}
