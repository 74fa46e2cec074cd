import { typoEdits } from './lucene';
import { splitWords } from './words';

/**
 * "Did you mean": the search text with each misspelled word replaced by the closest word of the names, aliases and
 * learner words of the concepts it found (which the index reached through its typo-tolerant terms). Only Latin
 * words are corrected; Korean misspellings are left to the two-syllable matching of the index.
 */

/** Edit distance counting a swap of two neighbouring letters as one edit, as the index's fuzzy terms do. */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The corrected text, or null when every word was found as typed (or as the start of a word, since learners search
 * as they type) or no close word exists. `vocabulary` is the text of the names, aliases and learner words of the hits.
 */
export function didYouMean(text: string, vocabulary: readonly string[]): string | null {
  const known = new Set(
    vocabulary.flatMap((entry) => splitWords(entry).map((word) => word.text)).filter((word) => /^[a-z]+$/.test(word)),
  );
  const words = splitWords(text).map((word) => word.text);
  let changed = false;
  const corrected = words.map((word) => {
    const edits = typoEdits(word);
    if (edits === 0 || known.has(word) || [...known].some((candidate) => candidate.startsWith(word))) return word;
    let best: string | undefined;
    let bestDistance = edits + 1;
    for (const candidate of [...known].sort()) {
      const distance = typoDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best === undefined) return word;
    changed = true;
    return best;
  });
  return changed ? corrected.join(' ') : null;
}
