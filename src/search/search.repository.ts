import neo4j from 'neo4j-driver';

import {
  type ConceptPart,
  type ConceptRead,
  type ConceptRecord,
  type ConceptRef,
  CONCEPT_PROJECTION,
  conceptRefProjection,
  type PartField,
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
 * Where a part's texts are in the statement: the fields of `part` (a row of `$parts`) when several parts are ranked in
 * one statement, or parameters of their own (`$lucene`, `$fuzzy`, `$needles`) when the text is one part. `carry` is
 * what every clause before the ranking passes on besides its own variables.
 */
interface PartSource {
  lucene: string;
  fuzzy: string;
  needles: string;
  carry: string;
}

const PER_PART: PartSource = { lucene: 'part.lucene', fuzzy: 'part.fuzzy', needles: 'part.needles', carry: 'part, ' };
const ONE_PART: PartSource = { lucene: '$lucene', fuzzy: '$fuzzy', needles: '$needles', carry: '' };

/**
 * Cypher for the index hits of a Lucene text (a variable or parameter of the query, never client text), one row
 * `found` per hit: the node, its names as stored, its slug, and how it ranks, all read from the hit alone: `exact` (3
 * when the preferred language's name is one of the part's needles, 2 the other's, 1 a stored search key, else 0;
 * the keys are read only when no name is), `ranked` (the index score, doubled when the preferred name contains a
 * needle) and `named` (exact, or a name contains a needle). Names are compared as keys: lower case, no spaces. The
 * index holds only concepts, so no label is checked.
 */
function candidates(lucene: string, { needles, carry }: PartSource): string {
  const key = (name: string) => `replace(toLower(coalesce(${name}, '')), ' ', '')`;
  return `CALL db.index.fulltext.queryNodes('concept_search', ${lucene}, {limit: $candidates}) YIELD node AS c, score
           WHERE $kinds IS NULL OR c.kind IN $kinds
           WITH ${carry}c, score, c.nameEn AS nameEn, c.nameKo AS nameKo
           WITH ${carry}c, score, nameEn, nameKo,
                ${key('CASE WHEN $preferKo THEN nameKo ELSE nameEn END')} AS preferred,
                ${key('CASE WHEN $preferKo THEN nameEn ELSE nameKo END')} AS other
           WITH ${carry}c, score, nameEn, nameKo, preferred, other,
                CASE WHEN preferred IN ${needles} THEN 3 WHEN other IN ${needles} THEN 2
                     WHEN any(n IN ${needles} WHERE n IN coalesce(c.searchKeys, [])) THEN 1 ELSE 0 END AS exact
           WITH ${carry}{c: c, slug: c.slug, nameEn: nameEn, nameKo: nameKo, exact: exact,
                        ranked: score * CASE WHEN any(n IN ${needles} WHERE preferred CONTAINS n) THEN 2.0 ELSE 1.0 END,
                        named: exact > 0 OR any(n IN ${needles} WHERE preferred CONTAINS n OR other CONTAINS n)} AS found`;
}

/**
 * Cypher that ranks one part's hits and returns them as `hits`: the hits of its text as typed, or, when none of
 * them is an exact match and the part has a misspelling query, the hits of that. `group` is the part's index variable with a
 * comma when several parts are ranked (`p, `), empty for one; `top` how many of the best it keeps, `suggesting`
 * when the words for "did you mean" are read (both expressions over `p` or constants). Each hit is ranked as it
 * is read (see candidates) and the best score comes with the hits, so the hits are unwound once, to be sorted, and
 * the kept ones are turned into the answer by a list comprehension, not another unwind and collect.
 */
function rankedHits(source: PartSource, group: string, top: string, suggesting: string, read: ConceptRead): string {
  const { carry } = source;
  return `CALL (${carry.replace(/, $/, '')}) {
           ${candidates(source.lucene, source)}
           RETURN collect(found) AS typed, count(CASE WHEN found.exact > 0 THEN 1 END) > 0 AS matched, max(found.ranked) AS typedBest
         }
         CALL (${carry}matched) {
           WITH ${carry}matched WHERE NOT matched AND ${source.fuzzy} IS NOT NULL
           ${candidates(source.fuzzy, source)}
           RETURN collect(found) AS fuzzy, max(found.ranked) AS fuzzyBest
         }
         WITH ${group}CASE WHEN size(fuzzy) > 0 THEN fuzzy ELSE typed END AS hits,
              CASE WHEN size(fuzzy) > 0 THEN fuzzyBest ELSE typedBest END AS best
         UNWIND hits AS found
         WITH ${group}found, found.exact + CASE WHEN best > 0 THEN found.ranked / best ELSE 0.0 END AS score
         ORDER BY score DESC, found.slug
         WITH ${group}collect({found: found, score: score})[..${top}] AS top
         // "Did you mean" reads the words of the whole query's hits only when its best hit is no exact match (a score
         // of 1 or less), as buildAnswer decides: an exact match needs no suggestion.
         WITH ${group}top, ${suggesting} AND top[0].score <= 1 AS suggesting
         RETURN [hit IN top | {c: ${hitProjection(read)}, score: hit.score, named: hit.found.named,
                         vocabulary: CASE WHEN suggesting THEN [hit.found.nameEn, hit.found.nameKo] + coalesce(hit.found.c.aliasesEn, []) + coalesce(hit.found.c.aliasesKo, []) + coalesce(hit.found.c.searchTerms, []) ELSE [] END}] AS hits`;
}

/**
 * The fields of a whole record, as conceptProjection reads them. A map projection needs a variable, and inside the
 * list comprehension the hit's node is an expression, so they are read as a map literal: the same properties, the
 * same nulls for missing ones.
 */
const WHOLE_FIELDS = [...CONCEPT_PROJECTION.matchAll(/\.(\w+)/g)].map((m) => m[1]);

/** A hit's concept as `read` says, from what its ranking already read (`hit.found`) where it can. */
function hitProjection(read: ConceptRead): string {
  if (read === 'whole') return `{${WHOLE_FIELDS.map((field) => `${field}: hit.found.c.${field}`).join(', ')}}`;
  const from: Record<PartField, string> = {
    kind: 'hit.found.c.kind',
    nameKo: 'hit.found.nameKo',
    nameEn: 'hit.found.nameEn',
  };
  return `{${['slug: hit.found.slug', ...read.map((field) => `${field}: ${from[field]}`)].join(', ')}}`;
}

/** The ranked hits of one part, as the statement returned them (none when it returned no row). */
function toSearchRecords(hits: unknown, read: ConceptRead): SearchRecord[] {
  return ((hits ?? []) as Record<string, unknown>[]).map((hit) => ({
    concept: toConceptRead(hit.c as Record<string, unknown>, read),
    score: hit.score as number,
    named: hit.named === true,
    vocabulary: (hit.vocabulary as (string | null)[]).filter((v): v is string => v !== null),
  }));
}

/** The statement for a search of one text. */
function oneTextStatement(read: ConceptRead): string {
  return rankedHits(ONE_PART, '', '$limit', 'true', read);
}

/** The statement for a comparison: every part ranked, then the stored comparisons of the sides' named hits. */
function partsStatement(read: ConceptRead): string {
  return `UNWIND range(0, size($parts) - 1) AS p
   CALL (p) {
     WITH p, $parts[p] AS part
     ${rankedHits(PER_PART, 'p, ', '(CASE WHEN p = 0 THEN $limit ELSE $sideHits END)', 'p = 0', read)}
   }
   // A part without candidates returns no row from its ranking (grouped by p), so each part's hits are found
   // by p, empty when missing.
   WITH collect({p: p, hits: hits}) AS ranked
   WITH [i IN range(0, size($parts) - 1) | coalesce([r IN ranked WHERE r.p = i | r.hits][0], [])] AS parts
   CALL (parts) {
     UNWIND parts[1..] AS side
     UNWIND side AS hit
     WITH hit WHERE hit.named
     MATCH (k:Comparison)-[:COMPARES]->(:Concept {slug: hit.c.slug})
     WITH DISTINCT k
     RETURN collect(k { .slug, .titleKo, .titleEn,
                        concepts: COLLECT { MATCH (k)-[r:COMPARES]->(x:Concept) RETURN ${conceptRefProjection('x')} ORDER BY r.position } }) AS comparisons
   }
   RETURN parts, comparisons`;
}

/**
 * Each statement compacted once per kind and read (a handful of reads occur: whole records, or the slug and some
 * names), instead of built on every search: its text is the same for every search text, and compacted it is about
 * half as long on the wire (see compactCypher).
 */
const statements = new Map<string, string>();

function statementFor(kind: 'one' | 'parts', read: ConceptRead): string {
  const key = `${kind} ${read === 'whole' ? read : read.join(',')}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = compactCypher(kind === 'one' ? oneTextStatement(read) : partsStatement(read));
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
    const common = {
      kinds: request.kinds,
      preferKo: request.preferKo,
      limit: neo4j.int(Math.max(request.limit, MIN_FETCH)),
      candidates: neo4j.int(CANDIDATES),
    };
    const [whole, ...sides] = request.parts;
    if (sides.length === 0) {
      // Most searches are one text: ranked without a loop over parts and without looking for comparisons, which
      // costs Neo4j a tenth less CPU per search than the statement for several parts.
      const rows = await this.db.read(statementFor('one', read), {
        ...common,
        lucene: whole.lucene,
        fuzzy: whole.fuzzy,
        needles: whole.needles,
      });
      return { parts: [toSearchRecords(rows[0]?.hits, read)], comparisons: [] };
    }
    const rows = await this.db.read(statementFor('parts', read), {
      ...common,
      parts: request.parts,
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
