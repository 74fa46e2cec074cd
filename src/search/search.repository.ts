import neo4j from 'neo4j-driver';

import {
  type ConceptPart,
  type ConceptRead,
  type ConceptRecord,
  type ConceptRef,
  conceptReadProjection,
  conceptRefProjection,
  type PartField,
  toConceptRead,
  toConceptRef,
} from '../graph/graph.model';
import type { CypherRunner } from '../neo4j/gateway';

/** One text to rank concepts for: the whole query, or one side of a comparison. */
export interface SearchPartRequest {
  /** Lucene query text, already escaped (see luceneQueries); never empty. */
  lucene: string;
  /** The same with misspelling clauses, run only when `lucene` matches nothing exactly; null when no word may be misspelled. */
  fuzzy: string | null;
  /** Exact-match keys of the text (see QueryPart.needles). */
  needles: string[];
}

export interface SearchRequest {
  /** The whole query first, then the sides of a comparison (if any). */
  parts: SearchPartRequest[];
  kinds: string[] | null;
  /** Which language's name counts as the preferred match. */
  preferKo: boolean;
  limit: number;
}

export interface SearchRecord {
  concept: ConceptRecord | ConceptPart;
  score: number;
  /**
   * The hit's names, aliases and learner words, for "did you mean": first part only, and only when its best hit is
   * no exact match (empty otherwise).
   */
  vocabulary: string[];
  /** Whether a name contains the text, or a name, alias or learner word is the text (case, spacing, particles aside). */
  named: boolean;
}

/** A stored comparison that compares at least one of the best hits of a comparison's sides. */
export interface ComparisonRecord {
  slug: string;
  titleKo: string;
  titleEn: string;
  concepts: ConceptRef[];
}

export interface SearchRecords {
  /** Ranked hits per part: the whole query (up to the limit, at least MIN_FETCH), then each side (its best few). */
  parts: SearchRecord[][];
  comparisons: ComparisonRecord[];
}

/** How many index hits are ranked at most; exact matches are among the best-scored long before this. */
const CANDIDATES = 500;
/** How many of a comparison side's best hits may meet a stored comparison. */
const SIDE_HITS = 10;
/**
 * The whole query returns at least this many hits, so a misspelled text can still put the concept its correction
 * names first (see buildAnswer) when the index ranked it lower; the answer keeps the first `limit`.
 */
export const MIN_FETCH = 20;

/**
 * Cypher for the index hits of the Lucene text in `lucene` (a variable of the query, never client text), one row
 * `found` per hit: the node, its score, its names as stored and as keys (lower case, no spaces), its slug, and
 * `keyed`, whether a name or a stored search key is one of the part's needles. The keys are read only when no name
 * is. The index holds only concepts, so no label is checked.
 */
function candidates(lucene: string): string {
  return `CALL db.index.fulltext.queryNodes('concept_search', ${lucene}, {limit: $candidates}) YIELD node AS c, score
           WHERE $kinds IS NULL OR c.kind IN $kinds
           WITH part, c, score, c.nameEn AS nameEn, c.nameKo AS nameKo
           WITH part, c, score, nameEn, nameKo,
                replace(toLower(coalesce(nameEn, '')), ' ', '') AS en, replace(toLower(coalesce(nameKo, '')), ' ', '') AS ko
           WITH part, {c: c, score: score, slug: c.slug, nameEn: nameEn, nameKo: nameKo, en: en, ko: ko,
                       keyed: en IN part.needles OR ko IN part.needles
                              OR any(n IN part.needles WHERE n IN coalesce(c.searchKeys, []))} AS found`;
}

/** A hit's concept as `read` says, from what its ranking already read (`found`) where it can. */
function hitProjection(read: ConceptRead): string {
  if (read === 'whole') return conceptReadProjection('c', read);
  const from: Record<PartField, string> = { kind: 'c.kind', nameKo: 'found.nameKo', nameEn: 'found.nameEn' };
  return `{${['slug: found.slug', ...read.map((field) => `${field}: ${from[field]}`)].join(', ')}}`;
}

/** Full-text search over the `concept_search` index (names, aliases, summaries and learner words in both languages). */
export class SearchRepository {
  constructor(private readonly db: CypherRunner) {}

  /**
   * Ranks each part's index hits in one query (searching with misspelling clauses only when the text as typed matches
   * no name, alias or learner word exactly): exact matches first (3 for the preferred language's name, 2 for the
   * other's, 1 for an alias or learner word; compared by key, so case, spacing and Korean particles do not count),
   * then by index score relative to the part's best hit, doubled when the preferred name contains the text; ties by
   * slug. With sides, it also returns the stored comparisons of their best hits. Hits are read as `read` says: whole
   * records, or the slug and the fields a selection asks for.
   */
  async search(request: SearchRequest, read: ConceptRead = 'whole'): Promise<SearchRecords> {
    // Every property read is a database hit per candidate: each candidate's names, slug and (only when no name is
    // the text) its keys are read once, carried through the ranking, and reused for the hits returned.
    const rows = await this.db.read(
      `UNWIND range(0, size($parts) - 1) AS p
       CALL (p) {
         WITH p, $parts[p] AS part
         CALL (part) {
           ${candidates('part.lucene')}
           RETURN collect(found) AS typed, count(CASE WHEN found.keyed THEN 1 END) > 0 AS matched
         }
         CALL (part, matched) {
           WITH part, matched WHERE NOT matched AND part.fuzzy IS NOT NULL
           ${candidates('part.fuzzy')}
           RETURN collect(found) AS fuzzy
         }
         UNWIND CASE WHEN size(fuzzy) > 0 THEN fuzzy ELSE typed END AS found
         WITH p, part, found,
              CASE WHEN $preferKo THEN found.ko ELSE found.en END AS preferred,
              CASE WHEN $preferKo THEN found.en ELSE found.ko END AS other
         WITH p, found,
              CASE WHEN preferred IN part.needles THEN 3
                   WHEN other IN part.needles THEN 2
                   WHEN found.keyed THEN 1
                   ELSE 0 END AS exact,
              found.score * CASE WHEN any(n IN part.needles WHERE preferred CONTAINS n) THEN 2.0 ELSE 1.0 END AS ranked,
              found.keyed OR any(n IN part.needles WHERE preferred CONTAINS n OR other CONTAINS n) AS named
         WITH p, collect({found: found, exact: exact, ranked: ranked, named: named}) AS hits, max(ranked) AS best
         UNWIND hits AS hit
         WITH p, hit.found AS found, hit.exact + CASE WHEN best > 0 THEN hit.ranked / best ELSE 0.0 END AS score, hit.named AS named
         ORDER BY score DESC, found.slug
         WITH p, collect({found: found, score: score, named: named})[..(CASE WHEN p = 0 THEN $limit ELSE $sideHits END)] AS top
         // "Did you mean" reads the words of the whole query's hits only when its best hit is no exact match (a score
         // of 1 or less), as buildAnswer decides: an exact match needs no suggestion.
         WITH p, top, p = 0 AND top[0].score <= 1 AS suggesting
         UNWIND top AS hit
         WITH p, hit, hit.found AS found, hit.found.c AS c, suggesting
         RETURN collect({c: ${hitProjection(read)}, score: hit.score, named: hit.named,
                         vocabulary: CASE WHEN suggesting THEN [found.nameEn, found.nameKo] + coalesce(c.aliasesEn, []) + coalesce(c.aliasesKo, []) + coalesce(c.searchTerms, []) ELSE [] END}) AS hits
       }
       WITH p, hits ORDER BY p
       WITH collect(hits) AS parts
       CALL (parts) {
         UNWIND parts[1..] AS side
         UNWIND side AS hit
         WITH hit WHERE hit.named
         MATCH (k:Comparison)-[:COMPARES]->(:Concept {slug: hit.c.slug})
         WITH DISTINCT k
         RETURN collect(k { .slug, .titleKo, .titleEn,
                            concepts: COLLECT { MATCH (k)-[r:COMPARES]->(x:Concept) RETURN ${conceptRefProjection('x')} ORDER BY r.position } }) AS comparisons
       }
       RETURN parts, comparisons`,
      {
        parts: request.parts,
        kinds: request.kinds,
        preferKo: request.preferKo,
        limit: neo4j.int(Math.max(request.limit, MIN_FETCH)),
        sideHits: neo4j.int(SIDE_HITS),
        candidates: neo4j.int(CANDIDATES),
      },
    );
    const row = rows[0];
    if (!row) return { parts: request.parts.map(() => []), comparisons: [] };
    const parts = (row.parts as Record<string, unknown>[][]).map((hits) =>
      hits.map((hit) => ({
        concept: toConceptRead(hit.c as Record<string, unknown>, read),
        score: hit.score as number,
        named: hit.named === true,
        vocabulary: (hit.vocabulary as (string | null)[]).filter((v): v is string => v !== null),
      })),
    );
    const comparisons = (row.comparisons as Record<string, unknown>[]).map((k) => ({
      slug: k.slug as string,
      titleKo: k.titleKo as string,
      titleEn: k.titleEn as string,
      concepts: (k.concepts as Record<string, unknown>[]).map(toConceptRef),
    }));
    return { parts, comparisons };
  }
}
