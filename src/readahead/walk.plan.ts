import { getArgumentValues, isObjectType, type SelectionSetNode } from 'graphql';

import { type ConceptRead, PART_FIELDS, type PartField } from '../graph/graph.model';
import { type Direction, Lang, type RelationType } from '../graph/vocabulary';
import { fieldsOf, type SelectionInfo, selectionsAt } from './selection';

/**
 * The walk plan: what to read for the concepts a field returns, decided from the client's selection before any
 * Cypher runs. walk.repository turns a plan into its one Cypher fragment and decodes the answer by the same plan,
 * and walk.keys names the loader entries by it, so what is read, how it is decoded and where it is cached cannot
 * disagree.
 */

/** Which relations: those of some types (all when null) pointing some way. One `related(types:, direction:)` field. */
export interface RelatedChoice {
  /** Sorted and without repeats, or null for every type. */
  types: RelationType[] | null;
  direction: Direction;
  /**
   * Whether the relations are read with their descriptions and source. Without, they carry type, ends and order
   * only (what sorting, paging and naming the other concept need): descriptions in two languages are most of a
   * relation's bytes, and a page of concepts with their related names would move them all for nothing.
   */
  detailed: boolean;
}

/** One level of a walk: which relations, and what is read of the concepts at their other ends. */
export interface WalkLevel extends RelatedChoice {
  read: ConceptRead;
}

/**
 * What to read for the concepts at one place of a selection: whole records, or the slug and only the fields asked
 * for (a ConceptPart), and the walk from them.
 */
export interface ConceptsPlan {
  read: ConceptRead;
  /** Empty when no `related` is selected below them. */
  walk: WalkLevel[];
}

/**
 * The deepest walk read at once (concept → related → related). A level reads every relation of every concept on
 * the level before, not just the page a client shows, so deeper walks would grow as degree^levels; beyond this the
 * `related` resolvers read level by level, a page at a time.
 */
export const MAX_RELATED_LEVELS = 2;

/** Concept fields that need more of the record than a ConceptRef holds (slug, kind, names). */
const WHOLE_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'aliases',
  'summary',
  'details',
  'tags',
  'source',
  'syntax',
  'order',
]);

/**
 * Concept fields answered from the slug alone (`degree`, `related` and `flags` are read by slug; `flags` checks the
 * kind first). Every other field outside WHOLE_RECORD_FIELDS needs the PartFields conceptPartFields names for it.
 */
const FIELDS_FOR: Readonly<Record<string, readonly PartField[]>> = { kind: ['kind'], flags: ['kind'] };

/** ConceptRelation fields that need a relation's descriptions or source (`relation` exposes both). */
const DETAIL_FIELDS: ReadonlySet<string> = new Set(['description', 'source', 'relation']);

/** The arguments of a `related` field as a choice, normalised so equal choices share one cache entry and one query. */
export function relatedChoiceOf(
  args: { types?: readonly RelationType[] | null; direction: Direction },
  detailed: boolean,
): RelatedChoice {
  return { types: args.types ? [...new Set(args.types)].sort() : null, direction: args.direction, detailed };
}

/** Whether concepts with these selection sets are asked for a field a ConceptRef cannot answer. */
function selectionAsksForWhole(selectionSets: readonly SelectionSetNode[], info: SelectionInfo): boolean {
  return fieldsOf(selectionSets, info).some((field) => WHOLE_RECORD_FIELDS.has(field.name.value));
}

/**
 * Whether the concepts at `path` under the resolved field (e.g. ['concept'] for a search hit) are asked for more than
 * slug, kind and names: then reading whole records at once saves a second round trip; otherwise ConceptRefs save
 * moving summaries and details nobody reads.
 */
export function asksForWholeConcepts(info: SelectionInfo, path: readonly string[]): boolean {
  return selectionAsksForWhole(selectionsAt(info, path), info);
}

/**
 * The PartFields concepts with these selection sets are asked for: `kind` for kind and flags, and the name in each
 * language a `name` field asks for (its `lang`, else `lang`, the request's language). Fields under @include/@skip
 * count: a ConceptRef carried kind and both names, and a field missed here would cost a second round trip.
 */
function conceptPartFields(selectionSets: readonly SelectionSetNode[], info: SelectionInfo, lang: Lang): PartField[] {
  const conceptType = info.schema.getType('Concept');
  const nameField = isObjectType(conceptType) ? conceptType.getFields().name : undefined;
  const wanted = new Set<PartField>();
  for (const field of fieldsOf(selectionSets, info, true)) {
    for (const part of FIELDS_FOR[field.name.value] ?? []) wanted.add(part);
    if (field.name.value === 'name') {
      const asked = nameField ? (getArgumentValues(nameField, field, info.variableValues).lang as Lang | null) : null;
      wanted.add((asked ?? lang) === Lang.KO ? 'nameKo' : 'nameEn');
    }
  }
  return PART_FIELDS.filter((part) => wanted.has(part));
}

/**
 * What to read of concepts with the selection sets `asked` (the ones the whole/part choice is made from) and `seen`
 * (every selection where the same concept objects surface): whole records when `asked` needs more than a ConceptRef,
 * else the fields any of them asks for.
 */
function readFor(
  asked: readonly SelectionSetNode[],
  seen: readonly SelectionSetNode[],
  info: SelectionInfo,
  lang: Lang,
): ConceptRead {
  return selectionAsksForWhole(asked, info) ? 'whole' : conceptPartFields([...asked, ...seen], info, lang);
}

/** What to read of the concepts at `path` under the resolved field: whole, or the fields asked of them (see readFor). */
export function conceptReadAt(info: SelectionInfo, path: readonly string[], lang: Lang): ConceptRead {
  return readFor(selectionsAt(info, path), selectionsAt(info, path, undefined, true), info, lang);
}

/**
 * Whether edges with these selection sets ask for relation details in their `relations` (see
 * RelatedChoice.detailed). The `related` resolver itself counts conditional selections too (`withConditional`): a
 * field it missed would read a relation without its descriptions.
 */
function edgesAskForDetails(
  edgeSelections: readonly SelectionSetNode[],
  info: SelectionInfo,
  withConditional = false,
): boolean {
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
export function selectedWalk(info: SelectionInfo, pathToConcept: readonly string[], lang: Lang): WalkLevel[] {
  const conceptType = info.schema.getType('Concept');
  const relatedField = isObjectType(conceptType) ? conceptType.getFields().related : undefined;
  if (!relatedField) return [];
  const levels: WalkLevel[] = [];
  let concepts = selectionsAt(info, pathToConcept);
  // Every `related` at a depth, not only the one followed: one with the same choice is answered from the same loader
  // entries, so the fields any of them asks of its concepts are read. A relation's `from` and `to` are such concepts.
  let everyConcept = selectionsAt(info, pathToConcept, undefined, true);
  while (levels.length < MAX_RELATED_LEVELS) {
    const related = fieldsOf(concepts, info).find((field) => field.name.value === 'related');
    if (!related) break;
    const args = getArgumentValues(relatedField, related, info.variableValues) as {
      types?: RelationType[] | null;
      direction: Direction;
    };
    const edges = selectionsAt(info, ['edges'], [related.selectionSet]);
    concepts = selectionsAt(info, ['node'], edges);
    const everyEdge = selectionsAt(info, ['related', 'edges'], everyConcept, true);
    everyConcept = selectionsAt(info, ['node'], everyEdge, true);
    const ends = ['from', 'to'].flatMap((end) => selectionsAt(info, ['relations', 'relation', end], everyEdge, true));
    levels.push({
      ...relatedChoiceOf(args, edgesAskForDetails(edges, info)),
      read: readFor(concepts, [...everyConcept, ...ends], info, lang),
    });
  }
  return levels;
}

/**
 * The plan for the concepts at `path` under the resolved field (a page's items): what to read of them, and the walk
 * below them. `lang` is the request's language, for `name` fields without a `lang` of their own.
 */
export function planConcepts(info: SelectionInfo, path: readonly string[], lang: Lang): ConceptsPlan {
  return { read: conceptReadAt(info, path, lang), walk: selectedWalk(info, path, lang) };
}

/**
 * The plan for the one concept the resolved field returns (`concept(slug:)`). It is read whole when its first level
 * selects the stored `relation` of an edge: that relation's end at this concept is then looked up by slug, which a
 * whole record read here answers without another round trip.
 */
export function planConcept(info: SelectionInfo, lang: Lang): ConceptsPlan {
  const walk = selectedWalk(info, [], lang);
  const relations = selectionsAt(info, ['related', 'edges', 'relations', 'relation'], undefined, true);
  return { read: relations.length > 0 ? 'whole' : conceptReadAt(info, [], lang), walk };
}

/**
 * Whether the connection's `totalCount` is selected, counting fields under @include/@skip: a filtered total reads
 * every matching concept, so it is counted only when asked for, and a total that is asked for must never be missed.
 */
export function totalAsked(info: SelectionInfo): boolean {
  return fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info,
    true,
  ).some((field) => field.name.value === 'totalCount');
}

/**
 * The choice of the `related` field being resolved (`info` is that field's), counting fields under @include/@skip:
 * a detail it missed would read the relations without their descriptions.
 */
export function planRelated(
  info: SelectionInfo,
  args: { types?: readonly RelationType[] | null; direction: Direction },
): RelatedChoice {
  const planned = plannedRelated.get(info.fieldNodes);
  if (planned && planned.direction === args.direction && sameTypes(planned.types, args.types)) return planned.choice;
  const choice = relatedChoiceOf(args, edgesAskForDetails(selectionsAt(info, ['edges'], undefined, true), info, true));
  plannedRelated.set(info.fieldNodes, { types: args.types, direction: args.direction, choice });
  return choice;
}

/**
 * The last choice planned for a `related` field, by its field nodes: graphql-js hands every concept of a list the same
 * field nodes within one execution, so a page of 50 concepts reads its selection once instead of 50 times, and the
 * concepts share one choice object (whose key walk.keys then makes once). The arguments are compared because a
 * field's variables could differ between executions of the same nodes.
 */
const plannedRelated = new WeakMap<
  SelectionInfo['fieldNodes'],
  { types: readonly RelationType[] | null | undefined; direction: Direction; choice: RelatedChoice }
>();

function sameTypes(
  a: readonly RelationType[] | null | undefined,
  b: readonly RelationType[] | null | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
