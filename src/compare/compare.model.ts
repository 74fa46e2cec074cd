import type { ConceptRecord } from '../graph/graph.model';
import type { Bilingual, RelationType, Way } from '../graph/vocabulary';
import { withParticle } from '../i18n/sentences';
import { aspectLabel } from './aspect-labels';
import { groupByTypeAndDirection } from './compare.groups';
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

/**
 * The comparison of `slugs` (all found, no duplicates): the stored one when `data.stored` covers them, otherwise one
 * derived from their relations. Concepts keep the order they were asked in; `shared` always comes from the graph.
 */
export function buildComparison(slugs: readonly string[], data: CompareData): ComparisonModel {
  const bySlug = new Map(data.concepts.map((concept) => [concept.slug, concept]));
  const concepts = slugs.map((slug) => bySlug.get(slug)!);
  const groups = relatedGroups(data.relations);
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

/** One relation type and direction: per compared slug, the concepts at the other end (each once). */
interface RelatedGroup {
  type: RelationType;
  direction: Way;
  related: Map<string, ConceptRecord[]>;
}

function relatedGroups(relations: ComparedRelation[]): RelatedGroup[] {
  return groupByTypeAndDirection(relations).map(({ type, direction, bySlug }) => ({
    type,
    direction,
    related: new Map(
      [...bySlug].map(([slug, list]) => [
        slug,
        list
          .map((r) => r.other)
          .filter((other, index, all) => all.findIndex((known) => known.slug === other.slug) === index),
      ]),
    ),
  }));
}

function sharedRelations(concepts: ConceptRecord[], groups: RelatedGroup[]): SharedModel[] {
  const shared: SharedModel[] = [];
  for (const { type, direction, related } of groups) {
    const lists = concepts.map((concept) => related.get(concept.slug) ?? []);
    for (const candidate of lists[0]) {
      if (lists.every((list) => list.some((other) => other.slug === candidate.slug)))
        shared.push({ type, direction, concept: candidate });
    }
  }
  return shared;
}

/** One aspect per relation type and direction; the aspects with something in common first, then the others. */
function derivedAspects(concepts: ConceptRecord[], groups: RelatedGroup[], shared: SharedModel[]): AspectModel[] {
  const aspects = groups.map(({ type, direction, related: bySlug }) => ({
    label: aspectLabel(type, direction),
    type,
    direction,
    values: concepts.map((concept) => {
      const related = bySlug.get(concept.slug) ?? [];
      return { concept, related, text: related.length === 0 ? null : joinNames(related) };
    }),
  }));
  const hasShared = (aspect: AspectModel) =>
    shared.some((s) => s.type === aspect.type && s.direction === aspect.direction);
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
    ko: `${ko
      .slice(0, -1)
      .map((name) => `${name}, `)
      .join('')}${withParticle(ko[ko.length - 1], '와/과')} ${last}`,
    en: concepts.map((c) => c.nameEn).join(' vs '),
  };
}
