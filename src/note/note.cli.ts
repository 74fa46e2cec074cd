import fs from 'node:fs';
import path from 'node:path';

import { ConfigError, loadConfig } from '../config';
import { diffNoteIndex, formatNoteIndex, indexNote, NOTE_INDEX_FILE, REGENERATE } from './note.index';

/**
 * `npm run note:index` writes the note index (seed/note/note-index.json) from the source note; `npm run note:check`
 * fails when the committed index is not what the note gives today. Both read the note from SOURCE_NOTE.
 */

export const EXIT = { OK: 0, STALE: 1, USAGE: 2 } as const;

const USAGE = `Usage: node dist/src/note/note.cli.js index|check

  index   write ${NOTE_INDEX_FILE} in the seed folder (SEED_DIR) from the source note (SOURCE_NOTE)
  check   exit 1 when the committed index differs from what the note gives; say so and exit 0 when the note is absent
`;

export interface NoteCliResult {
  code: number;
  out: string[];
  err: string[];
}

/** Runs one command and returns its exit code and output lines; never throws on a user mistake. */
export function runNoteCli(args: string[], env: NodeJS.ProcessEnv = process.env): NoteCliResult {
  const out: string[] = [];
  const err: string[] = [];
  const [command, ...extra] = args;
  if ((command !== 'index' && command !== 'check') || extra.length > 0) {
    err.push(
      `note: expected one command, index or check; got ${args.length === 0 ? 'none' : JSON.stringify(args.join(' '))}`,
      USAGE,
    );
    return { code: EXIT.USAGE, out, err };
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.push(`note: ${error.message}`);
    return { code: EXIT.USAGE, out, err };
  }
  const note = config.seed.sourceNote;
  const indexFile = path.join(config.seed.dir, NOTE_INDEX_FILE);
  const shown = path.relative(config.rootDir, indexFile).split(path.sep).join('/');

  if (!fs.existsSync(note)) {
    if (command === 'index') {
      err.push(
        `note: the source note is not at ${note}; set SOURCE_NOTE to the path of ${path.basename(note)} and run it again. ${shown} was left as it is.`,
      );
      return { code: EXIT.USAGE, out, err };
    }
    out.push(
      `note:check skipped: the source note is not at ${note}, so ${shown} cannot be compared with it. Set SOURCE_NOTE to the note's path to run the check.`,
    );
    return { code: EXIT.OK, out, err };
  }
  const index = indexNote(fs.readFileSync(note, 'utf8'), note);
  const current = formatNoteIndex(index);
  const counts = `${index.sections.length} sections, ${index.terms.length} terms`;

  if (command === 'index') {
    fs.mkdirSync(path.dirname(indexFile), { recursive: true });
    fs.writeFileSync(indexFile, current);
    out.push(`note:index wrote ${shown}: ${counts} from ${path.basename(note)}`);
    return { code: EXIT.OK, out, err };
  }
  if (!fs.existsSync(indexFile)) {
    err.push(`note:check failed: there is no ${shown}; write it with ${REGENERATE} and commit it.`);
    return { code: EXIT.STALE, out, err };
  }
  const committed = fs.readFileSync(indexFile, 'utf8');
  if (committed === current) {
    out.push(`note:check passed: ${shown} is what ${path.basename(note)} gives today (${counts})`);
    return { code: EXIT.OK, out, err };
  }
  const { added, removed } = diffNoteIndex(committed, current);
  err.push(
    `note:check failed: ${shown} is not what ${path.basename(note)} gives today. Run ${REGENERATE}, make the seed cover what changed (npm test says what is missing) and commit both.`,
    ...added.map((line) => `  + ${line}`),
    ...removed.map((line) => `  - ${line}`),
  );
  if (added.length === 0 && removed.length === 0)
    err.push('  (the entries are the same; their order or formatting differs)');
  return { code: EXIT.STALE, out, err };
}

if (require.main === module) {
  const result = runNoteCli(process.argv.slice(2));
  for (const line of result.out) process.stdout.write(`${line}\n`);
  for (const line of result.err) process.stderr.write(`${line}\n`);
  process.exitCode = result.code;
}
