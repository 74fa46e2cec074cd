import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

import { fieldsOf, selectionsAt } from '../schema/selection';

/** Concept fields that need more of the record than a ConceptRef holds (slug, kind, names). */
const WHOLE_RECORD_FIELDS: ReadonlySet<string> = new Set(['aliases', 'summary', 'details', 'tags', 'source', 'syntax', 'order']);

/** Whether concepts with these selection sets are asked for a field a ConceptRef cannot answer. */
export function selectionAsksForWhole(selectionSets: readonly SelectionSetNode[], info: GraphQLResolveInfo): boolean {
  return fieldsOf(selectionSets, info).some((field) => WHOLE_RECORD_FIELDS.has(field.name.value));
}

/**
 * Whether the concepts at `path` under the resolved field (e.g. ['concept'] for a search hit) are asked for more than
 * slug, kind and names: then reading whole records at once saves a second round trip; otherwise ConceptRefs save
 * moving summaries and details nobody reads.
 */
export function asksForWholeConcepts(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectionAsksForWhole(selectionsAt(info, path), info);
}

/**
 * Whether the connection's `totalCount` is selected, counting fields under @include/@skip: a filtered total reads
 * every matching concept, so it is counted only when asked for, and a total that is asked for must never be missed.
 */
export function totalAsked(info: GraphQLResolveInfo): boolean {
  return fieldsOf(info.fieldNodes.map((node) => node.selectionSet), info, true).some((field) => field.name.value === 'totalCount');
}
