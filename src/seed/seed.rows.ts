import crypto from 'node:crypto';

import type { ConceptRecord, Correction, RelationRecord } from '../graph/graph.model';
import { flagTerm, isFlag, keysOf, splitWords } from '../search/words';
import type { SeedConcept, SeedContent } from './seed.types';

/**
 * The seed as the rows the database stores (property names of graph.model.ts), in a canonical order. The hash is
 * taken over exactly these rows, so it changes when and only when what the graph would hold changes: comments,
 * file layout and item order in the files do not count.
 */

/** Bump when the way the seed is stored changes, so every database is re-seeded once by the new code. */
export const SEED_FORMAT_VERSION = '2';

export interface ComparisonRow {
  slug: string;
  titleKo: string;
  titleEn: string;
  source: string;
  /** The aspects as JSON text: [{ aspect: {ko, en}, values: { <slug>: {ko, en} } }], values in column order. */
  aspects: string;
  /** Compared concept slugs in column order; COMPARES.position is the 1-based index here. */
  concepts: string[];
}

/**
 * What a concept row stores for search only: `searchTerms` is full-text indexed (the learner words, and a term per
 * flag, see flagTerm), `searchKeys` holds the exact-match keys of every name, alias and learner word (see keysOf).
 */
export interface SearchFields {
  searchTerms: string[];
  searchKeys: string[];
}

export type ConceptRow = ConceptRecord & SearchFields;

export interface SeedRows {
  concepts: ConceptRow[];
  relations: RelationRecord[];
  comparisons: ComparisonRow[];
}

const byText = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** A correction as the JSON text the graph stores, its keys in a fixed order so the seed hash is stable. */
function correctionText(c: Correction): string {
  return JSON.stringify({ noteSays: { ko: c.noteSays.ko, en: c.noteSays.en }, truth: { ko: c.truth.ko, en: c.truth.en }, reference: c.reference });
}

/** The search fields of a concept with its learner words (if any). */
export function searchFieldsOf(concept: Pick<SeedConcept, 'name' | 'aliases'>, learner: { ko: string[]; en: string[] } = { ko: [], en: [] }): SearchFields {
  const learned = [...learner.ko, ...learner.en];
  const texts = [concept.name.ko, concept.name.en, ...concept.aliases.ko, ...concept.aliases.en, ...learned];
  const flags = texts.flatMap((text) => splitWords(text).filter((word) => isFlag(word.text)).map((word) => flagTerm(word.text)));
  return {
    searchTerms: [...new Set([...learned, ...flags])],
    searchKeys: [...new Set(texts.flatMap(keysOf))].sort(),
  };
}

export function toRows(content: SeedContent): SeedRows {
  const learner = new Map(content.learnerWords.map((entry) => [entry.slug, entry.words]));
  const concepts: ConceptRow[] = content.concepts
    .map((c) => ({
      slug: c.slug,
      kind: c.kind,
      nameKo: c.name.ko,
      nameEn: c.name.en,
      aliasesKo: c.aliases.ko,
      aliasesEn: c.aliases.en,
      summaryKo: c.summary.ko,
      summaryEn: c.summary.en,
      detailsKo: c.details?.ko ?? null,
      detailsEn: c.details?.en ?? null,
      tags: c.tags,
      source: c.source,
      syntax: c.syntax ?? null,
      order: c.order ?? null,
      phraseEn: c.phrase ?? null,
      pluralEn: c.plural ?? null,
      correction: c.correction ? correctionText(c.correction) : null,
      ...searchFieldsOf(c, learner.get(c.slug)),
    }))
    .sort(byText((c) => c.slug));
  const relations: RelationRecord[] = content.relations
    .map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      descriptionKo: r.description?.ko ?? null,
      descriptionEn: r.description?.en ?? null,
      order: r.order ?? null,
      source: r.source,
      correction: r.correction ? correctionText(r.correction) : null,
    }))
    .sort(byText((r) => `${r.type} ${r.from} ${r.to}`));
  const comparisons: ComparisonRow[] = content.comparisons
    .map((k) => ({
      slug: k.slug,
      titleKo: k.title.ko,
      titleEn: k.title.en,
      source: k.source,
      aspects: JSON.stringify(
        k.aspects.map((a) => ({ aspect: { ko: a.aspect.ko, en: a.aspect.en }, values: Object.fromEntries(k.concepts.map((slug) => [slug, { ko: a.values[slug].ko, en: a.values[slug].en }])) })),
      ),
      concepts: k.concepts,
    }))
    .sort(byText((k) => k.slug));
  return { concepts, relations, comparisons };
}

/** SHA-256 (hex) over the format version and the canonical rows. */
export function seedHash(rows: SeedRows): string {
  return crypto.createHash('sha256').update(JSON.stringify({ format: SEED_FORMAT_VERSION, ...rows })).digest('hex');
}
