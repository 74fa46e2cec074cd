import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/**
 * Reading ahead in what a client selected, so a resolver can fetch in one round trip what nested fields will ask
 * for. Selections under @include/@skip are left out: reading ahead is an optimisation, and a field it misses is
 * still resolved the ordinary way.
 */

/** The unconditional fields of selection sets, looking through fragments. */
export function fieldsOf(selectionSets: readonly (SelectionSetNode | undefined)[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length) continue;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else visit(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet);
    }
  };
  selectionSets.forEach(visit);
  return fields;
}

/** The selection sets reached from the resolved field by the field names of `path`, e.g. ['edges', 'node']. */
export function selectionsAt(info: GraphQLResolveInfo, path: readonly string[], from: readonly (SelectionSetNode | undefined)[] = info.fieldNodes.map((node) => node.selectionSet)): SelectionSetNode[] {
  let sets = from.filter((set): set is SelectionSetNode => set !== undefined);
  for (const name of path) {
    sets = fieldsOf(sets, info)
      .filter((field) => field.name.value === name && field.selectionSet)
      .map((field) => field.selectionSet!);
  }
  return sets;
}
