/**
 * Turns user text into a Lucene query for the full-text index without letting any of it act as query syntax.
 * Every character Lucene treats specially is escaped and the operator words AND/OR/NOT are lower-cased (Lucene only
 * reads them as operators in capitals), so text such as `a) OR (b`, `"`, `*` or `[` is searched for, never parsed.
 */

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** More terms than this add little to ranking and only make the query expensive. */
const MAX_TERMS = 12;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * Each term is searched as itself and as a prefix (`term*`), so "hyperv" finds "hypervisor" and a single Korean
 * syllable such as "컨" finds "컨테이너"; terms are OR-ed and the index's scoring ranks concepts matching more of them
 * higher. Prefix terms are lower-cased because wildcard terms skip the analyzer.
 */
export function toLuceneQuery(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS)
    .map((term) => {
      const escaped = escapeLucene(term.toLowerCase());
      return `(${escaped} OR ${escaped}*)`;
    })
    .join(' ');
}
