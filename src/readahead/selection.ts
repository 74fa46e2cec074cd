import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/**
 * Reading ahead in what a client selected, so a resolver can fetch in one round trip what nested fields will ask
 * for. Selections under @include/@skip are left out unless `withConditional`: reading ahead is an optimisation, and
 * a field it misses is still resolved the ordinary way; a decision that must not miss a field counts them in.
 */

/** The parts of a field's resolve info that reading its selection needs (a test can build them from a document). */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fieldNodes' | 'fragments' | 'variableValues'>;

/** The fields of selection sets, looking through fragments; conditional ones only `withConditional`. */
export function fieldsOf(
  selectionSets: readonly (SelectionSetNode | undefined)[],
  info: Pick<SelectionInfo, 'fragments'>,
  withConditional = false,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length && !withConditional) continue;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else
        visit(
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.selectionSet
            : info.fragments[selection.name.value]?.selectionSet,
        );
    }
  };
  selectionSets.forEach(visit);
  return fields;
}

/** The selection sets reached from the resolved field by the field names of `path`, e.g. ['edges', 'node']. */
export function selectionsAt(
  info: Pick<SelectionInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
  from: readonly (SelectionSetNode | undefined)[] = info.fieldNodes.map((node) => node.selectionSet),
  withConditional = false,
): SelectionSetNode[] {
  let sets = from.filter((set): set is SelectionSetNode => set !== undefined);
  for (const name of path) {
    sets = fieldsOf(sets, info, withConditional)
      .filter((field) => field.name.value === name && field.selectionSet)
      .map((field) => field.selectionSet!);
  }
  return sets;
}
