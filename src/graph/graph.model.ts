import type { ConceptKind, RelationType } from './vocabulary';

/**
 * How the knowledge lives in Neo4j. The seeder writes exactly these properties and the repositories read them.
 *
 * (:Concept {slug, kind, nameKo, nameEn, aliasesKo, aliasesEn, summaryKo, summaryEn, detailsKo, detailsEn,
 *            tags, source, syntax, order, phraseEn, pluralEn, correction, origin, searchTerms, searchKeys,
 *            sortNameEn, sortNameKo, degree})
 *   (sortNameEn, sortNameKo and degree are the stored sort keys of concept pages, see src/graph/sort-keys.ts)
 *   (concept_search indexes the alias lists directly: no searchText; searchTerms and searchKeys are written by the
 *    seeder for search only, see SearchFields in src/seed/seed.rows.ts)
 * (:Concept)-[:<RelationType> {descriptionKo, descriptionEn, order, source, correction, origin}]->(:Concept)
 * `correction` is JSON text of a Correction (what the note claims, what is true, a reference) or absent.
 * (:Comparison {slug, titleKo, titleEn, source, aspects (JSON text), origin})-[:COMPARES {position}]->(:Concept)
 * (:SeedState {key: 'seed', hash, version, seededAt, concepts, relations})
 */

/** Marks what the seeder owns; anything without it was written by someone else and is left alone. */
export const SEED_ORIGIN = 'seed';
/** Marks generated benchmark data, removable on its own. */
export const SYNTHETIC_ORIGIN = 'synthetic';

export interface ConceptRecord {
  slug: string;
  kind: ConceptKind;
  nameKo: string;
  nameEn: string;
  aliasesKo: string[];
  aliasesEn: string[];
  summaryKo: string;
  summaryEn: string;
  detailsKo: string | null;
  detailsEn: string | null;
  tags: string[];
  source: string;
  syntax: string | null;
  order: number | null;
  /** How the English name reads inside a sentence ("the Linux kernel"); absent when the name reads as it stands. */
  phraseEn?: string | null;
  /** True when that English form is plural, so verbs agree with it. */
  pluralEn?: boolean | null;
  /** Where the study note is wrong about this concept, as JSON text of a Correction; absent when it is not. */
  correction?: string | null;
}

/** What the study note claims, what is true instead, and where to read it, in both languages. */
export interface Correction {
  noteSays: { ko: string; en: string };
  truth: { ko: string; en: string };
  reference: string;
}

/** A stored correction's JSON text read back; null for none. */
export function parseCorrection(text: string | null | undefined): Correction | null {
  return text ? (JSON.parse(text) as Correction) : null;
}

export interface RelationRecord {
  type: RelationType;
  from: string;
  to: string;
  descriptionKo: string | null;
  descriptionEn: string | null;
  order: number | null;
  source: string;
  /** Where the study note is wrong about this relation, as JSON text of a Correction; absent when it is not. */
  correction?: string | null;
}

/** Cypher map projection that reads a concept node `c` as a ConceptRecord. */
export const CONCEPT_PROJECTION =
  'c { .slug, .kind, .nameKo, .nameEn, .aliasesKo, .aliasesEn, .summaryKo, .summaryEn, .detailsKo, .detailsEn, .tags, .source, .syntax, .order, .phraseEn, .pluralEn, .correction }';

/**
 * The part of a concept that lists of related concepts carry: enough to name it and link to it. Its other fields
 * are read when a client asks for them (one batched read per request), so a page of concepts with the names of
 * their related concepts does not move every related concept's summaries and details.
 */
export type ConceptRef = Pick<ConceptRecord, 'slug' | 'kind' | 'nameKo' | 'nameEn'>;

/** Cypher map projection that reads concept node `variable` as a ConceptRef. Only code passes the name. */
export function conceptRefProjection(variable: string): string {
  return conceptReadProjection(variable, REF_READ);
}

/**
 * A concept's names as every reader of a row gives them: a missing name falls back to the other language's, then to
 * the slug. Plain functions of the row, so a read allocates nothing for them.
 */
function nameKoOf(c: Partial<ConceptRecord>): string {
  return c.nameKo ?? c.nameEn ?? c.slug!;
}

function nameEnOf(c: Partial<ConceptRecord>): string {
  return c.nameEn ?? c.nameKo ?? c.slug!;
}

/** Reads a row made by conceptRefProjection (or a whole record) as a ConceptRef. */
export function toConceptRef(row: Record<string, unknown>): ConceptRef {
  const c = row as Partial<ConceptRecord>;
  return { slug: c.slug!, kind: c.kind!, nameKo: nameKoOf(c), nameEn: nameEnOf(c) };
}

/** Fills in the optional fields a node may lack, so callers always get the full record shape. */
export function toConceptRecord(row: Record<string, unknown>): ConceptRecord {
  const c = row as Partial<ConceptRecord>;
  return {
    slug: c.slug!,
    kind: c.kind!,
    nameKo: nameKoOf(c),
    nameEn: nameEnOf(c),
    aliasesKo: c.aliasesKo ?? [],
    aliasesEn: c.aliasesEn ?? [],
    summaryKo: c.summaryKo ?? c.summaryEn ?? '',
    summaryEn: c.summaryEn ?? c.summaryKo ?? '',
    detailsKo: c.detailsKo ?? null,
    detailsEn: c.detailsEn ?? null,
    tags: c.tags ?? [],
    source: c.source ?? '',
    syntax: c.syntax ?? null,
    order: c.order ?? null,
    phraseEn: c.phraseEn ?? null,
    pluralEn: c.pluralEn ?? null,
    correction: c.correction ?? null,
  };
}

/** The ConceptRef fields a read may leave out: every concept read carries its slug (ids, cache keys, cursors). */
export type PartField = 'kind' | 'nameKo' | 'nameEn';

/** Every PartField, in the order reads list them. */
export const PART_FIELDS: readonly PartField[] = ['kind', 'nameKo', 'nameEn'];

/**
 * A concept read with its slug and only the ConceptRef fields a selection asks for (e.g. `name` in English alone): a
 * field left out is absent, never null, so the Concept type completes it from the whole record instead of reading
 * it as missing. ConceptRef and ConceptRecord are ConceptParts with every field.
 */
export type ConceptPart = Pick<ConceptRecord, 'slug'> & Partial<Pick<ConceptRecord, PartField>>;

/** What to read of a concept: the whole record, or its slug and these PartFields (in PART_FIELDS order). */
export type ConceptRead = 'whole' | readonly PartField[];

/** The read of a ConceptRef: slug, kind and both names. */
export const REF_READ: ConceptRead = PART_FIELDS;

/** Cypher map projection of concept node `variable` as `read` says. Only code passes the name. */
export function conceptReadProjection(variable: string, read: ConceptRead): string {
  if (read === 'whole') return conceptProjection(variable);
  return `${variable} { ${['slug', ...read].map((field) => `.${field}`).join(', ')} }`;
}

/**
 * Reads a concept made by conceptReadProjection (or a list of the same fields, named) with the same `read`. With
 * both names read, a missing one falls back as in a ConceptRef; a lone name that is missing or empty is left out, so
 * the name is completed from the whole record and falls back there exactly as it would have.
 */
export function toConceptRead(row: Record<string, unknown>, read: ConceptRead): ConceptRecord | ConceptPart {
  if (read === 'whole') return toConceptRecord(row);
  const c = row as Partial<ConceptRecord>;
  const part: ConceptPart = { slug: c.slug! };
  if (read.includes('kind') && c.kind != null) part.kind = c.kind;
  if (read.includes('nameKo') && read.includes('nameEn')) {
    part.nameKo = nameKoOf(c);
    part.nameEn = nameEnOf(c);
  } else {
    if (read.includes('nameKo') && c.nameKo) part.nameKo = c.nameKo;
    if (read.includes('nameEn') && c.nameEn) part.nameEn = c.nameEn;
  }
  return part;
}

/** The projection of concept node `variable` as a whole record or as a ConceptRef. Only code passes the name. */
export function conceptProjectionAs(variable: string, whole: boolean): string {
  return whole ? conceptProjection(variable) : conceptRefProjection(variable);
}

/** Reads a row made by conceptProjectionAs with the same `whole`. */
export function toConceptAs(row: Record<string, unknown>, whole: boolean): ConceptRecord | ConceptRef {
  return whole ? toConceptRecord(row) : toConceptRef(row);
}

/** True for a whole record (toConceptRecord always fills in the summaries), false for a ConceptRef or ConceptPart. */
export function isConceptRecord(concept: ConceptPart): concept is ConceptRecord {
  return 'summaryEn' in concept;
}

/** CONCEPT_PROJECTION over another node variable, e.g. `conceptProjection('n')`. Only code passes the name. */
export function conceptProjection(variable: string): string {
  return CONCEPT_PROJECTION.replace(/^c /, `${variable} `);
}

/**
 * Cypher map expression that reads relationship `variable` as a RelationRecord in its stored direction
 * (startNode -> endNode), whichever way the pattern that found it was written.
 */
export function relationProjection(variable: string): string {
  const r = variable;
  return `{type: type(${r}), from: startNode(${r}).slug, to: endNode(${r}).slug, descriptionKo: ${r}.descriptionKo, descriptionEn: ${r}.descriptionEn, order: ${r}.order, source: ${r}.source, correction: ${r}.correction}`;
}

/** Fills in the optional fields a relationship may lack. */
export function toRelationRecord(row: Record<string, unknown>): RelationRecord {
  const r = row as Partial<RelationRecord>;
  return {
    type: r.type!,
    from: r.from!,
    to: r.to!,
    descriptionKo: r.descriptionKo ?? null,
    descriptionEn: r.descriptionEn ?? null,
    order: r.order ?? null,
    source: r.source ?? '',
    correction: r.correction ?? null,
  };
}
