import type { ConceptRecord } from '../graph/graph.model';
import { type Bilingual, Direction, RELATION_TYPES, RelationType, type Way } from '../graph/vocabulary';
import { withParticle } from '../i18n/sentences';
import { aspectLabel } from './aspect-labels';
import type { CompareData, ComparedRelation, StoredComparison } from './compare.repository';

/** One compared concept's entry in an aspect. */
export interface ValueModel {
  concept: ConceptRecord;
  /** The text of the cell; null when the concept has nothing for this aspect. */
  text: Bilingual | null;
  /** For a derived aspect, the concepts the cell names; empty for a stored one. */
  related: ConceptRecord[];
}

export interface AspectModel {
  label: Bilingual;
  /** The relation type and direction a derived aspect stands for; null for a stored aspect. */
  type: RelationType | null;
  direction: Way | null;
  /** One entry per compared concept, in the order of the comparison's concepts. */
  values: ValueModel[];
}

/** The same relation, to the same concept, that every compared concept has. */
export interface SharedModel {
  type: RelationType;
  direction: Way;
  concept: ConceptRecord;
}

export interface ComparisonModel {
  slug: string | null;
  title: Bilingual;
  source: string | null;
  derived: boolean;
  concepts: ConceptRecord[];
  aspects: AspectModel[];
  shared: SharedModel[];
}

const TYPE_ORDER = RELATION_TYPES;

/**
 * The comparison of `slugs` (all found, no duplicates): the stored one when `data.stored` covers them, otherwise one
 * derived from their relations. Concepts keep the order they were asked in; `shared` always comes from the graph.
 */
export function buildComparison(slugs: readonly string[], data: CompareData): ComparisonModel {
  const bySlug = new Map(data.concepts.map((concept) => [concept.slug, concept]));
  const concepts = slugs.map((slug) => bySlug.get(slug)!);
  const groups = groupRelations(data.relations);
  const shared = sharedRelations(concepts, groups);
  if (data.stored) return fromStored(data.stored, concepts, shared);
  return {
    slug: null,
    title: derivedTitle(concepts),
    source: null,
    derived: true,
    concepts,
    aspects: derivedAspects(concepts, groups, shared),
    shared,
  };
}

function fromStored(stored: StoredComparison, concepts: ConceptRecord[], shared: SharedModel[]): ComparisonModel {
  return {
    slug: stored.slug,
    title: stored.title,
    source: stored.source,
    derived: false,
    concepts,
    aspects: stored.aspects.map((row) => ({
      label: row.aspect,
      type: null,
      direction: null,
      values: concepts.map((concept) => ({ concept, text: row.values[concept.slug] ?? null, related: [] })),
    })),
    shared,
  };
}

/** key `TYPE:DIRECTION` -> compared slug -> related concepts (by relation order, then slug). */
type Groups = Map<string, Map<string, ConceptRecord[]>>;

function keyOf(type: RelationType, direction: Way): string {
  return `${type}:${direction}`;
}

function groupRelations(relations: ComparedRelation[]): Groups {
  const sorted = [...relations].sort(
    (a, b) => (a.relation.order ?? Infinity) - (b.relation.order ?? Infinity) || a.other.slug.localeCompare(b.other.slug),
  );
  const groups: Groups = new Map();
  for (const { slug, relation, direction, other } of sorted) {
    const key = keyOf(relation.type, direction);
    const bySlug = groups.get(key) ?? new Map<string, ConceptRecord[]>();
    const list = bySlug.get(slug) ?? [];
    if (!list.some((known) => known.slug === other.slug)) list.push(other);
    bySlug.set(slug, list);
    groups.set(key, bySlug);
  }
  return groups;
}

/** Relations in a stable order: by type as the vocabulary lists them, outgoing before incoming. */
function orderedKeys(groups: Groups): { key: string; type: RelationType; direction: Way }[] {
  return TYPE_ORDER.flatMap((type) => ([Direction.OUTGOING, Direction.INCOMING] as const).map((direction) => ({ key: keyOf(type, direction), type, direction }))).filter(({ key }) =>
    groups.has(key),
  );
}

function sharedRelations(concepts: ConceptRecord[], groups: Groups): SharedModel[] {
  const shared: SharedModel[] = [];
  for (const { key, type, direction } of orderedKeys(groups)) {
    const lists = concepts.map((concept) => groups.get(key)!.get(concept.slug) ?? []);
    for (const candidate of lists[0]) {
      if (lists.every((list) => list.some((other) => other.slug === candidate.slug))) shared.push({ type, direction, concept: candidate });
    }
  }
  return shared;
}

/** One aspect per relation type and direction; the aspects with something in common first, then the others. */
function derivedAspects(concepts: ConceptRecord[], groups: Groups, shared: SharedModel[]): AspectModel[] {
  const aspects = orderedKeys(groups).map(({ key, type, direction }) => ({
    label: aspectLabel(type, direction),
    type,
    direction,
    values: concepts.map((concept) => {
      const related = groups.get(key)!.get(concept.slug) ?? [];
      return { concept, related, text: related.length === 0 ? null : joinNames(related) };
    }),
  }));
  const hasShared = (aspect: AspectModel) => shared.some((s) => s.type === aspect.type && s.direction === aspect.direction);
  const everyoneHas = (aspect: AspectModel) => aspect.values.every((value) => value.related.length > 0);
  const rank = (aspect: AspectModel) => (hasShared(aspect) ? 0 : everyoneHas(aspect) ? 1 : 2);
  // Array.prototype.sort is stable, so the vocabulary order holds within each rank.
  return aspects.sort((a, b) => rank(a) - rank(b));
}

function joinNames(concepts: ConceptRecord[]): Bilingual {
  return { ko: concepts.map((c) => c.nameKo).join(', '), en: concepts.map((c) => c.nameEn).join(', ') };
}

/** "A vs B vs C" and "A와 B" / "A, B와 C", like the titles of the stored comparisons. */
function derivedTitle(concepts: ConceptRecord[]): Bilingual {
  const ko = concepts.map((c) => c.nameKo);
  const last = ko.pop()!;
  return {
    ko: `${ko.slice(0, -1).map((name) => `${name}, `).join('')}${withParticle(ko[ko.length - 1], '와/과')} ${last}`,
    en: concepts.map((c) => c.nameEn).join(' vs '),
  };
}
