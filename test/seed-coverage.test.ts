import fs from 'node:fs';
import path from 'node:path';

import { loadSeed } from '../src/seed/seed.loader';
import type { SeedContent } from '../src/seed/seed.types';

/**
 * The seed must cover the source note: every term the note names (headings, bold and inline-code terms, docker
 * commands, numbered list items, the comparison table's products) is findable as a concept name or alias, and every
 * concept, relation and comparison points at a real section of the note. The terms are derived from the note itself,
 * so adding to the note without adding to the seed fails here.
 */

const NOTE_PATH = process.env.ATLAS_SOURCE_NOTE ?? path.resolve(__dirname, '../../shared/source/getting-started-with-docker.md');
const SEED_DIR = path.resolve(__dirname, '../seed');

/** Fragments the extraction picks up that do not name anything, each with the reason. Keep this list tiny. */
const NOT_TERMS = new Map<string, string>([
  ['+', 'inline code used as a divider before the unikernel part of the note, not a name'],
]);

type TermKind = 'heading' | 'bold' | 'inline code' | 'docker command' | 'numbered item' | 'table cell';

interface Term {
  kind: TermKind;
  text: string;
  line: number;
}

interface ParsedNote {
  terms: Term[];
  /** Every accepted section path: a heading, optionally preceded by its parent headings ("Parent > Heading"). */
  sections: Set<string>;
  table: { header: string[]; rows: string[][] };
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Headings are matched without a leading "1. " number and without a trailing " 란?" ("Container 란?" -> "Container"). */
const headingTerm = (h: string): string => h.replace(/^\d+\.\s+/, '').replace(/\s*란\?$/, '');

/** "유니커널 (Unikernel)" is found by the whole text, by "유니커널" or by "Unikernel". */
function spellings(term: string): string[] {
  const m = /^(.*?)\s*\((.+)\)$/.exec(term.trim());
  return m ? [term, m[1], m[2]] : [term];
}

let parsed: ParsedNote | undefined;

function note(): ParsedNote {
  if (parsed) return parsed;
  if (!fs.existsSync(NOTE_PATH)) {
    throw new Error(`The source note was not found at ${NOTE_PATH}. Set ATLAS_SOURCE_NOTE to the path of getting-started-with-docker.md.`);
  }
  const lines = fs.readFileSync(NOTE_PATH, 'utf8').split(/\r?\n/);
  const terms: Term[] = [];
  const sections = new Set<string>();
  const tableLines: string[] = [];
  let stack: { level: number; text: string }[] = [];
  let fence: string | null = null;
  const commands = (text: string, line: number) => {
    for (const m of text.matchAll(/\bdocker\s+([a-z][a-z-]*)/g)) terms.push({ kind: 'docker command', text: `docker ${m[1]}`, line });
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('```')) {
      fence = fence === null ? trimmed.slice(3).trim().toLowerCase() : null;
      return;
    }
    if (fence !== null) {
      if (fence === 'bash') commands(trimmed, line);
      return;
    }
    const heading = /^(#{1,4})\s+(.+?)\s*$/.exec(raw);
    if (heading) {
      const level = heading[1].length;
      stack = [...stack.filter((h) => h.level < level), { level, text: heading[2] }];
      const chain = stack.map((h) => h.text);
      for (let from = 0; from < chain.length; from += 1) sections.add(chain.slice(from).join(' > '));
      terms.push({ kind: 'heading', text: headingTerm(heading[2]), line });
      return;
    }
    for (const m of raw.matchAll(/\*\*(.+?)\*\*/g)) {
      terms.push({ kind: 'bold', text: m[1].trim(), line });
      commands(m[1], line);
    }
    for (const m of raw.matchAll(/`([^`]+)`/g)) terms.push({ kind: 'inline code', text: m[1].trim(), line });
    const item = /^\s*\d+\.\s+(.+)$/.exec(raw);
    if (item) terms.push({ kind: 'numbered item', text: item[1].replace(/\*\*/g, '').trim(), line });
    if (trimmed.startsWith('|')) tableLines.push(trimmed);
  });

  const cells = (row: string) => row.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const [headerLine, ...rest] = tableLines;
  const header = headerLine ? cells(headerLine) : [];
  const rows = rest.map(cells).filter((r) => !r.every((c) => /^:?-+:?$/.test(c)));
  const tableLine = lines.findIndex((l) => l.trim().startsWith('|')) + 1;
  for (const h of header) terms.push({ kind: 'table cell', text: h, line: tableLine });
  for (const row of rows) {
    for (const cell of row) {
      if (!/^ex\)/i.test(cell)) continue;
      for (const part of cell.replace(/^ex\)/i, '').split(',')) {
        if (part.trim()) terms.push({ kind: 'table cell', text: part.trim(), line: tableLine });
      }
    }
  }
  parsed = { terms, sections, table: { header, rows } };
  return parsed;
}

let seed: SeedContent | undefined;
const content = (): SeedContent => (seed ??= loadSeed(SEED_DIR));

describe('the seed covers the source note', () => {
  it(`reads the source note (ATLAS_SOURCE_NOTE, default ${NOTE_PATH})`, () => {
    const { terms, sections, table } = note();
    const kinds = new Set(terms.map((t) => t.kind));
    for (const kind of ['heading', 'bold', 'inline code', 'docker command', 'numbered item', 'table cell'] as TermKind[]) expect(kinds).toContain(kind);
    expect(sections.size).toBeGreaterThan(5);
    expect(table.header.length).toBeGreaterThanOrEqual(2);
  });

  it('finds every term of the note as a concept name or alias', () => {
    const known = new Map<string, string[]>();
    for (const c of content().concepts) {
      for (const n of [c.name.ko, c.name.en, ...c.aliases.ko, ...c.aliases.en]) {
        const key = normalize(n);
        known.set(key, [...(known.get(key) ?? []), c.slug]);
      }
    }
    const missing = new Map<string, Term>();
    for (const term of note().terms) {
      if (NOT_TERMS.has(term.text)) continue;
      if (spellings(term.text).some((s) => known.has(normalize(s)))) continue;
      const key = `${term.kind}:${normalize(term.text)}`;
      if (!missing.has(key)) missing.set(key, term);
    }
    if (missing.size > 0) {
      const list = [...missing.values()].map((t) => `  line ${t.line} (${t.kind}): ${t.text}`).join('\n');
      throw new Error(`${missing.size} term(s) of ${NOTE_PATH} are not a concept name or alias in ${SEED_DIR}:\n${list}`);
    }
  });

  it('gives every concept a name and a summary in both languages and a source that is a section of the note', () => {
    const { sections } = note();
    const problems: string[] = [];
    for (const c of content().concepts) {
      const where = `${c.slug} (${c.at?.file ?? '?'}:${c.at?.line ?? '?'})`;
      for (const lang of ['ko', 'en'] as const) {
        if (!c.name?.[lang]?.trim()) problems.push(`${where}: empty name.${lang}`);
        if (!c.summary?.[lang]?.trim()) problems.push(`${where}: empty summary.${lang}`);
      }
      if (!c.source?.trim()) problems.push(`${where}: empty source`);
      else if (!sections.has(c.source)) problems.push(`${where}: source ${JSON.stringify(c.source)} is not a section of the note`);
    }
    if (problems.length > 0) throw new Error(`${problems.length} concept problem(s):\n  ${problems.join('\n  ')}\nSections: ${[...sections].join(' | ')}`);
  });

  it('points every relation and comparison at a section of the note', () => {
    const { sections } = note();
    const { relations, comparisons } = content();
    const bad = [
      ...relations.filter((r) => !sections.has(r.source)).map((r) => `${r.type} ${r.from} -> ${r.to}: ${JSON.stringify(r.source)}`),
      ...comparisons.filter((c) => !sections.has(c.source)).map((c) => `comparison ${c.slug}: ${JSON.stringify(c.source)}`),
    ];
    expect(bad).toEqual([]);
  });

  it('stores the comparison table as a comparison with at least one aspect per table row, and its rows as relations', () => {
    const { table } = note();
    const byName = new Map<string, string>();
    for (const c of content().concepts) {
      for (const n of [c.name.ko, c.name.en, ...c.aliases.ko, ...c.aliases.en]) byName.set(normalize(n), c.slug);
    }
    const compared = table.header.map((h) => byName.get(normalize(h)));
    expect(compared.every(Boolean)).toBe(true);
    const comparison = content().comparisons.find((c) => compared.every((slug) => c.concepts.includes(slug!)));
    expect(comparison).toBeDefined();
    expect(comparison!.aspects.length).toBeGreaterThanOrEqual(table.rows.length);
    for (const aspect of comparison!.aspects) {
      for (const slug of compared) {
        expect(aspect.values[slug!]?.ko?.trim()).toBeTruthy();
        expect(aspect.values[slug!]?.en?.trim()).toBeTruthy();
      }
    }
    // The examples row: each product is an EXAMPLE_OF the column's concept.
    const examples = content().relations.filter((r) => r.type === 'EXAMPLE_OF');
    for (const row of table.rows) {
      row.forEach((cell, column) => {
        if (!/^ex\)/i.test(cell)) return;
        for (const part of cell.replace(/^ex\)/i, '').split(',')) {
          const product = byName.get(normalize(part));
          expect({ cell: part.trim(), product, of: compared[column] }).toMatchObject({ product: expect.any(String) });
          expect(examples.some((r) => r.from === product && r.to === compared[column])).toBe(true);
        }
      });
    }
  });
});
