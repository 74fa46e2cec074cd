import { AtlasError, ErrorCode } from '../errors';
import type { SeedLocation } from './seed.types';

/** One thing wrong with the seed: where, what, and what to change. */
export interface SeedProblem {
  at: SeedLocation;
  /** What is wrong, e.g. `unknown kind "COMAND"`. */
  message: string;
  /** What to change, e.g. `use COMMAND`. */
  fix: string;
}

/** `file:line: what is wrong — what to change`, the form editors and terminals turn into links. */
export function formatProblem(problem: SeedProblem): string {
  return `${problem.at.file}:${problem.at.line}: ${problem.message} — ${problem.fix}`;
}

/** Orders problems by file (in the order files were read) and line, so the list reads top to bottom. */
export function sortProblems(problems: SeedProblem[], fileOrder: string[] = []): SeedProblem[] {
  const rank = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index === -1 ? fileOrder.length : index;
  };
  return [...problems].sort((a, b) => rank(a.at.file) - rank(b.at.file) || a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line);
}

/**
 * The seed cannot be loaded: it carries every problem found, not just the first, so an author fixes them all in one
 * round. The message lists them one per line.
 */
export class SeedValidationError extends AtlasError {
  constructor(readonly problems: SeedProblem[]) {
    super(
      ErrorCode.SEED_INVALID,
      `The seed has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written to the database:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
      { problems: problems.map(formatProblem) },
    );
    this.name = 'SeedValidationError';
  }
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `word` (case-insensitive), or undefined when there are no candidates. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A candidate counts as a likely typo when it is within a third of the word's length (at least 2 edits). */
export function likelyTypo(word: string, candidate: string): boolean {
  return editDistance(word.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, Math.floor(word.length / 3));
}
