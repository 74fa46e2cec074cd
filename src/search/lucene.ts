/**
 * Turns search words into a Lucene query for the full-text index without letting any of them act as query syntax.
 * Every character Lucene treats specially is escaped and the operator words AND/OR/NOT are lower-cased (Lucene only
 * reads them as operators in capitals), so text such as `a) OR (b`, `"`, `*` or `[` is searched for, never parsed.
 */

import { flagTerm, isFlag, splitWords, type Word } from './words';

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const HANGUL = /[\uac00-\ud7a3]/;
const LATIN_WORD = /^[a-z]+$/;
/** More terms than this add little to ranking and only make the query expensive. */
const MAX_TERMS = 12;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * How many edits a misspelled Latin word may have: none below 4 letters (too many short words are one edit apart),
 * one up to 7 letters, two from 8 ("dokcer" → "docker" is one swap of neighbouring letters, "contanr" → "container"
 * two deletions). Two edits cost the index about twice the time of one, so shorter words get one.
 */
export function typoEdits(word: string): number {
  // Past this length a word is not a misspelled term, and a fuzzy term over it only costs time.
  if (!LATIN_WORD.test(word) || word.length < 4 || word.length > 24) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * One clause per word: the word itself (boosted, so an exact word outranks the rest), as a prefix (`hyperv*` →
 * hypervisor, `컨*` → 컨테이너), as a misspelling (`nameEn:dokcer~1`, Latin words only), and for Korean its stem
 * ("컨테이너를" → 컨테이너). A flag (`-a`) is searched as the term the seeder stores for it. Clauses are OR-ed, and
 * the index's scoring ranks concepts matching more of them higher. Prefix and fuzzy terms are lower-cased because
 * they skip the analyzer.
 */
/**
 * Words nearly every concept of this graph mentions. Next to a more telling word they weigh less, so
 * "resume a container" ranks what "resume" means above everything about containers.
 */
const COMMON = new Set(['container', 'containers', 'docker', '컨테이너', '도커']);
const COMMON_WEIGHT = 0.2;

function clause(word: Word, weight: number, typos: boolean): string {
  if (isFlag(word.text)) return `(${flagTerm(word.text)}^4 OR ${escapeLucene(word.text)})`;
  const forms = [...new Set([word.text, word.stem])].map(escapeLucene);
  const terms = forms.flatMap((form) => [`${form}^2`, `${form}*`]);
  const edits = typos ? typoEdits(word.text) : 0;
  // A misspelled word is looked for where it would be the concept's own word: its English name or aliases.
  if (edits > 0) terms.push(`nameEn:${forms[0]}~${edits}^2`, `aliasesEn:${forms[0]}~${edits}`);
  if (HANGUL.test(word.stem) && word.stem !== word.text) terms.push(`${escapeLucene(word.stem)}^3`);
  const group = `(${[...new Set(terms)].join(' OR ')})`;
  return weight === 1 ? group : `${group}^${weight}`;
}

/** The Lucene query for words; with `typos`, misspelling clauses are added (see `clause`). */
export function wordsToLucene(words: readonly Word[], typos = true): string {
  const kept = words.slice(0, MAX_TERMS);
  const isCommon = (word: Word) => COMMON.has(word.text) || COMMON.has(word.stem);
  const telling = kept.some((word) => !isCommon(word));
  return kept.map((word) => clause(word, telling && isCommon(word) ? COMMON_WEIGHT : 1, typos)).join(' ');
}

/**
 * The query as typed and, when some word could be misspelled, the query with misspelling clauses. Those clauses
 * cost the index most of a search's time, so the repository runs them only when the query as typed matches no
 * name, alias or learner word exactly.
 */
export function luceneQueries(words: readonly Word[]): { lucene: string; fuzzy: string | null } {
  const lucene = wordsToLucene(words, false);
  const fuzzy = words.slice(0, MAX_TERMS).some((word) => typoEdits(word.text) > 0) ? wordsToLucene(words, true) : null;
  return { lucene, fuzzy };
}

/** The Lucene query for plain text as typed (no misspelling clauses), every word searched as described at `clause`. */
export function toLuceneQuery(text: string): string {
  return wordsToLucene(splitWords(text), false);
}
