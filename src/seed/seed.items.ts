import { isMap, isScalar } from 'yaml';

import type { Bilingual, ConceptKind, RelationType } from '../graph/vocabulary';
import type { ShapeReader } from './seed.shape';
import type { SeedComparison, SeedComparisonAspect, SeedConcept, SeedDraft, SeedLocation, SeedRelation } from './seed.types';

/**
 * The three kinds of seed item, read field by field. Each reader returns the item only when every field could be
 * read, and always a draft: every field that could be read, so the rules of meaning (seed.validate.ts) still judge
 * a broken entry's readable fields in the same run, and relations naming a broken concept are not reported again.
 * Values are checked for shape here (text, numbers, lists, both languages); what they mean (known kinds, existing
 * slugs, cycles) is checked in seed.validate.ts.
 */

export interface ReadItem<T extends { at: SeedLocation }> {
  item?: T;
  draft: SeedDraft<T>;
}

const CONCEPT_FIELDS = ['slug', 'kind', 'name', 'aliases', 'summary', 'tags', 'source'] as const;
const CONCEPT_OPTIONAL = ['details', 'syntax', 'order', 'phrase', 'plural', 'correction'] as const;
const RELATION_FIELDS = ['type', 'from', 'to', 'source'] as const;
const RELATION_OPTIONAL = ['description', 'order', 'correction'] as const;
const COMPARISON_FIELDS = ['slug', 'title', 'concepts', 'source', 'aspects'] as const;

/** The fields that could be read (undefined ones dropped), with where the entry is and which fields it wrote. */
function draftOf<T extends { at: SeedLocation }>(fields: Record<string, unknown>, at: SeedLocation): SeedDraft<T> {
  const draft: Record<string, unknown> = { at };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) draft[name] = value;
  return draft as SeedDraft<T>;
}

/** Runs `read` and says whether it added no problem. */
function clean<T>(r: ShapeReader, read: () => T): [T, boolean] {
  const before = r.problems.length;
  const value = read();
  return [value, r.problems.length === before];
}

export function readConcept(r: ShapeReader, node: unknown, at: SeedLocation): ReadItem<SeedConcept> {
  const [item, ok] = clean(r, () => {
    const f = r.fields(node, at, 'a concept', CONCEPT_FIELDS, CONCEPT_OPTIONAL);
    if (!f) return { written: new Set<string>() };
    const get = <T>(name: string, read: (value: unknown) => T) => (f.has(name) ? read(f.get(name)) : undefined);
    return {
      slug: get('slug', (v) => r.text(v, at, 'slug')),
      kind: get('kind', (v) => r.text(v, at, 'kind')) as ConceptKind | undefined,
      name: get('name', (v) => r.bilingual(v, at, 'name')),
      aliases: get('aliases', (v) => r.bilingualList(v, at, 'aliases')),
      summary: get('summary', (v) => r.bilingual(v, at, 'summary')),
      details: get('details', (v) => r.bilingual(v, at, 'details')),
      tags: get('tags', (v) => r.textList(v, at, 'tags')),
      source: get('source', (v) => r.text(v, at, 'source')),
      syntax: get('syntax', (v) => r.text(v, at, 'syntax')),
      order: get('order', (v) => r.position(v, at, 'order')),
      phrase: get('phrase', (v) => r.text(v, at, 'phrase')),
      plural: get('plural', (v) => r.flag(v, at, 'plural')),
      correction: get('correction', (v) => r.correction(v, at, 'correction')),
      written: new Set(f.keys()),
    };
  });
  const draft = draftOf<SeedConcept>(item, at);
  if (!ok) return { draft };
  const concept: SeedConcept = {
    slug: item.slug!,
    kind: item.kind!,
    name: item.name!,
    aliases: item.aliases!,
    summary: item.summary!,
    tags: item.tags!,
    source: item.source!,
    at,
  };
  if (item.details) concept.details = item.details;
  if (item.syntax !== undefined) concept.syntax = item.syntax;
  if (item.order !== undefined) concept.order = item.order;
  if (item.phrase !== undefined) concept.phrase = item.phrase;
  if (item.plural !== undefined) concept.plural = item.plural;
  if (item.correction) concept.correction = item.correction;
  return { item: concept, draft };
}

export function readRelation(r: ShapeReader, node: unknown, at: SeedLocation): ReadItem<SeedRelation> {
  const [item, ok] = clean(r, () => {
    const f = r.fields(node, at, 'a relation', RELATION_FIELDS, RELATION_OPTIONAL);
    if (!f) return { written: new Set<string>() };
    const get = <T>(name: string, read: (value: unknown) => T) => (f.has(name) ? read(f.get(name)) : undefined);
    return {
      type: get('type', (v) => r.text(v, at, 'type')) as RelationType | undefined,
      from: get('from', (v) => r.text(v, at, 'from')),
      to: get('to', (v) => r.text(v, at, 'to')),
      description: get('description', (v) => r.bilingual(v, at, 'description')),
      order: get('order', (v) => r.position(v, at, 'order')),
      source: get('source', (v) => r.text(v, at, 'source')),
      correction: get('correction', (v) => r.correction(v, at, 'correction')),
      written: new Set(f.keys()),
    };
  });
  const draft = draftOf<SeedRelation>(item, at);
  if (!ok) return { draft };
  const relation: SeedRelation = { type: item.type!, from: item.from!, to: item.to!, source: item.source!, at };
  if (item.description) relation.description = item.description;
  if (item.order !== undefined) relation.order = item.order;
  if (item.correction) relation.correction = item.correction;
  return { item: relation, draft };
}

function readAspect(r: ShapeReader, node: unknown, at: SeedLocation, index: number): SeedComparisonAspect | undefined {
  const f = r.fields(node, at, `aspect ${index + 1}`, ['aspect', 'values'], []);
  if (!f) return undefined;
  const aspect = f.has('aspect') ? r.bilingual(f.get('aspect'), at, 'aspect') : undefined;
  if (!f.has('values')) return undefined;
  const valuesNode = f.get('values');
  const valuesAt = r.at(valuesNode, at);
  if (!isMap(valuesNode)) {
    return r.problem(valuesAt, `"values" of aspect ${index + 1} must be a mapping from concept slug to { ko, en }`, 'write one `slug: { ko: …, en: … }` line per compared concept');
  }
  const values: Record<string, Bilingual> = {};
  let ok = aspect !== undefined;
  for (const pair of valuesNode.items) {
    const slug = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
    if (slug === undefined) {
      r.problem(r.at(pair.key, valuesAt), `a key of "values" in aspect ${index + 1} is not a slug`, 'use the slug of a compared concept');
      ok = false;
      continue;
    }
    const value = r.bilingual(pair.value, r.at(pair.key, valuesAt), `values.${slug}`);
    if (value) values[slug] = value;
    else ok = false;
  }
  return ok ? { aspect: aspect!, values } : undefined;
}

export function readComparison(r: ShapeReader, node: unknown, at: SeedLocation): ReadItem<SeedComparison> {
  const [item, ok] = clean(r, () => {
    const f = r.fields(node, at, 'a comparison', COMPARISON_FIELDS, []);
    if (!f) return { written: new Set<string>() };
    const get = <T>(name: string, read: (value: unknown) => T) => (f.has(name) ? read(f.get(name)) : undefined);
    return {
      slug: get('slug', (v) => r.text(v, at, 'slug')),
      title: get('title', (v) => r.bilingual(v, at, 'title')),
      concepts: get('concepts', (v) => r.textList(v, at, 'concepts')),
      source: get('source', (v) => r.text(v, at, 'source')),
      aspects: get('aspects', (v) => r.list(v, at, 'aspects', (child, childAt, index) => readAspect(r, child, childAt, index))),
      written: new Set(f.keys()),
    };
  });
  // An aspect that could not be read would make the value checks report what its own shape problem already says.
  const complete = item.aspects?.every((a) => a !== undefined) ?? false;
  const draft = draftOf<SeedComparison>({ ...item, aspects: complete ? (item.aspects) : undefined }, at);
  if (!ok || !complete) return { draft };
  return {
    draft,
    item: {
      slug: item.slug!,
      title: item.title!,
      concepts: item.concepts!,
      aspects: item.aspects as SeedComparisonAspect[],
      source: item.source!,
      at,
    },
  };
}
