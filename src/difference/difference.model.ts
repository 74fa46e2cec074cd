import { groupByTypeAndDirection, type RelationGroup } from '../compare/compare.groups';
import type { CompareData, ComparedRelation, StoredComparison } from '../compare/compare.repository';
import { ABOUT_THE_NOTE, type FactGraph } from '../facts/fact.graph';
import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { type Bilingual, RELATION_TYPES, type RelationType, type Way } from '../graph/vocabulary';
import { withParticle } from '../i18n/sentences';
import type { CommonRecord } from './difference.common';
import type { ComparisonEntry } from './difference.repository';

/**
 * What "explain the difference" says about two concepts, before it becomes text: how they relate to each other,
 * what they share, where they differ (the rows of a stored comparison of them, of comparisons of their kinds, and
 * their relations that the other lacks) and the nearest concept both lead to. Pure: built from what the
 * repositories read.
 */

const TYPE_ORDER = RELATION_TYPES;

/** One side of a difference: the concept and what it has (a stored value, or related concepts). */
export interface SideModel {
  concept: ConceptRecord;
  /** The stored comparison's value for this concept; null for a relation row or when the comparison has none. */
  value: Bilingual | null;
  /** For a relation row, the concepts at the other end of this side's relations of that type and direction. */
  others: ConceptRecord[];
}

export interface PointModel {
  /** The stored comparison the row comes from; null for a row made from relations. */
  comparison: { slug: string; title: Bilingual } | null;
  /** The row's heading from a stored comparison; null for a relation row (its heading comes from the type). */
  label: Bilingual | null;
  /** For a relation row, the type and which way it points from the compared concept. */
  type: RelationType | null;
  direction: Way | null;
  a: SideModel;
  b: SideModel;
  sources: string[];
}

export interface SharedGroupModel {
  type: RelationType;
  direction: Way;
  /** The concepts both have this relation with. */
  concepts: ConceptRecord[];
}

export interface DirectModel {
  relation: RelationRecord;
  subject: ConceptRecord;
  object: ConceptRecord;
}

export interface DifferenceModel {
  a: ConceptRecord;
  b: ConceptRecord;
  title: Bilingual;
  direct: DirectModel[];
  shared: SharedGroupModel[];
  points: PointModel[];
  common: CommonRecord | null;
}

/** A stored comparison of a kind (or example) of `a` and one of `b`, with the concepts on each side. */
export interface RelatedComparison {
  stored: StoredComparison;
  a: ConceptRecord;
  b: ConceptRecord;
}

/**
 * Stored comparisons of exactly two concepts, one a kind or example of `a` (or `a`) and the other of `b` (or `b`),
 * neither being on both sides, other than the comparison of `a` and `b` themselves: "Docker container vs virtual
 * machine" for container and virtual machine. Each as `[a side, b side]`, by comparison slug.
 */
export function specialisedPairs(index: ComparisonEntry[], graph: FactGraph, a: string, b: string): [string, string][] {
  const [kindsA, kindsB] = [graph.kindsOf(a), graph.kindsOf(b)];
  const pairs: [string, string][] = [];
  for (const { concepts } of index) {
    if (concepts.length !== 2) continue;
    for (const [x, y] of [concepts, [...concepts].reverse()]) {
      const bothSides = kindsB.has(x) || kindsA.has(y);
      if (kindsA.has(x) && kindsB.has(y) && !bothSides && !(x === a && y === b)) pairs.push([x, y]);
    }
  }
  return pairs;
}

function storedPoints(stored: StoredComparison, a: ConceptRecord, b: ConceptRecord): PointModel[] {
  return stored.aspects.map((aspect) => ({
    comparison: { slug: stored.slug, title: stored.title },
    label: aspect.aspect,
    type: null,
    direction: null,
    a: { concept: a, value: aspect.values[a.slug] ?? null, others: [] },
    b: { concept: b, value: aspect.values[b.slug] ?? null, others: [] },
    sources: stored.source ? [stored.source] : [],
  }));
}

/** The compared concepts' relations grouped by type and direction, leaving out those between a and b themselves. */
function group(relations: ComparedRelation[], a: ConceptRecord, b: ConceptRecord): RelationGroup[] {
  return groupByTypeAndDirection(
    relations.filter(
      (relation) =>
        !ABOUT_THE_NOTE.has(relation.relation.type) && relation.other.slug !== a.slug && relation.other.slug !== b.slug,
    ),
  );
}

/** Shared groups and relation rows: per type and direction, what both have, and what only one of them has. */
function fromRelations(
  data: CompareData,
  a: ConceptRecord,
  b: ConceptRecord,
): { shared: SharedGroupModel[]; points: PointModel[] } {
  const shared: SharedGroupModel[] = [];
  const points: PointModel[] = [];
  for (const { type, direction, bySlug } of group(data.relations, a, b)) {
    const ofA = bySlug.get(a.slug) ?? [];
    const ofB = bySlug.get(b.slug) ?? [];
    const inB = new Set(ofB.map((r) => r.other.slug));
    const both = ofA.filter((r) => inB.has(r.other.slug));
    const bothSlugs = new Set(both.map((r) => r.other.slug));
    const onlyA = ofA.filter((r) => !bothSlugs.has(r.other.slug));
    const onlyB = ofB.filter((r) => !bothSlugs.has(r.other.slug));
    if (both.length > 0) shared.push({ type, direction, concepts: both.map((r) => r.other) });
    if (onlyA.length === 0 && onlyB.length === 0) continue;
    points.push({
      comparison: null,
      label: null,
      type,
      direction,
      a: { concept: a, value: null, others: onlyA.map((r) => r.other) },
      b: { concept: b, value: null, others: onlyB.map((r) => r.other) },
      sources: [...new Set([...onlyA, ...onlyB].map((r) => r.relation.source).filter(Boolean))],
    });
  }
  // Rows where both concepts have something come first: they are the sharpest contrasts. The sort is stable.
  const bothSides = (point: PointModel) => (point.a.others.length > 0 && point.b.others.length > 0 ? 0 : 1);
  return { shared, points: points.sort((x, y) => bothSides(x) - bothSides(y)) };
}

function directRelations(data: CompareData, a: ConceptRecord, b: ConceptRecord): DirectModel[] {
  const seen = new Set<string>();
  const direct: DirectModel[] = [];
  for (const { relation } of data.relations) {
    const between =
      (relation.from === a.slug && relation.to === b.slug) || (relation.from === b.slug && relation.to === a.slug);
    const key = `${relation.from}:${relation.type}:${relation.to}`;
    if (!between || seen.has(key) || ABOUT_THE_NOTE.has(relation.type)) continue;
    seen.add(key);
    direct.push({ relation, subject: relation.from === a.slug ? a : b, object: relation.to === a.slug ? a : b });
  }
  return direct.sort((x, y) => TYPE_ORDER.indexOf(x.relation.type) - TYPE_ORDER.indexOf(y.relation.type));
}

/** Everything `difference` says about `a` and `b` (both found in `data`). */
export function buildDifference(
  a: ConceptRecord,
  b: ConceptRecord,
  data: CompareData,
  related: RelatedComparison[],
  common: CommonRecord | null,
): DifferenceModel {
  const { shared, points } = fromRelations(data, a, b);
  const title = data.stored?.title ?? {
    ko: `${withParticle(a.nameKo, '와/과')} ${b.nameKo}`,
    en: `${a.nameEn} vs ${b.nameEn}`,
  };
  return {
    a,
    b,
    title,
    direct: directRelations(data, a, b),
    shared,
    points: [
      ...(data.stored ? storedPoints(data.stored, a, b) : []),
      ...related.flatMap((r) => storedPoints(r.stored, r.a, r.b)),
      ...points,
    ],
    common,
  };
}
