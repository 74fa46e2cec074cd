import neo4j from 'neo4j-driver';

import {
  type ConceptPart,
  type ConceptRead,
  type ConceptRecord,
  type ConceptRef,
  conceptProjection,
  conceptRefProjection,
  toConceptRead,
  toConceptRef,
} from '../graph/graph.model';
import { compactCypher } from '../neo4j/cypher-text';
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
  /**
   * Ranked hits per part: the whole query (up to the limit, at least MIN_FETCH; a text alone whose best hit is exact,
   * up to the limit), then each side (its best few).
   */
  parts: SearchRecord[][];
  comparisons: ComparisonRecord[];
}

/** How many index hits are ranked at most; exact matches are among the best-scored long before this. */
export const CANDIDATES = 500;
/** How many of a comparison side's best hits may meet a stored comparison. */
const SIDE_HITS = 10;
/**
 * The whole query returns at least this many hits, so a misspelled text can still put the concept its correction
 * names first (see buildAnswer) when the index ranked it lower; the answer keeps the first `limit`.
 */
export const MIN_FETCH = 20;

/**
 * Where a part's texts are in the statement: the fields of `part` (a row of `$parts`) when several parts are ranked in
 * one statement, or parameters of their own (`$texts`, `$needles`) when the text is one part. `texts` is the Lucene
 * text as typed, then the misspelling query when the part has one (see tryTexts). `carry` is what every clause before
 * the ranking passes on besides its own variables.
 */
interface PartSource {
  texts: string;
  needles: string;
  carry: string;
}

const PER_PART: PartSource = { texts: 'part.texts', needles: 'part.needles', carry: 'part, ' };
const ONE_PART: PartSource = { texts: '$texts', needles: '$needles', carry: '' };

/**
 * The Lucene texts a part tries in order: as typed, then with misspelling clauses when some word may be misspelled.
 * The second matches every concept the first does (each word's clauses are the first's and more), so when it finds
 * nothing the first found nothing either, and its hits are the answer whenever it is tried.
 */
function tryTexts(part: SearchPartRequest): string[] {
  return part.fuzzy === null ? [part.lucene] : [part.lucene, part.fuzzy];
}

/**
 * Cypher for the index hits of one Lucene text `q`, collected as `hits` with the best `ranked` as `best` and whether
 * one of them is an exact match (`matched`). Per hit `f`: the node `c`; `m`, its English and Korean names and its slug
 * as stored; and how it ranks, all read from the hit alone: `x` (3 when the preferred language's name is one of the
 * part's needles, 2 when the other's is, 1 a stored search key, else 0; the keys are read only when no name is), `r`
 * (the index score, doubled when the preferred name contains a needle) and `named` (exact, or a name contains a
 * needle). Names are compared as keys `k`, the preferred language's first (`$ko` is 1 when Korean is preferred):
 * lower case, no spaces; a missing name is null and matches nothing. The index holds only concepts, so no label is
 * checked. The short names keep the statement within one of the driver's socket writes.
 */
function candidates({ needles, carry }: PartSource, kinds: boolean): string {
  return `CALL db.index.fulltext.queryNodes('concept_search', q, {limit: ${CANDIDATES}}) YIELD node AS c, score
           ${kinds ? 'WHERE c.kind IN $kinds' : ''}
           WITH ${carry}c, score, [c.nameEn, c.nameKo, c.slug] AS m
           WITH ${carry}c, score, m, [n IN [m[$ko], m[1 - $ko]] | toLower(replace(n, ' ', ''))] AS k
           WITH ${carry}c, score, m, k,
                CASE WHEN k[0] IN ${needles} THEN 3 WHEN k[1] IN ${needles} THEN 2
                     WHEN any(n IN ${needles} WHERE n IN c.searchKeys) THEN 1 ELSE 0 END AS x
           WITH {c: c, m: m, x: x, r: score * CASE WHEN any(n IN ${needles} WHERE k[0] CONTAINS n) THEN 2.0 ELSE 1.0 END,
                 named: x > 0 OR any(n IN ${needles} WHERE any(w IN k WHERE w CONTAINS n))} AS f
           RETURN collect(f) AS hits, max(f.x) > 0 AS matched, max(f.r) AS best`;
}

/** What a search statement is built for: how its hits are read, and whether it filters by kind. */
interface StatementShape {
  read: ConceptRead;
  kinds: boolean;
}

/**
 * Cypher that ranks one part's hits and returns them as `hits`, one list per hit: the concept, its score `v`,
 * whether it is named, and its words for "did you mean" (its two names and three lists, flattened by
 * toSearchRecords). The part's texts (see tryTexts) are tried in order, and the first kept is used: the text as typed
 * when it matched a name, alias or learner word exactly, else the last; LIMIT 1 stops there, so the misspelling query
 * runs only when the typed text matched nothing exactly (the two texts always differ: the second adds clauses). The
 * ranking is written once for both. `group` is the part's index variable with a comma when several parts are ranked
 * (`p, `), empty for one; `top` how many of the best it keeps (an expression over `p`, `s` or parameters);
 * `suggesting` a condition put before the best hit's test for "did you mean" (`p = 0 AND ` for the whole text among
 * several parts, empty for one), making `s`. The best score comes with the hits, so the hits are unwound once, to be
 * sorted, and the kept ones are turned into the answer by a list comprehension.
 */
function rankedHits(source: PartSource, group: string, top: string, suggesting: string, shape: StatementShape): string {
  const { carry, texts } = source;
  const { read } = shape;
  // A whole record is a map projection, which needs a variable: the hit's node is bound by a comprehension of one.
  // Otherwise the hit's names and slug are what the ranking read, and its kind when asked for.
  const node = read === 'whole' ? 'c' : 'h.c';
  const concept = read === 'whole' ? conceptProjection('c') : read.includes('kind') ? 'h.m + [h.c.kind]' : 'h.m';
  const hit = `[${concept}, h.v, h.named,
                CASE WHEN s THEN [${node}.aliasesEn, ${node}.aliasesKo, ${node}.searchTerms] END]`;
  return `UNWIND ${texts} AS q
         CALL (${carry}q) {
           ${candidates(source, shape.kinds)}
         }
         WITH ${group}hits, best WHERE matched OR q = ${texts}[-1]
         LIMIT 1
         UNWIND hits AS f
         WITH ${group}f {.*, v: f.x + CASE WHEN best > 0 THEN f.r / best ELSE 0.0 END} AS f
         ORDER BY f.v DESC, f.m[2]
         WITH ${group}collect(f) AS top
         // "Did you mean" reads the words of the whole query's hits only when its best hit is no exact match (a score
         // of 1 or less), as buildAnswer decides: an exact match needs no suggestion.
         WITH ${group}top, ${suggesting}top[0].v <= 1 AS s
         RETURN [h IN top[..${top}] | ${read === 'whole' ? `[c IN [h.c] | ${hit}][0]` : hit}] AS hits`;
}

/** A hit as the statement returns it: see rankedHits. */
type HitRow = [Record<string, unknown> | (string | null)[], number, boolean, (string[] | null)[] | null];

/**
 * The ranked hits of one part, as the statement returned them (none when it returned no row). A hit read whole comes
 * with its record; otherwise with its English and Korean names, its slug and, when asked for, its kind. Its words for
 * "did you mean" are its names, aliases and learner words, when the statement read them.
 */
function toSearchRecords(hits: unknown, read: ConceptRead): SearchRecord[] {
  return ((hits ?? []) as HitRow[]).map(([concept, score, named, words]) => {
    const row = Array.isArray(concept)
      ? { nameEn: concept[0], nameKo: concept[1], slug: concept[2], kind: concept[3] }
      : concept;
    const vocabulary = words ? [row.nameEn, row.nameKo, ...words.flat()] : [];
    return {
      concept: toConceptRead(row, read),
      score,
      named: named === true,
      vocabulary: vocabulary.filter((v): v is string => typeof v === 'string'),
    };
  });
}

/**
 * The statement for a search of one text. Its hits beyond the limit serve only a misspelled text (see MIN_FETCH), so
 * when the best hit is exact (no suggestion) only the limit is returned.
 */
function oneTextStatement(shape: StatementShape): string {
  return rankedHits(ONE_PART, '', 'CASE WHEN s THEN $fetch ELSE $limit END', '', shape);
}

/** The statement for a comparison: every part ranked, then the stored comparisons of the sides' named hits. */
function partsStatement(shape: StatementShape): string {
  return `UNWIND range(0, size($parts) - 1) AS p
   CALL (p) {
     WITH p, $parts[p] AS part
     ${rankedHits(PER_PART, 'p, ', '(CASE WHEN p = 0 THEN $fetch ELSE $sideHits END)', 'p = 0 AND ', shape)}
   }
   // A part without candidates returns no row from its ranking (grouped by p), so each part's hits are found
   // by p, empty when missing.
   WITH collect({p: p, hits: hits}) AS ranked
   WITH [i IN range(0, size($parts) - 1) | coalesce([r IN ranked WHERE r.p = i | r.hits][0], [])] AS parts
   CALL (parts) {
     UNWIND parts[1..] AS side
     UNWIND side AS hit
     // A hit is [concept, score, named, words] (see rankedHits); its slug is bound first, so that the concept is found
     // by its index.
     WITH ${shape.read === 'whole' ? 'hit[0].slug' : 'hit[0][2]'} AS slug WHERE hit[2]
     MATCH (k:Comparison)-[:COMPARES]->(:Concept {slug: slug})
     WITH DISTINCT k
     RETURN collect(k { .slug, .titleKo, .titleEn,
                        concepts: COLLECT { MATCH (k)-[r:COMPARES]->(x:Concept) RETURN ${conceptRefProjection('x')} ORDER BY r.position } }) AS comparisons
   }
   RETURN parts, comparisons`;
}

/**
 * Each statement compacted once per kind, read and kind filter (a handful of reads occur: whole records, or the slug
 * and some names), instead of built on every search: its text is the same for every search text, and compacted it is
 * about half as long on the wire (see compactCypher). Without a kind filter it has no filter clause at all.
 */
const statements = new Map<string, string>();

function statementFor(kind: 'one' | 'parts', shape: StatementShape): string {
  const { read, kinds } = shape;
  const key = `${kind} ${read === 'whole' ? read : read.join(',')} ${kinds}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = compactCypher(kind === 'one' ? oneTextStatement(shape) : partsStatement(shape));
    statements.set(key, statement);
  }
  return statement;
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
    const shape = { read, kinds: request.kinds !== null };
    const common = {
      ...(shape.kinds ? { kinds: request.kinds } : {}),
      ko: neo4j.int(request.preferKo ? 1 : 0),
      fetch: neo4j.int(Math.max(request.limit, MIN_FETCH)),
    };
    const [whole, ...sides] = request.parts;
    if (sides.length === 0) {
      // Most searches are one text: ranked without a loop over parts and without looking for comparisons, which
      // costs Neo4j a tenth less CPU per search than the statement for several parts.
      const rows = await this.db.read(statementFor('one', shape), {
        ...common,
        limit: neo4j.int(request.limit),
        texts: tryTexts(whole),
        needles: whole.needles,
      });
      return { parts: [toSearchRecords(rows[0]?.hits, read)], comparisons: [] };
    }
    const rows = await this.db.read(statementFor('parts', shape), {
      ...common,
      parts: request.parts.map((part) => ({ texts: tryTexts(part), needles: part.needles })),
      sideHits: neo4j.int(SIDE_HITS),
    });
    const row = rows[0];
    if (!row) return { parts: request.parts.map(() => []), comparisons: [] };
    const parts = (row.parts as unknown[]).map((hits) => toSearchRecords(hits, read));
    const comparisons = (row.comparisons as Record<string, unknown>[]).map((k) => ({
      slug: k.slug as string,
      titleKo: k.titleKo as string,
      titleEn: k.titleEn as string,
      concepts: (k.concepts as Record<string, unknown>[]).map(toConceptRef),
    }));
    return { parts, comparisons };
  }
}
