import { CONCEPT_PROJECTION, type ConceptRecord, type ConceptRef, conceptProjection, type RelationRecord, toConceptRecord, toConceptRef, toRelationRecord } from '../graph/graph.model';
import { RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relations: those of some types (all when null) pointing some way. */
export interface RelatedChoice {
  /** Sorted and without repeats, or null for every type. */
  types: RelationType[] | null;
  direction: RelationDirection;
  /**
   * Whether the relations are read with their descriptions and source. Without, they carry type, ends and order
   * only (what sorting, paging and naming the other concept need): descriptions in two languages are most of a
   * relation's bytes, and a page of concepts with their related names would move them all for nothing.
   */
  detailed: boolean;
}

/** One level of a walk: which relations, and whether their concepts are read whole or as ConceptRefs. */
export interface WalkLevel extends RelatedChoice {
  whole: boolean;
}

/** A relation seen from one of its ends (`slug`): which way it points from there, and the concept at the other end. */
export interface RelatedRecord {
  slug: string;
  relation: RelationRecord;
  /** OUTGOING when `slug` is the subject, or the relation is symmetric. */
  direction: 'OUTGOING' | 'INCOMING';
  /** The concept at the other end: whole, or its names only (the rest is then read when a client asks for it). */
  other: ConceptRecord | ConceptRef;
}

/** A relation with, when a deeper level was asked for, the relations of the concept at its other end. */
export interface RelatedTree extends RelatedRecord {
  next: RelatedTree[] | null;
}

const ALL_TYPES = Object.values(RelationType);

/**
 * The deepest walk `conceptsWithRelated` reads at once (concept → related → related). A level reads every relation of
 * every concept on the level before, not just the page a client shows, so deeper walks would grow as degree^levels;
 * beyond this the `related` resolvers read level by level, a page at a time.
 */
export const MAX_RELATED_LEVELS = 2;

/** Reads relations between concepts. Types are passed as parameters and checked against the closed vocabulary. */
export class RelationRepository {
  constructor(private readonly db: CypherRunner) {}

  /** Every relation of each concept in `slugs` for `choice`, in one round trip. */
  async relatedOf(slugs: readonly string[], choice: RelatedChoice): Promise<RelatedRecord[]> {
    const rows = await this.db.read(`UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN slug, ${walkOf('c', [{ ...choice, whole: false }])} AS related`, {
      slugs: [...slugs],
      ...walkParams([choice]),
    });
    return rows.flatMap((row) => toRelatedTrees(row.slug as string, row.related as unknown[][]));
  }

  /**
   * The concepts in `slugs`, each with its relations for `levels[0]`, the relations of the concepts at their other
   * ends for `levels[1]`, and so on: a walk such as `concept { related { edges { node { related } } } }` read in one
   * round trip instead of one query per level.
   */
  async conceptsWithRelated(slugs: readonly string[], levels: readonly WalkLevel[]): Promise<{ concept: ConceptRecord; related: RelatedTree[] }[]> {
    const rows = await this.db.read(
      `UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN ${CONCEPT_PROJECTION} AS concept, ${walkOf('c', levels)} AS related`,
      { slugs: [...slugs], ...walkParams(levels) },
    );
    return rows.map((row) => {
      const concept = toConceptRecord(row.concept as Record<string, unknown>);
      return { concept, related: toRelatedTrees(concept.slug, row.related as unknown[][]) };
    });
  }
}

/**
 * Cypher for a walk of related levels from concept variable `node`, read as RelatedTrees by toRelatedTrees, with
 * parameters from walkParams. Other repositories add it to their own queries (a page of concepts with its relations
 * is one round trip); `node` must be a variable of that query, never client text.
 */
export function walkOf(node: string, levels: readonly WalkLevel[]): string {
  if (levels.length < 1 || levels.length > MAX_RELATED_LEVELS) throw new RangeError(`a walk has 1 to ${MAX_RELATED_LEVELS} levels`);
  return relatedList(node, 0, levels);
}

/**
 * The relations of concept `node` for the choice of `level` as one list (one row per concept, not one per relation:
 * fewer records to send and decode), each with the next level's list of the concept at its other end until the last
 * level, and that concept whole or as a ConceptRef as the level says.
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
  const { whole, detailed, types, direction } = levels[level];
  const next = level + 1 < levels.length ? relatedList(o, level + 1, levels) : 'null';
  const details = detailed ? `${r} {.descriptionKo, .descriptionEn, .source, .correction}` : 'null';
  const other = whole ? conceptProjection(o) : `[${o}.slug, ${o}.kind, ${o}.nameKo, ${o}.nameEn]`;
  const chosen = ALL_TYPES.filter((type) => types === null || types.includes(type));
  const list = (typeList: RelationType[], left: string, right: string) =>
    `[(${node})${left}[${r}:${typeList.join('|')}]${right}(${o}) WHERE ${o} <> ${node} |
    [type(${r}), startNode(${r}) = ${node}, ${r}.order, ${details}, ${other}, ${next}]]`;
  if (chosen.length === 0) return '[]';
  if (direction === 'BOTH') return list(chosen, '-', '-');
  const [left, right] = direction === 'OUTGOING' ? ['-', '->'] : ['<-', '-'];
  const directed = chosen.filter((type) => !SYMMETRIC_RELATIONS.has(type));
  const symmetric = chosen.filter((type) => SYMMETRIC_RELATIONS.has(type));
  const lists = [...(directed.length > 0 ? [list(directed, left, right)] : []), ...(symmetric.length > 0 && direction === 'OUTGOING' ? [list(symmetric, '-', '-')] : [])];
  if (lists.length === 0) return '[]';
  return lists.join(' + ');
}

export function walkParams(levels: readonly RelatedChoice[]): Record<string, unknown> {
  const params: Record<string, unknown> = { symmetric: [...SYMMETRIC_RELATIONS] };
  levels.forEach(({ types, direction }, level) => {
    params[`types${level}`] = types ? ALL_TYPES.filter((t) => types.includes(t)) : ALL_TYPES;
    params[`direction${level}`] = direction;
  });
  return params;
}

/**
 * Reads the entries of relatedList: `[type, forward, order, details, other, next]` as a list rather than a map (no key
 * names to send and decode for every relation). `forward` says the concept `slug` is the stored start of the
 * relation, which gives both ends' slugs without reading them; `other` is a whole record's map or a ConceptRef's
 * `[slug, kind, nameKo, nameEn]`.
 */
export function toRelatedTrees(slug: string, related: unknown[][]): RelatedTree[] {
  return related.map(([type, forward, order, details, projected, next]) => {
    const other = Array.isArray(projected)
      ? toConceptRef({ slug: projected[0], kind: projected[1], nameKo: projected[2], nameEn: projected[3] })
      : toConceptRecord(projected as Record<string, unknown>);
    const [from, to] = forward ? [slug, other.slug] : [other.slug, slug];
    const relation = toRelationRecord({ ...(details as Record<string, unknown> | null), type, from, to, order });
    return {
      slug,
      direction: forward || SYMMETRIC_RELATIONS.has(relation.type) ? 'OUTGOING' : 'INCOMING',
      relation,
      other,
      next: next ? toRelatedTrees(other.slug, next as unknown[][]) : null,
    };
  });
}
