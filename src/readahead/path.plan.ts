import type { GraphQLResolveInfo } from 'graphql';

import { asksForWholeConcepts } from './walk.plan';
import { fieldsOf } from './selection';

/**
 * Path fields a path read with ConceptRefs and bare relations can answer: `nodes` completes a ConceptRef through the
 * loader when a field needs more, but sentences need whole records and there is no second read for them.
 */
const LEAN_PATH_FIELDS: ReadonlySet<string> = new Set(['length', 'nodes', '__typename']);

/** Whether the paths asked for need whole concept records and relation descriptions. Conditional fields count. */
export function pathsNeedWhole(info: GraphQLResolveInfo): boolean {
  const fields = fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info,
    true,
  );
  return fields.some((field) => !LEAN_PATH_FIELDS.has(field.name.value)) || asksForWholeConcepts(info, ['nodes']);
}
