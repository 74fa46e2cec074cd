/**
 * What the source note names, read from its Markdown: the section paths a seed `source` may use, and the terms (names
 * of things) the seed must cover. Only names and line numbers leave this module, never the note's sentences, so the
 * result can live in the repository while the note itself stays outside it.
 */

export type NoteTermKind = 'heading' | 'bold' | 'inline code' | 'docker command' | 'numbered item' | 'table cell';

export const NOTE_TERM_KINDS: readonly NoteTermKind[] = [
  'heading',
  'bold',
  'inline code',
  'docker command',
  'numbered item',
  'table cell',
];

export interface NoteTerm {
  kind: NoteTermKind;
  text: string;
  /** The first line (1-based) where the note names it this way. */
  line: number;
}

export interface NoteSection {
  /** A heading, optionally preceded by its parent headings: "Parent > Heading". */
  path: string;
  line: number;
}

/** The note's comparison table, by names only: its sentences stay in the note. */
export interface NoteTable {
  line: number;
  /** The compared things, one per column. */
  header: string[];
  /** How many body rows the table has (each becomes at least one aspect of the stored comparison). */
  rows: number;
  /** The "ex) A, B" cells: the products the note gives as examples of a column's thing. */
  examples: { column: number; names: string[] }[];
}

export interface NoteExtract {
  sections: NoteSection[];
  terms: NoteTerm[];
  table?: NoteTable;
}

/**
 * Fragments the extraction picks up that do not name anything, each with the reason. Keep this list tiny: every
 * entry is a term the seed is excused from covering.
 */
export const NOT_TERMS: ReadonlyMap<string, string> = new Map([
  ['+', 'inline code used as a divider before the unikernel part of the note, not a name'],
]);

/** Headings name a thing without a leading "1. " number and without a trailing " 란?" ("Container 란?" -> "Container"). */
export const headingTerm = (heading: string): string => heading.replace(/^\d+\.\s+/, '').replace(/\s*란\?$/, '');

const EXAMPLES = /^ex\)/i;
const cells = (row: string): string[] =>
  row
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const isDivider = (row: string[]): boolean => row.every((c) => /^:?-+:?$/.test(c));

/** Reads the note's Markdown. Pure: the same text always gives the same extract, in note order. */
export function extractNote(markdown: string): NoteExtract {
  const lines = markdown.split(/\r?\n/);
  const terms: NoteTerm[] = [];
  const seen = new Set<string>();
  const sections: NoteSection[] = [];
  const known = new Set<string>();
  const tableLines: { text: string; line: number }[] = [];
  let stack: { level: number; text: string }[] = [];
  let fence: string | null = null;

  const term = (kind: NoteTermKind, text: string, line: number) => {
    const key = `${kind}\u0000${text}`;
    if (text === '' || NOT_TERMS.has(text) || seen.has(key)) return;
    seen.add(key);
    terms.push({ kind, text, line });
  };
  const commands = (text: string, line: number) => {
    for (const m of text.matchAll(/\bdocker\s+([a-z][a-z-]*)/g)) term('docker command', `docker ${m[1]}`, line);
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('```')) {
      fence = fence === null ? trimmed.slice(3).trim().toLowerCase() : null;
      return;
    }
    if (fence !== null) {
      // Only shell blocks hold commands; other blocks (Dockerfiles, output) would yield false names.
      if (fence === 'bash') commands(trimmed, line);
      return;
    }
    const heading = /^(#{1,4})\s+(.+?)\s*$/.exec(raw);
    if (heading) {
      const level = heading[1].length;
      stack = [...stack.filter((h) => h.level < level), { level, text: heading[2] }];
      const chain = stack.map((h) => h.text);
      for (let from = 0; from < chain.length; from += 1) {
        const path = chain.slice(from).join(' > ');
        if (known.has(path)) continue;
        known.add(path);
        sections.push({ path, line });
      }
      term('heading', headingTerm(heading[2]), line);
      return;
    }
    for (const m of raw.matchAll(/\*\*(.+?)\*\*/g)) {
      term('bold', m[1].trim(), line);
      commands(m[1], line);
    }
    for (const m of raw.matchAll(/`([^`]+)`/g)) term('inline code', m[1].trim(), line);
    const item = /^\s*\d+\.\s+(.+)$/.exec(raw);
    if (item) term('numbered item', item[1].replace(/\*\*/g, '').trim(), line);
    if (trimmed.startsWith('|')) tableLines.push({ text: trimmed, line });
  });

  const [headerLine, ...rest] = tableLines;
  if (!headerLine) return { sections, terms };
  const header = cells(headerLine.text);
  const body = rest.map((r) => cells(r.text)).filter((row) => !isDivider(row));
  for (const name of header) term('table cell', name, headerLine.line);
  const examples: NoteTable['examples'] = [];
  for (const row of body) {
    row.forEach((cell, column) => {
      if (!EXAMPLES.test(cell)) return;
      const names = cell
        .replace(EXAMPLES, '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const name of names) term('table cell', name, headerLine.line);
      examples.push({ column, names });
    });
  }
  return { sections, terms, table: { line: headerLine.line, header, rows: body.length, examples } };
}
