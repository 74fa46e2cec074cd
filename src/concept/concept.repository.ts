import neo4j from 'neo4j-driver';

import {
  CONCEPT_PROJECTION,
  type ConceptPart,
  type ConceptRecord,
  conceptReadProjection,
  toConceptRead,
  toConceptRecord,
} from '../graph/graph.model';
import { RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';
import type { CursorKey } from '../pagination/cursor';
import { assemblePage, type Page, type PageWindow } from '../pagination/page';
import type { ConceptsPlan } from '../readahead/walk.plan';
import { type RelatedTree, toRelatedTrees, walkOf } from '../readahead/walk.repository';

export type ConceptSortField = 'SLUG' | 'NAME_EN' | 'NAME_KO' | 'KIND' | 'DEGREE';

export interface ConceptListFilter {
  kinds?: string[] | null;
  tags?: string[] | null;
  source?: string | null;
  slugs?: string[] | null;
}

export interface ConceptListOrder {
  field: ConceptSortField;
  descending: boolean;
}

/** A page of concepts and, when a walk was asked for, each concept's relations along it. */
export interface ConceptPage extends Page<ConceptRecord | ConceptPart, number | null> {
  walks: Map<string, RelatedTree[]>;
}

export interface FlagRecord {
  command: string;
  flag: ConceptRecord;
  order: number | null;
}

/**
 * The sort key of each order: a stored property of the concept `c` with a range index that also holds the slug, so
 * index order is key order (names and degree are stored by the seeder, see src/graph/sort-keys.ts). Only these
 * texts ever reach the query.
 */
const SORT_KEYS: Record<ConceptSortField, string> = {
  SLUG: 'c.slug',
  NAME_EN: 'c.sortNameEn',
  NAME_KO: 'c.sortNameKo',
  KIND: 'c.kind',
  DEGREE: 'c.degree',
};

/**
 * One fixed predicate per filter condition, used only when that condition is set: `($x IS NULL OR ...)` would keep
 * the planner from using an index or the count store. An empty list stays a condition and matches nothing.
 */
function filterPredicates(filter: ConceptListFilter): string[] {
  const predicates: string[] = [];
  if (filter.kinds != null) predicates.push('c.kind IN $kinds');
  if (filter.tags != null) predicates.push('any(tag IN $tags WHERE tag IN coalesce(c.tags, []))');
  if (filter.source != null) predicates.push('c.source STARTS WITH $source');
  if (filter.slugs != null) predicates.push('c.slug IN $slugs');
  return predicates;
}

function where(predicates: string[]): string {
  return predicates.length > 0 ? `WHERE ${predicates.join(' AND ')}` : '';
}

/**
 * `(k, slug)` strictly beyond the cursor `$ak`/`$aslug` (or `$bk`/`$bslug`) in the direction of `op`, or, negated,
 * at or before it. The same condition is written as a range on the key property (`>=` / `<=`) that its index can
 * seek, with the exact comparison as a residual filter: `k > a OR (k = a AND s > b)` is `k >= a AND (k > a OR s > b)`,
 * and its negation `k <= a AND (k < a OR s <= b)`.
 */
function beyond(field: ConceptSortField, cursor: 'a' | 'b', op: '>' | '<', negated = false): string {
  const [k, slug] = [`$${cursor}k`, `$${cursor}slug`];
  const property = SORT_KEYS[field];
  if (!negated) return `${property} ${op}= ${k} AND (${property} ${op} ${k} OR c.slug ${op} ${slug})`;
  const back = op === '>' ? '<' : '>';
  return `${property} ${back}= ${k} AND (${property} ${back} ${k} OR c.slug ${back}= ${slug})`;
}

/** Whether a concept matching the filter lies at or before the cursor (so the list goes on past it). */
function existsBeyond(field: ConceptSortField, cursor: 'a' | 'b', op: '>' | '<', predicates: string[]): string {
  // A (key, slug) index holds only concepts with both; saying so lets the planner seek it instead of scanning.
  return `EXISTS { MATCH (c:Concept) ${where([...predicates, beyond(field, cursor, op, true), 'c.slug IS NOT NULL'])} }`;
}

/**
 * The page ordered by a key other than the slug, read from the (key, slug) index in index order. The cursor the page
 * starts from is two index seeks (the rest of its key, then the keys beyond it), each stopping after the page; the
 * cursor at the far end only bounds them.
 */
function keyRows(field: ConceptSortField, predicates: string[], window: PageWindow, fetchAsc: boolean): string {
  const key = SORT_KEYS[field];
  const dir = fetchAsc ? 'ASC' : 'DESC';
  const op = fetchAsc ? '>' : '<';
  const [near, far] = window.forward ? [window.after, window.before] : [window.before, window.after];
  const [n, f] = window.forward ? ['a', 'b'] : ['b', 'a'];
  const bounds = [...predicates, ...(far ? [beyond(field, f as 'a' | 'b', op === '>' ? '<' : '>')] : [])];
  const segment = (seek: string) =>
    `MATCH (c:Concept) WHERE ${[seek, ...bounds].join(' AND ')} WITH c, ${key} AS k ORDER BY k ${dir}, c.slug ${dir} LIMIT $take RETURN c, k`;
  const segments = near
    ? [segment(`${key} = $${n}k AND c.slug ${op} $${n}slug`), segment(`${key} ${op} $${n}k AND c.slug IS NOT NULL`)]
    : [segment(`${key} IS NOT NULL AND c.slug IS NOT NULL`)];
  return `CALL () { ${segments.join(' UNION ALL ')} }
         WITH c, k ORDER BY k ${dir}, c.slug ${dir} LIMIT $take`;
}

/**
 * The Cypher of one page, assembled from the fixed fragments above. In every order the page is read from an index in
 * index order, so ORDER BY ... LIMIT stops after the page instead of sorting every concept that matches the filter.
 * Without a filter the total comes from the count store.
 */
function pageQuery(
  filter: ConceptListFilter,
  order: ConceptListOrder,
  window: PageWindow,
  { walk, read }: ConceptsPlan,
  withTotal: boolean,
): string {
  const field = order.field;
  const asc = !order.descending;
  const predicates = filterPredicates(filter);
  const bounds: string[] = [];
  if (window.after) bounds.push(beyond(field, 'a', asc ? '>' : '<'));
  if (window.before) bounds.push(beyond(field, 'b', asc ? '<' : '>'));
  // Paging backward fetches in the opposite order and assemblePage turns the slice round.
  const fetchDir = asc === window.forward ? 'ASC' : 'DESC';
  let rows: string;
  if (field === 'SLUG') {
    // The hint keeps the planner on the slug index when a kinds filter makes the (kind, slug) index look cheaper:
    // that seek reads every concept of the kinds and sorts them, the slug index stops after the page.
    rows = `MATCH (c:Concept) USING INDEX c:Concept(slug) ${where(['c.slug IS NOT NULL', ...predicates, ...bounds])}
         WITH c, c.slug AS k ORDER BY k ${fetchDir} LIMIT $take`;
  } else {
    rows = keyRows(field, predicates, window, fetchDir === 'ASC');
  }
  const beyondAfter = window.after ? existsBeyond(field, 'a', asc ? '>' : '<', predicates) : 'false';
  const beyondBefore = window.before ? existsBeyond(field, 'b', asc ? '<' : '>', predicates) : 'false';
  // A filtered total reads every concept that matches, so it is counted only when asked for.
  const total = withTotal
    ? `CALL () { MATCH (c:Concept) ${where(predicates)} RETURN count(c) AS total }`
    : 'WITH null AS total';
  return `${total}
     CALL () {
       ${rows}
       RETURN collect({record: ${conceptReadProjection('c', read)}, k: k${walk.length > 0 ? `, related: ${walkOf('c', walk)}` : ''}}) AS rows
     }
     RETURN total, ${beyondAfter} AS beyondAfter, ${beyondBefore} AS beyondBefore, rows`;
}

/** Reads concepts: by slug, as keyset pages, their degree and their flags. */
export class ConceptRepository {
  constructor(private readonly db: CypherRunner) {}

  async bySlugs(slugs: readonly string[]): Promise<ConceptRecord[]> {
    const rows = await this.db.read(`MATCH (c:Concept) WHERE c.slug IN $slugs RETURN ${CONCEPT_PROJECTION} AS c`, {
      slugs: [...slugs],
    });
    return rows.map((row) => toConceptRecord(row.c as Record<string, unknown>));
  }

  /**
   * One keyset page, its total count and whether items lie beyond the cursors, in a single round trip. Cursor keys
   * are `[sortValue, slug]`. The plan says what else to read: with a `walk`, each concept's relations along it come in
   * the same round trip, in `walks`; items are read as `plan.read` says, whole or the fields a selection asks for.
   * Without `withTotal` the total is not counted and the page's `totalCount` is null.
   */
  async page(
    filter: ConceptListFilter,
    order: ConceptListOrder,
    window: PageWindow,
    plan: ConceptsPlan = { read: 'whole', walk: [] },
    withTotal = true,
  ): Promise<ConceptPage> {
    const { walk, read } = plan;
    const [row] = await this.db.read(pageQuery(filter, order, window, plan, withTotal), {
      kinds: filter.kinds ?? null,
      tags: filter.tags ?? null,
      source: filter.source ?? null,
      slugs: filter.slugs ?? null,
      ak: window.after?.[0] ?? null,
      aslug: window.after?.[1] ?? null,
      bk: window.before?.[0] ?? null,
      bslug: window.before?.[1] ?? null,
      // Numbers travel as floats unless marked; LIMIT insists on an integer.
      take: neo4j.int(window.size + 1),
    });
    const walks = new Map<string, RelatedTree[]>();
    const fetched = (row.rows as { record: Record<string, unknown>; k: string | number; related?: unknown[][] }[]).map(
      ({ record, k, related }) => {
        const concept = toConceptRead(record, read);
        if (related) walks.set(concept.slug, toRelatedTrees(concept.slug, related, walk));
        return { item: concept, key: [k, concept.slug] as CursorKey };
      },
    );
    return {
      ...assemblePage<ConceptRecord | ConceptPart, number | null>(
        window,
        fetched,
        row.total as number | null,
        row.beyondAfter as boolean,
        row.beyondBefore as boolean,
      ),
      walks,
    };
  }

  /** Number of relations each concept takes part in (0 for unknown slugs). */
  async degrees(slugs: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.read(
      `UNWIND $slugs AS slug MATCH (c:Concept {slug: slug}) RETURN slug, COUNT { (c)--(:Concept) } AS degree`,
      { slugs: [...slugs] },
    );
    return new Map(rows.map((row) => [row.slug as string, row.degree as number]));
  }

  /** The HAS_FLAG targets of each command, in the relation's order, then by slug. */
  async flags(commands: readonly string[]): Promise<FlagRecord[]> {
    const rows = await this.db.read(
      `UNWIND $commands AS command
       MATCH (:Concept {slug: command})-[r:${RelationType.HAS_FLAG}]->(c:Concept)
       RETURN command, ${CONCEPT_PROJECTION} AS flag, r.order AS order
       ORDER BY command, r.order IS NULL, r.order, c.slug`,
      { commands: [...commands] },
    );
    return rows.map((row) => ({
      command: row.command as string,
      flag: toConceptRecord(row.flag as Record<string, unknown>),
      order: (row.order as number | null) ?? null,
    }));
  }
}
