import type { GraphQLResolveInfo } from 'graphql';

import type { ConceptRead } from '../graph/graph.model';
import type { Lang } from '../graph/vocabulary';
import { asksForWholeConcepts, conceptReadAt } from './walk.plan';
import { fieldsOf } from './selection';

/**
 * Path fields a path read with concept parts and bare relations can answer: `nodes` completes a part through the
 * loader when a field needs more, but sentences need whole records and there is no second read for them.
 */
const LEAN_PATH_FIELDS: ReadonlySet<string> = new Set(['length', 'nodes', '__typename']);

/** Whether the paths asked for need whole concept records and relation descriptions. Conditional fields count. */
function pathsNeedWhole(info: GraphQLResolveInfo): boolean {
  const fields = fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info,
    true,
  );
  return fields.some((field) => !LEAN_PATH_FIELDS.has(field.name.value)) || asksForWholeConcepts(info, ['nodes']);
}

/**
 * What to read of the concepts along the paths asked for: whole records (with relation descriptions) when
 * pathsNeedWhole, else the slug and the fields `nodes` asks for, with `lang` for a `name` without its own.
 */
export function pathRead(info: GraphQLResolveInfo, lang: Lang): ConceptRead {
  return pathsNeedWhole(info) ? 'whole' : conceptReadAt(info, ['nodes'], lang);
}
