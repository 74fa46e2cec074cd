import { ACYCLIC_RELATIONS, ConceptKind, RELATION_TYPES, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import type { NoteIndex } from '../note/note.index';
import { readSeed } from './seed.loader';
import { closest, likelyTypo, type SeedProblem, SeedValidationError, sortProblems } from './seed.problem';
import { keysOf } from '../search/words';
import type { SeedComparison, SeedConcept, SeedContent, SeedDraft, SeedDrafts, SeedLearnerWords, SeedLocation, SeedRelation } from './seed.types';

/**
 * The graph rules the seed must follow, beyond its shape: known kinds and relation types, kebab-case unique slugs,
 * relations between existing concepts without self-loops, duplicates or cycles, stage order and command syntax where
 * they belong, complete comparisons, and sources that name a section of the note. Every rule reports every offence,
 * and judges every field that could be read, even of an entry whose other fields are broken, so one run lists all
 * there is to fix.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Generated benchmark concepts use this prefix; keeping it out of the seed means the two never collide. */
export const RESERVED_SLUG_PREFIX = 'synthetic-';
const KINDS = Object.values(ConceptKind) as string[];
const TYPES = RELATION_TYPES as string[];

const where = (at: SeedLocation) => `${at.file}:${at.line}`;

/** Whether an entry wrote a field at all (a written field may still have been unreadable). */
function wrote(item: { written?: ReadonlySet<string> }, field: string, value: unknown): boolean {
  return item.written ? item.written.has(field) : value !== undefined;
}

const quoted = (slug: string | undefined) => (slug === undefined ? '(without a readable slug)' : `"${slug}"`);

/** The note's section paths a `source` may name; undefined when the seed folder has no note index. */
type Sections = ReadonlySet<string> | undefined;

function checkSource(source: string | undefined, at: SeedLocation, what: string, sections: Sections, problems: SeedProblem[]): void {
  if (sections === undefined || source === undefined || sections.has(source)) return;
  // A cut-short path ("Parent > Lifecycle") means the section it starts; otherwise the nearest spelling.
  const needle = source.trim().toLowerCase();
  const longer = [...sections].filter((s) => s.toLowerCase().startsWith(needle)).sort((a, b) => a.length - b.length);
  const near = longer[0] ?? closest(source, sections);
  problems.push({
    at,
    message: `the source "${source}" of ${what} is not a section of the note`,
    fix: `use "${near}" (the closest section; every section is listed in note/note-index.json of the seed folder)`,
  });
}

/** `Docker Stop` -> `docker-stop`: what an author most likely meant. */
function toKebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function suggestName(word: string, valid: string[], what: string): string {
  const near = closest(word, valid)!;
  return `use ${near} (the closest ${what}); valid ${what}s: ${valid.join(', ')}`;
}

function suggestSlug(slug: string, known: Iterable<string>): string {
  const near = closest(slug, known);
  if (!near) return 'add a concept with that slug';
  return likelyTypo(slug, near) ? `did you mean "${near}"? Otherwise add a concept with that slug` : `add a concept with that slug, or use an existing one (the closest is "${near}")`;
}

/** A slug's form, and that no earlier item of its kind has it: `first` holds where each slug was defined first. */
function checkSlug(slug: string, at: SeedLocation, what: string, first: Map<string, SeedLocation>, twiceFix: string, problems: SeedProblem[]): void {
  if (!KEBAB.test(slug)) {
    const better = toKebab(slug);
    problems.push({ at, message: `${what} slug "${slug}" is not kebab-case`, fix: better ? `use "${better}" (lowercase a-z, 0-9 and single hyphens)` : 'use lowercase a-z, 0-9 and single hyphens' });
  } else if (slug.startsWith(RESERVED_SLUG_PREFIX)) {
    problems.push({ at, message: `${what} slug "${slug}" starts with "${RESERVED_SLUG_PREFIX}", which is reserved for generated benchmark data`, fix: 'choose a slug that does not start with it' });
  }
  const seen = first.get(slug);
  if (seen) problems.push({ at, message: `${what} slug "${slug}" is defined twice: here and at ${where(seen)}`, fix: twiceFix });
  else first.set(slug, at);
}

function checkConcepts(concepts: SeedDraft<SeedConcept>[], sections: Sections, problems: SeedProblem[]): void {
  const first = new Map<string, SeedLocation>();
  for (const c of concepts) {
    const name = quoted(c.slug);
    if (c.slug !== undefined) {
      checkSlug(c.slug, c.at, 'concept', first, 'give one of them another slug, or merge them into one', problems);
    }

    // The kind-dependent rules below need a known kind; an unknown one is reported once, here.
    if (c.kind !== undefined && !KINDS.includes(c.kind)) problems.push({ at: c.at, message: `unknown kind "${c.kind}" for concept ${name}`, fix: suggestName(c.kind, KINDS, 'kind') });
    if (c.kind !== undefined && KINDS.includes(c.kind)) {
      const needsSyntax = c.kind === ConceptKind.COMMAND || c.kind === ConceptKind.FLAG;
      const hasSyntax = wrote(c, 'syntax', c.syntax);
      if (needsSyntax && !hasSyntax) {
        problems.push({ at: c.at, message: `concept ${name} is a ${c.kind} but has no "syntax"`, fix: `add syntax: how it is typed, e.g. ${c.kind === ConceptKind.FLAG ? '"-t"' : '"docker build [-t NAME] PATH"'}` });
      }
      if (!needsSyntax && hasSyntax) {
        problems.push({ at: c.at, message: `concept ${name} is a ${c.kind}, but "syntax" is only for COMMAND and FLAG concepts`, fix: 'remove syntax, or change the kind to COMMAND or FLAG' });
      }
      const hasOrder = wrote(c, 'order', c.order);
      if (c.kind === ConceptKind.LIFECYCLE_STAGE && !hasOrder) {
        problems.push({ at: c.at, message: `lifecycle stage ${name} has no "order"`, fix: 'add order: N, its 1-based position in the lifecycle' });
      }
      if (c.kind !== ConceptKind.LIFECYCLE_STAGE && hasOrder) {
        problems.push({ at: c.at, message: `concept ${name} is a ${c.kind}, but "order" is only for LIFECYCLE_STAGE concepts`, fix: 'remove order (relations carry their own order), or change the kind to LIFECYCLE_STAGE' });
      }
    }
    for (const tag of c.tags ?? []) {
      if (!KEBAB.test(tag)) problems.push({ at: c.at, message: `tag "${tag}" of concept ${name} is not lowercase kebab-case`, fix: `use "${toKebab(tag) || 'a-tag'}"` });
    }
    checkSource(c.source, c.at, `concept ${name}`, sections, problems);
  }
}

/** Every cycle (one per back edge of a depth-first search) among relations of one acyclic type. */
function findCycles(relations: SeedRelation[]): SeedRelation[][] {
  const out = new Map<string, SeedRelation[]>();
  for (const r of relations) out.set(r.from, [...(out.get(r.from) ?? []), r]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: SeedRelation[] = [];
  const cycles: SeedRelation[][] = [];
  const visit = (slug: string) => {
    state.set(slug, 'open');
    for (const edge of out.get(slug) ?? []) {
      const next = state.get(edge.to);
      if (next === 'open') {
        const start = edge.to === slug ? stack.length : stack.findIndex((e) => e.from === edge.to);
        cycles.push([...stack.slice(start), edge]);
      } else if (next === undefined) {
        stack.push(edge);
        visit(edge.to);
        stack.pop();
      }
    }
    state.set(slug, 'done');
  };
  for (const slug of [...out.keys()].sort()) if (!state.has(slug)) visit(slug);
  return cycles;
}

/** A name or alias as search compares it: case and runs of spaces do not count. */
const searchKey = (term: string) => term.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * No name or alias, in either language, may belong to two concepts: a learner who searches for it would get two
 * answers for one word, and the word would stand for neither. Reported once per shared term, at its later concept.
 */
function checkTerms(concepts: SeedDraft<SeedConcept>[], problems: SeedProblem[]): void {
  const owner = new Map<string, SeedDraft<SeedConcept>>();
  const reported = new Set<string>();
  for (const c of concepts) {
    if (c.slug === undefined) continue;
    const names = [c.name?.ko, c.name?.en, ...(c.aliases?.ko ?? []), ...(c.aliases?.en ?? [])];
    const terms = new Set(names.filter((t): t is string => typeof t === 'string').map(searchKey));
    for (const term of terms) {
      const first = owner.get(term);
      if (!first) {
        owner.set(term, c);
        continue;
      }
      if (first.slug === c.slug || reported.has(term)) continue;
      reported.add(term);
      problems.push({
        at: c.at,
        message: `"${term}" is a name or alias of both "${first.slug}" (${where(first.at)}) and "${c.slug}"`,
        fix: `keep it on the concept it names best and remove it from the other; relate the two concepts (e.g. OVERLAPS_WITH) if their ideas overlap`,
      });
    }
  }
}

function checkRelations(relations: SeedDraft<SeedRelation>[], slugs: Set<string>, sections: Sections, problems: SeedProblem[]): void {
  const first = new Map<string, SeedDraft<SeedRelation>>();
  const sound: SeedRelation[] = [];
  for (const r of relations) {
    const type = r.type ?? '(without a readable type)';
    checkSource(r.source, r.at, `relation ${type} ${r.from ?? '?'} → ${r.to ?? '?'}`, sections, problems);
    let ok = r.type !== undefined && r.from !== undefined && r.to !== undefined;
    if (r.type !== undefined && !TYPES.includes(r.type)) {
      problems.push({ at: r.at, message: `unknown relation type "${r.type}"`, fix: suggestName(r.type, TYPES, 'relation type') });
      ok = false;
    }
    for (const end of ['from', 'to'] as const) {
      const slug = r[end];
      if (slug === undefined || slugs.has(slug)) continue;
      problems.push({ at: r.at, message: `relation ${type} ${end === 'from' ? 'starts at' : 'points to'} unknown concept "${slug}"`, fix: suggestSlug(slug, slugs) });
      ok = false;
    }
    if (r.from !== undefined && r.from === r.to) {
      problems.push({ at: r.at, message: `relation ${type} goes from "${r.from}" to itself`, fix: 'remove it, or point "to" at another concept' });
      ok = false;
    }
    if (r.type === undefined || r.from === undefined || r.to === undefined) continue;
    const key = `${r.type} ${r.from} ${r.to}`;
    const same = first.get(key);
    const reverse = SYMMETRIC_RELATIONS.has(r.type) ? first.get(`${r.type} ${r.to} ${r.from}`) : undefined;
    if (same) {
      problems.push({ at: r.at, message: `relation ${r.from} ${r.type} ${r.to} is written twice: here and at ${where(same.at)}`, fix: 'remove one of them' });
    } else if (reverse) {
      problems.push({ at: r.at, message: `relation ${r.from} ${r.type} ${r.to} repeats ${reverse.from} ${r.type} ${reverse.to} at ${where(reverse.at)}; ${r.type} reads the same both ways and is stored once`, fix: 'remove one of them' });
    } else {
      first.set(key, r);
      if (ok) sound.push(r as SeedRelation);
    }
  }
  for (const type of ACYCLIC_RELATIONS) {
    const seen = new Set<string>();
    for (const cycle of findCycles(sound.filter((r) => r.type === type))) {
      const id = cycle.map((e) => e.from).sort().join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      const path = [...cycle.map((e) => e.from), cycle[0].from].join(' → ');
      const edges = cycle.map((e) => `${e.from} → ${e.to} at ${where(e.at)}`).join('; ');
      problems.push({ at: cycle[cycle.length - 1].at, message: `${type} forms a cycle: ${path}`, fix: `${type} must never loop; remove or reverse one of: ${edges}` });
    }
  }
}

function checkComparisons(comparisons: SeedDraft<SeedComparison>[], slugs: Set<string>, sections: Sections, problems: SeedProblem[]): void {
  const first = new Map<string, SeedLocation>();
  for (const k of comparisons) {
    const name = quoted(k.slug);
    if (k.slug !== undefined) {
      checkSlug(k.slug, k.at, 'comparison', first, 'give one of them another slug', problems);
    }
    checkSource(k.source, k.at, `comparison ${name}`, sections, problems);
    // Without a readable list of compared concepts, the aspects' values cannot be judged against it.
    if (k.concepts === undefined) continue;

    if (k.concepts.length < 2) problems.push({ at: k.at, message: `comparison ${name} compares ${k.concepts.length} concept(s)`, fix: 'list two or more concept slugs under concepts' });
    const listed = new Set<string>();
    for (const slug of k.concepts) {
      if (listed.has(slug)) problems.push({ at: k.at, message: `comparison ${name} lists "${slug}" twice`, fix: 'list each compared concept once' });
      listed.add(slug);
      if (!slugs.has(slug)) problems.push({ at: k.at, message: `comparison ${name} compares unknown concept "${slug}"`, fix: suggestSlug(slug, slugs) });
    }
    if (k.aspects === undefined) continue;
    if (k.aspects.length === 0) problems.push({ at: k.at, message: `comparison ${name} has no aspects`, fix: 'add at least one aspect with a value for each compared concept' });
    k.aspects.forEach((aspect, index) => {
      const label = `aspect ${index + 1} ("${aspect.aspect.en}") of comparison ${name}`;
      for (const slug of listed) {
        if (!(slug in aspect.values)) problems.push({ at: k.at, message: `${label} has no value for "${slug}"`, fix: `add values: ${slug}: { ko: …, en: … }` });
      }
      for (const slug of Object.keys(aspect.values)) {
        if (listed.has(slug)) continue;
        const near = closest(slug, listed);
        problems.push({ at: k.at, message: `${label} has a value for "${slug}", which is not compared`, fix: near && likelyTypo(slug, near) ? `did you mean "${near}"?` : `add "${slug}" to concepts, or remove the value` });
      }
    });
  }
}

/**
 * Learner words name an existing concept, give at least one word in each language, and add something: a word is
 * compared by its search key (case, spacing and Korean particles ignored), and may appear once in the whole file and
 * not repeat the concept's own name or aliases, which search already finds.
 */
function checkLearnerWords(entries: SeedLearnerWords[], concepts: SeedDraft<SeedConcept>[], problems: SeedProblem[]): void {
  const bySlug = new Map(concepts.flatMap((c) => (c.slug === undefined ? [] : [[c.slug, c] as const])));
  const owner = new Map<string, { slug: string; at: SeedLocation }>();
  const langs = { ko: 'Korean', en: 'English' } as const;
  for (const entry of entries) {
    const concept = bySlug.get(entry.slug);
    if (!concept) {
      problems.push({ at: entry.at, message: `learner words for unknown concept "${entry.slug}"`, fix: suggestSlug(entry.slug, bySlug.keys()) });
      continue;
    }
    const names = [concept.name?.ko, concept.name?.en, ...(concept.aliases?.ko ?? []), ...(concept.aliases?.en ?? [])];
    const own = new Set(names.flatMap((text) => (text === undefined ? [] : keysOf(text).slice(0, 1))));
    for (const lang of ['ko', 'en'] as const) {
      if (entry.words[lang].length === 0) {
        problems.push({ at: entry.at, message: `learner words of "${entry.slug}" have no ${langs[lang]} word`, fix: `add at least one ${langs[lang]} word to ${lang}: [...] (both languages are required)` });
      }
      for (const word of entry.words[lang]) {
        const key = keysOf(word)[0];
        if (key === undefined) {
          problems.push({ at: entry.at, message: `learner word "${word}" of "${entry.slug}" has no letters or digits`, fix: 'write a word a learner would type, or remove it' });
          continue;
        }
        if (own.has(key)) {
          problems.push({ at: entry.at, message: `learner word "${word}" of "${entry.slug}" repeats its name or an alias`, fix: 'remove it: search already finds the concept by its name and aliases' });
          continue;
        }
        const first = owner.get(key);
        if (!first) owner.set(key, { slug: entry.slug, at: entry.at });
        else if (first.slug === entry.slug) problems.push({ at: entry.at, message: `learner word "${word}" is listed twice for "${entry.slug}"`, fix: 'keep one of them' });
        else problems.push({ at: entry.at, message: `learner word "${word}" is given to "${entry.slug}" and, at ${where(first.at)}, to "${first.slug}"`, fix: 'keep it for the one concept a learner typing it most likely means' });
      }
    }
  }
}

export interface ValidateOptions {
  /** The section paths a `source` may name (the note index's); without them sources are not checked. */
  sections?: Iterable<string>;
}

/**
 * Every graph-rule problem of the seed. It takes drafts (complete items are drafts too), so an entry with a broken
 * field still has its other fields judged, and a concept that failed to read still counts as existing.
 */
export function validateSeed(seed: SeedDrafts, options: ValidateOptions = {}): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const slugs = new Set(seed.concepts.flatMap((c) => (c.slug === undefined ? [] : [c.slug])));
  const sections = options.sections === undefined ? undefined : new Set(options.sections);
  checkConcepts(seed.concepts, sections, problems);
  checkTerms(seed.concepts, problems);
  checkRelations(seed.relations, slugs, sections, problems);
  checkComparisons(seed.comparisons, slugs, sections, problems);
  checkLearnerWords(seed.learnerWords ?? [], seed.concepts, problems);
  return problems;
}

/** A sound seed folder: its content, and the note index its sources were checked against (if it has one). */
export interface CheckedSeed {
  content: SeedContent;
  noteIndex?: NoteIndex;
}

/**
 * Reads and validates the seed folder: returns the content when it is sound, else throws one SeedValidationError
 * listing every syntax, shape and graph-rule problem of every entry, in file and line order.
 */
export function checkSeedFolder(dir: string): CheckedSeed {
  const reading = readSeed(dir);
  const sections = reading.noteIndex?.sections.map((s) => s.path);
  const problems = [...reading.problems, ...validateSeed(reading.drafts, { sections })];
  if (problems.length > 0) throw new SeedValidationError(sortProblems(problems, reading.files));
  return { content: reading.content, ...(reading.noteIndex ? { noteIndex: reading.noteIndex } : {}) };
}

/** The content of a sound seed folder (see checkSeedFolder). */
export function checkSeed(dir: string): SeedContent {
  return checkSeedFolder(dir).content;
}
