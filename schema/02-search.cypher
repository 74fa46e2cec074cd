// Search and lookup indexes. Applied on every start; every statement is idempotent (IF NOT EXISTS).
//
// concept_search: full-text (Lucene) index over a concept's names, aliases and summaries in both languages:
//   nameKo, nameEn, aliasesKo, aliasesEn (lists of strings; every element is indexed), summaryKo, summaryEn, and
//   searchTerms (the learner words of seed/learner-words.yaml, and a `flag_x` term for every flag `-x`).
// When this list or the analyzer changes, applySchema drops the old index first (IF NOT EXISTS would keep it).
// Analyzer 'cjk': Korean (Hangul, also Chinese/Japanese) text is split into overlapping two-syllable terms
// ("유니커널" -> 유니, 니커, 커널), so a word is found inside compounds and before particles ("컨테이너는");
// Latin text becomes lower-cased whole words with English stop words dropped. See schema/README.md for the limits.
//
// How to query it: CALL db.index.fulltext.queryNodes('concept_search', $lucene) with $lucene built from user text:
//   1. escape every Lucene special character with a backslash: + - & | ! ( ) { } [ ] ^ " ~ * ? : \ /
//      and lower-case the words AND, OR, NOT (Lucene reads them as operators only in capitals);
//   2. per word, search the word itself and, for partial words, a prefix term: (word OR word*). A prefix term is
//      not analyzed, so lower-case it yourself; it matches Korean only up to two syllables ("컨*" and "컨테*" match,
//      "컨테이*" matches nothing) and whole Latin words ("hyperv*" matches "hypervisor");
//   3. never put user text anywhere but the $lucene parameter.
CREATE FULLTEXT INDEX concept_search IF NOT EXISTS
FOR (c:Concept) ON EACH [c.nameKo, c.nameEn, c.aliasesKo, c.aliasesEn, c.summaryKo, c.summaryEn, c.searchTerms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };

// Listing and filtering concepts by kind (concepts(kind: ...), search with kinds).
CREATE INDEX concept_kind IF NOT EXISTS
FOR (c:Concept) ON (c.kind);

// The seeder finds what it owns (origin 'seed') and what is synthetic (origin 'synthetic') without a label scan.
CREATE INDEX concept_origin IF NOT EXISTS
FOR (c:Concept) ON (c.origin);

// Listing concepts ordered by kind (concepts(orderBy: {field: KIND})): entries sorted by kind, then slug, which is
// exactly the list's order, so a page is read in index order and stops after the page.
CREATE INDEX concept_kind_slug IF NOT EXISTS
FOR (c:Concept) ON (c.kind, c.slug);
