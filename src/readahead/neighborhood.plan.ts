import type { GraphQLResolveInfo } from 'graphql';

import { asksForWholeConcepts } from './walk.plan';
import { fieldsOf, selectionsAt } from './selection';

/** Edge fields a relation read with its type and ends only can answer (`label` needs the type alone). */
const BARE_EDGE_FIELDS: ReadonlySet<string> = new Set(['type', 'from', 'to', 'label', 'sentence', '__typename']);

/**
 * What a neighborhood must read for the fields asked for: whole concepts when any concept field needs more than slug,
 * kind and names, or a sentence is asked for (its English forms live in the whole record); edge details when an edge
 * field needs them. Fields under @include/@skip count, so what is read never falls short of what is resolved.
 */
export function neighborhoodNeeds(info: GraphQLResolveInfo): { wholeConcepts: boolean; detailedEdges: boolean } {
  const edgeFields = fieldsOf(selectionsAt(info, ['edges'], undefined, true), info, true).map(
    (field) => field.name.value,
  );
  const wholeConcepts =
    edgeFields.includes('sentence') ||
    [['nodes'], ['center'], ['edges', 'from'], ['edges', 'to']].some((path) => asksForWholeConcepts(info, path));
  return { wholeConcepts, detailedEdges: edgeFields.some((name) => !BARE_EDGE_FIELDS.has(name)) };
}
