import fs from 'node:fs';
import path from 'node:path';

import {
  extractNote,
  NOTE_TERM_KINDS,
  type NoteExtract,
  type NoteSection,
  type NoteTable,
  type NoteTerm,
} from './note.extract';

/**
 * The note index: what the source note names, kept in the seed folder so that the seeder and the tests never need
 * the note itself. `npm run note:index` writes it from the note, `npm run note:check` says whether it is current.
 */

/** Where the index lives, relative to the seed folder. */
export const NOTE_INDEX_FILE = path.join('note', 'note-index.json');

export const REGENERATE = 'npm run note:index';

export interface NoteIndex extends NoteExtract {
  /** The note's file name (never a path: where it sits differs from machine to machine). */
  note: string;
}

/** The index for a note's text. */
export function indexNote(markdown: string, noteFile: string): NoteIndex {
  return { note: path.basename(noteFile), ...extractNote(markdown) };
}

/**
 * The file's text: one entry per line, so a changed note shows up in a diff as the entries it added or removed.
 */
export function formatNoteIndex(index: NoteIndex): string {
  const list = (items: unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  const parts = [
    `  "note": ${JSON.stringify(index.note)}`,
    `  "sections": ${list(index.sections)}`,
    `  "terms": ${list(index.terms)}`,
    ...(index.table ? [`  "table": ${JSON.stringify(index.table)}`] : []),
  ];
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** The index file could not be read or does not have the expected shape. */
export class NoteIndexError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem} — regenerate it with ${REGENERATE}`);
    this.name = 'NoteIndexError';
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isLine = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

function checkSection(value: unknown): value is NoteSection {
  const s = value as NoteSection;
  return typeof s === 'object' && s !== null && isText(s.path) && isLine(s.line);
}

function checkTerm(value: unknown): value is NoteTerm {
  const t = value as NoteTerm;
  return typeof t === 'object' && t !== null && NOTE_TERM_KINDS.includes(t.kind) && isText(t.text) && isLine(t.line);
}

function checkTable(value: unknown): value is NoteTable {
  const t = value as NoteTable;
  return (
    typeof t === 'object' &&
    t !== null &&
    isLine(t.line) &&
    Array.isArray(t.header) &&
    t.header.every(isText) &&
    Number.isInteger(t.rows) &&
    Array.isArray(t.examples) &&
    t.examples.every((e) => Number.isInteger(e?.column) && Array.isArray(e.names) && e.names.every(isText))
  );
}

/** Parses an index file's text; `file` names it in errors. */
export function parseNoteIndex(text: string, file: string): NoteIndex {
  let data: Partial<NoteIndex>;
  try {
    data = JSON.parse(text) as Partial<NoteIndex>;
  } catch (error) {
    throw new NoteIndexError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null) throw new NoteIndexError(file, 'must be a JSON object');
  if (!isText(data.note)) throw new NoteIndexError(file, '"note" must name the note file');
  const sections = data.sections;
  if (!Array.isArray(sections) || sections.length === 0)
    throw new NoteIndexError(file, '"sections" must be a non-empty list');
  const badSection = sections.findIndex((s) => !checkSection(s));
  if (badSection !== -1)
    throw new NoteIndexError(file, `sections[${badSection}] must be { "path": text, "line": number }`);
  const terms = data.terms;
  if (!Array.isArray(terms)) throw new NoteIndexError(file, '"terms" must be a list');
  const badTerm = terms.findIndex((t) => !checkTerm(t));
  if (badTerm !== -1)
    throw new NoteIndexError(
      file,
      `terms[${badTerm}] must be { "kind": one of ${NOTE_TERM_KINDS.join(', ')}, "text": text, "line": number }`,
    );
  if (data.table !== undefined && !checkTable(data.table))
    throw new NoteIndexError(file, '"table" must be { line, header, rows, examples }');
  return { note: data.note, sections, terms, ...(data.table ? { table: data.table } : {}) };
}

/** The index of a seed folder, or undefined when the folder has none. */
export function readNoteIndex(seedDir: string): NoteIndex | undefined {
  const file = path.join(seedDir, NOTE_INDEX_FILE);
  if (!fs.existsSync(file)) return undefined;
  return parseNoteIndex(fs.readFileSync(file, 'utf8'), file);
}

/** How a committed index differs from what the note gives: entry lines only one of them has. */
export function diffNoteIndex(committed: string, current: string): { added: string[]; removed: string[] } {
  const entries = (text: string) => text.split('\n').map((line) => line.trim().replace(/,$/, ''));
  const before = new Set(entries(committed));
  const after = new Set(entries(current));
  return {
    added: [...after].filter((line) => !before.has(line)),
    removed: [...before].filter((line) => !after.has(line)),
  };
}
