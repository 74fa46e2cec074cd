import fs from 'node:fs';

import { loadConfig } from '../config';
import { closeParaphrases } from './own-words';
import { checkSeed } from './seed.validate';

/**
 * `npm run check:own-words`: fails when a seed sentence follows the source note's wording too closely (see
 * own-words.ts for the measure). The note is not part of the repository; where it is missing the check says plainly
 * that it was skipped and exits 0, so a machine without the note is not mistaken for a pass.
 */

const EXIT = { OK: 0, CLOSE_PARAPHRASE: 1, INVALID_SEED: 2 } as const;

function main(): number {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { sourceNote: notePath, dir: seedDir } = loadConfig().seed;
  if (!fs.existsSync(notePath)) {
    out(`own-words check SKIPPED: the source note is not at ${notePath}. Set SOURCE_NOTE to its path to run the check.`);
    return EXIT.OK;
  }
  let content;
  try {
    content = checkSeed(seedDir);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return EXIT.INVALID_SEED;
  }
  const close = closeParaphrases(content, fs.readFileSync(notePath, 'utf8'));
  if (close.length === 0) {
    out(`own-words check passed: no seed sentence follows the note at ${notePath} too closely.`);
    return EXIT.OK;
  }
  out(`own-words check FAILED: ${close.length} seed sentence(s) follow the note's wording too closely. Rewrite each in your own words:`);
  for (const c of close) {
    out(`${c.at.file}:${c.at.line}: ${c.field} (${c.lang}) shares ${Math.round(c.score * 100)}% of its wording with the note`);
    out(`  seed: ${c.text}`);
    out(`  note: ${c.noteSentence}`);
  }
  return EXIT.CLOSE_PARAPHRASE;
}

process.exitCode = main();
