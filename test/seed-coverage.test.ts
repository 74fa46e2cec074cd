import path from 'node:path';

import type { NoteTerm } from '../src/note/note.extract';
import { NOTE_INDEX_FILE, type NoteIndex, readNoteIndex } from '../src/note/note.index';
import { loadSeed } from '../src/seed/seed.loader';
import type { SeedContent } from '../src/seed/seed.types';

/**
 * The seed must cover the source note: every term the note names (headings, bold and inline-code terms, docker
 * commands, numbered list items, the comparison table's products) is findable as a concept name or alias, and every
 * concept, relation and comparison points at a real section of the note. The terms come from the note index in the
 * seed folder (written from the note by `npm run note:index`, kept current by `npm run note:check`), so the test needs
 * nothing outside the repository, and a note that names more than the seed covers fails here once the index is
 * regenerated.
 */

const SEED_DIR = path.resolve(__dirname, '../seed');
const INDEX_FILE = `seed/${NOTE_INDEX_FILE.split(path.sep).join('/')}`;

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** "유니커널 (Unikernel)" is found by the whole text, by "유니커널" or by "Unikernel". */
function spellings(term: string): string[] {
  const m = /^(.*?)\s*\((.+)\)$/.exec(term.trim());
  return m ? [term, m[1], m[2]] : [term];
}

let parsed: NoteIndex | undefined;

function note(): NoteIndex & { sectionPaths: Set<string> } {
  parsed ??= readNoteIndex(SEED_DIR);
  if (!parsed)
    throw new Error(`${INDEX_FILE} is missing: write it from the source note with npm run note:index and commit it.`);
  return { ...parsed, sectionPaths: new Set(parsed.sections.map((s) => s.path)) };
}

let seed: SeedContent | undefined;
const content = (): SeedContent => (seed ??= loadSeed(SEED_DIR));

describe('the seed covers the source note', () => {
  it(`reads the note index (${INDEX_FILE})`, () => {
    const { terms, sectionPaths, table } = note();
    const kinds = new Set(terms.map((t) => t.kind));
    for (const kind of ['heading', 'bold', 'inline code', 'docker command', 'numbered item', 'table cell'])
      expect(kinds).toContain(kind);
    expect(sectionPaths.size).toBeGreaterThan(5);
    expect(table?.header.length).toBeGreaterThanOrEqual(2);
  });

  it('finds every term of the note as a concept name or alias', () => {
    const known = new Map<string, string[]>();
    for (const c of content().concepts) {
      for (const n of [c.name.ko, c.name.en, ...c.aliases.ko, ...c.aliases.en]) {
        const key = normalize(n);
        known.set(key, [...(known.get(key) ?? []), c.slug]);
      }
    }
    const missing = new Map<string, NoteTerm>();
    for (const term of note().terms) {
      if (spellings(term.text).some((s) => known.has(normalize(s)))) continue;
      const key = `${term.kind}:${normalize(term.text)}`;
      if (!missing.has(key)) missing.set(key, term);
    }
    if (missing.size > 0) {
      const list = [...missing.values()].map((t) => `  line ${t.line} (${t.kind}): ${t.text}`).join('\n');
      throw new Error(
        `${missing.size} term(s) the note names (${INDEX_FILE}, lines of the note) are not a concept name or alias in seed/:\n${list}`,
      );
    }
  });

  it('gives every concept a name and a summary in both languages and a source that is a section of the note', () => {
    const { sectionPaths: sections } = note();
    const problems: string[] = [];
    for (const c of content().concepts) {
      const where = `${c.slug} (${c.at?.file ?? '?'}:${c.at?.line ?? '?'})`;
      for (const lang of ['ko', 'en'] as const) {
        if (!c.name?.[lang]?.trim()) problems.push(`${where}: empty name.${lang}`);
        if (!c.summary?.[lang]?.trim()) problems.push(`${where}: empty summary.${lang}`);
      }
      if (!c.source?.trim()) problems.push(`${where}: empty source`);
      else if (!sections.has(c.source))
        problems.push(`${where}: source ${JSON.stringify(c.source)} is not a section of the note`);
    }
    if (problems.length > 0)
      throw new Error(
        `${problems.length} concept problem(s):\n  ${problems.join('\n  ')}\nSections: ${[...sections].join(' | ')}`,
      );
  });

  it('points every relation and comparison at a section of the note', () => {
    const { sectionPaths: sections } = note();
    const { relations, comparisons } = content();
    const bad = [
      ...relations
        .filter((r) => !sections.has(r.source))
        .map((r) => `${r.type} ${r.from} -> ${r.to}: ${JSON.stringify(r.source)}`),
      ...comparisons
        .filter((c) => !sections.has(c.source))
        .map((c) => `comparison ${c.slug}: ${JSON.stringify(c.source)}`),
    ];
    expect(bad).toEqual([]);
  });

  it('stores the comparison table as a comparison with at least one aspect per table row, and its examples as relations', () => {
    const { table } = note();
    expect(table).toBeDefined();
    const byName = new Map<string, string>();
    for (const c of content().concepts) {
      for (const n of [c.name.ko, c.name.en, ...c.aliases.ko, ...c.aliases.en]) byName.set(normalize(n), c.slug);
    }
    const compared = table!.header.map((h) => byName.get(normalize(h)));
    expect(compared.every(Boolean)).toBe(true);
    const comparison = content().comparisons.find((c) => compared.every((slug) => c.concepts.includes(slug!)));
    expect(comparison).toBeDefined();
    expect(comparison!.aspects.length).toBeGreaterThanOrEqual(table!.rows);
    for (const aspect of comparison!.aspects) {
      for (const slug of compared) {
        expect(aspect.values[slug!]?.ko?.trim()).toBeTruthy();
        expect(aspect.values[slug!]?.en?.trim()).toBeTruthy();
      }
    }
    // The examples row: each product is an EXAMPLE_OF the column's concept.
    const examples = content().relations.filter((r) => r.type === 'EXAMPLE_OF');
    expect(table!.examples.length).toBeGreaterThan(0);
    for (const { column, names } of table!.examples) {
      for (const name of names) {
        const product = byName.get(normalize(name));
        expect({ cell: name, product, of: compared[column] }).toMatchObject({ product: expect.any(String) });
        expect(examples.some((r) => r.from === product && r.to === compared[column])).toBe(true);
      }
    }
  });
});
