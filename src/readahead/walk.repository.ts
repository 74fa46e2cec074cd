import {
  type ConceptPart,
  type ConceptRead,
  type ConceptRecord,
  conceptProjection,
  conceptReadProjection,
  REF_READ,
  type RelationRecord,
  toConceptRead,
  toConceptRecord,
  toRelationRecord,
} from '../graph/graph.model';
import { Direction, RELATION_TYPES, type RelationType, SYMMETRIC_RELATIONS, type Way } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';
import { type ConceptsPlan, MAX_RELATED_LEVELS, type RelatedChoice, type WalkLevel } from './walk.plan';

/** A relation seen from one of its ends (`slug`): which way it points from there, and the concept at the other end. */
export interface RelatedRecord {
  slug: string;
  relation: RelationRecord;
  /** OUTGOING when `slug` is the subject, or the relation is symmetric. */
  direction: Way;
  /**
   * The concept at the other end: whole, or the fields its level reads (a ConceptPart; the rest is read when a client
   * asks for it).
   */
  other: ConceptRecord | ConceptPart;
}

/** A relation with, when a deeper level was asked for, the relations of the concept at its other end. */
export interface RelatedTree extends RelatedRecord {
  next: RelatedTree[] | null;
}

/** Reads walks of relations between concepts. Types come from the closed vocabulary and are written into the pattern. */
export class WalkRepository {
  constructor(private readonly db: CypherRunner) {}

  /** Every relation of each concept in `slugs` for `choice`, in one round trip. */
  async relatedOf(slugs: readonly string[], choice: RelatedChoice): Promise<RelatedRecord[]> {
    // Read for whichever `related` field asks next with this choice, so its concepts carry kind and both names.
    const levels = [{ ...choice, read: REF_READ }];
    const rows = await this.db.read(
      `UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN slug, ${walkOf('c', levels)} AS related`,
      { slugs: [...slugs] },
    );
    return rows.flatMap((row) => toRelatedTrees(row.slug as string, row.related as unknown[][], levels));
  }

  /**
   * The concepts in `slugs`, read as `plan.read` says, each with its relations for the walk's first level, the
   * relations of the concepts at their other ends for the second, and so on: a walk such as
   * `concept { related { edges { node { related } } } }` read in one round trip instead of one query per level.
   */
  async conceptsWithRelated(
    slugs: readonly string[],
    { read, walk }: ConceptsPlan,
  ): Promise<{ concept: ConceptRecord | ConceptPart; related: RelatedTree[] }[]> {
    const rows = await this.db.read(
      `UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN ${conceptReadProjection('c', read)} AS concept, ${walkOf('c', walk)} AS related`,
      { slugs: [...slugs] },
    );
    return rows.map((row) => {
      const concept = toConceptRead(row.concept as Record<string, unknown>, read);
      return { concept, related: toRelatedTrees(concept.slug, row.related as unknown[][], walk) };
    });
  }
}

/**
 * The fields of one relation in a walk's list, in the order the list holds them: a list rather than a map, so no key
 * names are sent and decoded for every relation. relatedList writes the Cypher list in this order and toRelatedTrees
 * reads its items at these positions (AT), so the two cannot drift apart. `forward` says the concept the list belongs to is the
 * stored start of the relation, which gives both ends' slugs without reading them; `other` is a whole record's map
 * or the list of the fields its level reads (partFields); `next` is the next level's list, or null.
 */
const ENTRY_FIELDS = ['type', 'forward', 'order', 'details', 'other', 'next'] as const;

/** Where each of ENTRY_FIELDS sits in an entry's list. */
const AT = Object.fromEntries(ENTRY_FIELDS.map((field, index) => [field, index])) as Record<
  (typeof ENTRY_FIELDS)[number],
  number
>;

/** The fields of a concept read in part, in the order its list holds them: the slug, then the level's PartFields. */
function partFields(read: Exclude<ConceptRead, 'whole'>): string[] {
  return ['slug', ...read];
}

type Named<Fields extends readonly string[]> = Record<Fields[number], unknown>;

/** The Cypher list of `fields`, each written by `expressions`. */
function cypherList<Fields extends readonly string[]>(
  fields: Fields,
  expressions: Record<Fields[number], string>,
): string {
  return `[${fields.map((field: Fields[number]) => expressions[field]).join(', ')}]`;
}

/** A list written by cypherList with the same fields, read back by name. */
function named<Fields extends readonly string[]>(fields: Fields, list: readonly unknown[]): Named<Fields> {
  const entry = {} as Record<string, unknown>;
  for (let index = 0; index < fields.length; index += 1) entry[fields[index]] = list[index];
  return entry as Named<Fields>;
}

/**
 * Cypher for a walk of related levels from concept variable `node`, read as RelatedTrees by toRelatedTrees with the
 * same levels; it needs no parameters. Other repositories add it to their own queries (a page of concepts
 * with its relations is one round trip); `node` must be a variable of that query, never client text.
 */
export function walkOf(node: string, levels: readonly WalkLevel[]): string {
  if (levels.length < 1 || levels.length > MAX_RELATED_LEVELS)
    throw new RangeError(`a walk has 1 to ${MAX_RELATED_LEVELS} levels`);
  return relatedList(node, 0, levels);
}

/**
 * The relations of concept `node` for the choice of `level` as one list (one row per concept, not one per relation:
 * fewer records to send and decode), each with the next level's list of the concept at its other end until the last
 * level, and that concept whole or in part as the level says.
 *
 * Types and direction are written into the pattern, so the database expands only the relationship chains asked for
 * instead of reading every relationship of the concept and filtering: the types come from the closed vocabulary (the
 * resolver has checked them), never from client text. A symmetric relation is OUTGOING from both of its ends, so an
 * OUTGOING level is two lists (the directed types one way, the symmetric ones either way), and INCOMING has none of
 * them. The other end needs no label check: relations of these types only ever join two concepts (graph.model.ts).
 */
function relatedList(node: string, level: number, levels: readonly WalkLevel[]): string {
  const r = `r${level}`;
  const o = `o${level}`;
  const { read, detailed, types, direction } = levels[level];
  const next = level + 1 < levels.length ? relatedList(o, level + 1, levels) : 'null';
  const details = detailed ? `${r} {.descriptionKo, .descriptionEn, .source, .correction}` : 'null';
  const other = read === 'whole' ? conceptProjection(o) : partList(o, read);
  // Read `order` through a map projection of the relationship the expand is on: `r.order` looks the relationship up
  // again, a database hit per relation, where the projection reads the property from the expand's own cursor.
  const order = `${r} {.order}.order`;
  // A single type is known from the pattern: `type(r)` would read the relationship again for it, a hit per relation.
  const entry = (typeList: RelationType[]) =>
    cypherList(ENTRY_FIELDS, {
      type: typeList.length === 1 ? `'${typeList[0]}'` : `type(${r})`,
      forward: `startNode(${r}) = ${node}`,
      order,
      details,
      other,
      next,
    });
  // Types and direction go into the pattern (from the closed vocabulary, never client text), so the walk expands only
  // the chosen relationships instead of reading every relationship of the node and filtering on its type.
  const chosen = RELATION_TYPES.filter((type) => types === null || types.includes(type));
  const list = (
    typeList: RelationType[],
    left: string,
    right: string,
  ) => `[(${node})${left}[${r}:${typeList.join('|')}]${right}(${o}) WHERE ${o} <> ${node} |
    ${entry(typeList)}]`;
  if (chosen.length === 0) return '[]';
  if (direction === Direction.BOTH) return list(chosen, '-', '-');
  const [left, right] = direction === Direction.OUTGOING ? ['-', '->'] : ['<-', '-'];
  const directed = chosen.filter((type) => !SYMMETRIC_RELATIONS.has(type));
  // Symmetric relations count as OUTGOING from both ends.
  const symmetric = chosen.filter((type) => SYMMETRIC_RELATIONS.has(type));
  const lists = [
    ...(directed.length > 0 ? [list(directed, left, right)] : []),
    ...(symmetric.length > 0 && direction === Direction.OUTGOING ? [list(symmetric, '-', '-')] : []),
  ];
  if (lists.length === 0) return '[]';
  return lists.join(' + ');
}

/**
 * The fields of concept `o` read in part (partFields), as a list. They are read as one map projection and then put
 * in a list: `[o.slug, o.nameEn]` reads each property on its own, a database hit per field and relation, where the
 * projection reads the node's properties in one pass (PROFILE counts no hit for it, as for the hand-written
 * `o {.slug, .nameEn}`); the list keeps key names off the wire.
 */
function partList(o: string, read: Exclude<ConceptRead, 'whole'>): string {
  const fields = partFields(read);
  const m = `${o}m`;
  return `head([${m} IN [${o} {${fields.map((field) => `.${field}`).join(', ')}}] | [${fields.map((field) => `${m}.${field}`).join(', ')}]])`;
}

/**
 * Reads the list walkOf(…, levels) gave for the concept `slug`: each entry by its ENTRY_FIELDS names, its other
 * concept whole or in part as its level says, and the next level's entries when a deeper level was asked for.
 */
export function toRelatedTrees(
  slug: string,
  related: readonly unknown[][],
  levels: readonly WalkLevel[],
  level = 0,
): RelatedTree[] {
  const { read } = levels[level];
  const fields = read === 'whole' ? null : partFields(read);
  // Read by position (AT), not through an object named per entry: a page of 50 concepts decodes some 700 entries.
  const trees = new Array<RelatedTree>(related.length);
  for (let index = 0; index < related.length; index += 1) {
    const list = related[index];
    const other =
      fields === null
        ? toConceptRecord(list[AT.other] as Record<string, unknown>)
        : toConceptRead(named(fields, list[AT.other] as unknown[]), read);
    const forward = list[AT.forward] as boolean;
    const type = list[AT.type] as RelationType;
    const details = list[AT.details] as Record<string, unknown> | null;
    const from = forward ? slug : other.slug;
    const to = forward ? other.slug : slug;
    const order = list[AT.order];
    const relation = toRelationRecord(
      details === null ? { type, from, to, order } : { ...details, type, from, to, order },
    );
    const next = list[AT.next] as unknown[][] | null;
    trees[index] = {
      slug,
      direction: forward || SYMMETRIC_RELATIONS.has(type) ? Direction.OUTGOING : Direction.INCOMING,
      relation,
      other,
      next: next ? toRelatedTrees(other.slug, next, levels, level + 1) : null,
    };
  }
  return trees;
}
