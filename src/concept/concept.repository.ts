import neo4j from 'neo4j-driver';

import { CONCEPT_PROJECTION, type ConceptRecord, toConceptRecord } from '../graph/graph.model';
import { RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';
import type { CursorKey } from '../pagination/cursor';
import { assemblePage, type Page, type PageWindow } from '../pagination/page';

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

export interface FlagRecord {
  command: string;
  flag: ConceptRecord;
  order: number | null;
}

/** The sort key of each order, as fixed Cypher over the concept `c`. Only these texts ever reach the query. */
const SORT_KEYS: Record<ConceptSortField, string> = {
  SLUG: 'c.slug',
  NAME_EN: 'toLower(coalesce(c.nameEn, c.nameKo, c.slug))',
  NAME_KO: 'toLower(coalesce(c.nameKo, c.nameEn, c.slug))',
  KIND: 'c.kind',
  DEGREE: 'COUNT { (c)--(:Concept) }',
};

const FILTER = `($kinds IS NULL OR c.kind IN $kinds)
  AND ($tags IS NULL OR any(tag IN $tags WHERE tag IN coalesce(c.tags, [])))
  AND ($source IS NULL OR c.source STARTS WITH $source)
  AND ($slugs IS NULL OR c.slug IN $slugs)`;

/** `(k, slug)` strictly after / before a cursor key in the given direction. */
function beyond(cursor: 'a' | 'b', greater: boolean): string {
  const op = greater ? '>' : '<';
  return `(k ${op} $${cursor}k OR (k = $${cursor}k AND c.slug ${op} $${cursor}slug))`;
}

/** Reads concepts: by slug, as keyset pages, their degree and their flags. */
export class ConceptRepository {
  constructor(private readonly db: CypherRunner) {}

  async bySlugs(slugs: readonly string[]): Promise<ConceptRecord[]> {
    const rows = await this.db.read(`MATCH (c:Concept) WHERE c.slug IN $slugs RETURN ${CONCEPT_PROJECTION} AS c`, { slugs: [...slugs] });
    return rows.map((row) => toConceptRecord(row.c as Record<string, unknown>));
  }

  /**
   * One keyset page, its total count and whether items lie beyond the cursors, in a single round trip. Cursor keys
   * are `[sortValue, slug]`.
   */
  async page(filter: ConceptListFilter, order: ConceptListOrder, window: PageWindow): Promise<Page<ConceptRecord>> {
    const key = SORT_KEYS[order.field];
    const asc = !order.descending;
    const afterCond = beyond('a', asc);
    const beforeCond = beyond('b', !asc);
    // Paging backward fetches in the opposite order and assemblePage turns the slice round.
    const fetchDir = asc === window.forward ? 'ASC' : 'DESC';
    const [row] = await this.db.read(
      `CALL () {
         MATCH (c:Concept) WHERE ${FILTER}
         WITH c, ${key} AS k
         RETURN count(c) AS total,
                count(CASE WHEN $ak IS NOT NULL AND NOT ${afterCond} THEN 1 END) > 0 AS beyondAfter,
                count(CASE WHEN $bk IS NOT NULL AND NOT ${beforeCond} THEN 1 END) > 0 AS beyondBefore
       }
       CALL () {
         MATCH (c:Concept) WHERE ${FILTER}
         WITH c, ${key} AS k
         WHERE ($ak IS NULL OR ${afterCond}) AND ($bk IS NULL OR ${beforeCond})
         WITH c, k ORDER BY k ${fetchDir}, c.slug ${fetchDir} LIMIT $take
         RETURN collect({record: ${CONCEPT_PROJECTION}, k: k}) AS rows
       }
       RETURN total, beyondAfter, beyondBefore, rows`,
      {
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
      },
    );
    const fetched = (row.rows as { record: Record<string, unknown>; k: string | number }[]).map(({ record, k }) => {
      const concept = toConceptRecord(record);
      return { item: concept, key: [k, concept.slug] as CursorKey };
    });
    return assemblePage(window, fetched, row.total as number, row.beyondAfter as boolean, row.beyondBefore as boolean);
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
    return rows.map((row) => ({ command: row.command as string, flag: toConceptRecord(row.flag as Record<string, unknown>), order: (row.order as number | null) ?? null }));
  }
}
