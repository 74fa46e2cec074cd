import neo4j from 'neo4j-driver';

import { type ConceptRecord, type ConceptRef, conceptProjectionAs, toConceptAs } from '../graph/graph.model';
import type { CypherRunner } from '../neo4j/gateway';

export interface SearchRequest {
  /** Lucene query text, already escaped (see toLuceneQuery). */
  lucene: string;
  /** The user's text, trimmed and lower-cased, for exact name/alias matching. */
  needle: string;
  kinds: string[] | null;
  /** Which language's name counts as the preferred match. */
  preferKo: boolean;
  limit: number;
}

export interface SearchRecord {
  concept: ConceptRecord | ConceptRef;
  score: number;
}

/** How many index hits are ranked at most; exact matches are among the best-scored long before this. */
const CANDIDATES = 500;

/** Full-text search over the `concept_search` index (names, aliases and summaries in both languages). */
export class SearchRepository {
  constructor(private readonly db: CypherRunner) {}

  /**
   * Ranks exact name matches first (the preferred language's name before the other's), then exact alias matches,
   * then by index score, doubled when the preferred language's name contains the text; ties by slug. The score is
   * that order as a number: 3, 2 or 1 for the kind of exact match plus the index score relative to the best hit (0-1].
   * Hits are whole records, or ConceptRefs (names only) when `whole` is false.
   */
  async search(request: SearchRequest, whole = true): Promise<SearchRecord[]> {
    const rows = await this.db.read(
      `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: $candidates}) YIELD node AS c, score
       WHERE c:Concept AND ($kinds IS NULL OR c.kind IN $kinds)
       WITH c, score,
            toLower(coalesce(CASE WHEN $preferKo THEN c.nameKo ELSE c.nameEn END, '')) AS preferred,
            toLower(coalesce(CASE WHEN $preferKo THEN c.nameEn ELSE c.nameKo END, '')) AS other,
            [a IN coalesce(c.aliasesKo, []) + coalesce(c.aliasesEn, []) | toLower(a)] AS aliases
       WITH c,
            CASE WHEN preferred = $needle THEN 3 WHEN other = $needle THEN 2 WHEN $needle IN aliases THEN 1 ELSE 0 END AS exact,
            score * CASE WHEN preferred CONTAINS $needle THEN 2.0 ELSE 1.0 END AS ranked
       WITH collect({c: c, exact: exact, ranked: ranked}) AS hits, max(ranked) AS best
       UNWIND hits AS hit
       WITH hit.c AS c, hit.exact + CASE WHEN best > 0 THEN hit.ranked / best ELSE 0.0 END AS score
       ORDER BY score DESC, c.slug
       LIMIT $limit
       RETURN ${conceptProjectionAs('c', whole)} AS c, score`,
      { lucene: request.lucene, needle: request.needle, kinds: request.kinds, preferKo: request.preferKo, limit: neo4j.int(request.limit), candidates: neo4j.int(CANDIDATES) },
    );
    return rows.map((row) => ({ concept: toConceptAs(row.c as Record<string, unknown>, whole), score: row.score as number }));
  }
}
