import { ABOUT_THE_NOTE, type FactGraph } from '../facts/fact.graph';
import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';

/**
 * The nearest concept two concepts both lead to, found by walking the in-memory fact graph forward: first over the
 * kind-of hierarchy (IS_A, EXAMPLE_OF, PART_OF), where either concept may itself be the common one ("container" for
 * container and OS container); when that joins nothing, over the WIDER relations, where it must be a third concept.
 * Nearest means fewest steps in all, then the most even split, then by slug.
 */

/** A walk from a compared concept to the common concept: its concepts in order and the relation of each step. */
export interface WalkRecord {
  nodes: ConceptRecord[];
  relations: RelationRecord[];
}

export interface CommonRecord {
  concept: ConceptRecord;
  /** True when found over the kind-of hierarchy, false over the wider relations. */
  byHierarchy: boolean;
  fromA: WalkRecord;
  fromB: WalkRecord;
}

/** The longest walk looked at from either side. */
const MAX_WALK = 8;
const HIERARCHY = new Set([RelationType.IS_A, RelationType.EXAMPLE_OF, RelationType.PART_OF]);
/**
 * Relations that lead from a concept to something it is, uses, runs on or has: neither a topic's coverage nor a
 * learning prerequisite (they are about the note, not the subject), nor the symmetric ones, which lead sideways.
 */
const WIDER = new Set(RELATION_TYPES.filter((type) => !ABOUT_THE_NOTE.has(type) && !SYMMETRIC_RELATIONS.has(type)));

function walk(graph: FactGraph, start: string, relations: RelationRecord[]): WalkRecord {
  return { nodes: [start, ...relations.map((r) => r.to)].map((slug) => graph.concept(slug)!), relations };
}

function search(
  graph: FactGraph,
  a: string,
  b: string,
  types: ReadonlySet<RelationType>,
  allowEnds: boolean,
): CommonRecord | null {
  const fromA = graph.walksFrom(a, types, MAX_WALK);
  const fromB = graph.walksFrom(b, types, MAX_WALK);
  let best: { slug: string; wa: RelationRecord[]; wb: RelationRecord[] } | null = null;
  const closer = (slug: string, wa: RelationRecord[], wb: RelationRecord[]): boolean => {
    if (!best) return true;
    const steps = wa.length + wb.length - (best.wa.length + best.wb.length);
    const uneven = Math.abs(wa.length - wb.length) - Math.abs(best.wa.length - best.wb.length);
    return steps < 0 || (steps === 0 && (uneven < 0 || (uneven === 0 && slug < best.slug)));
  };
  for (const [slug, wa] of fromA) {
    const wb = fromB.get(slug);
    if (!wb || (!allowEnds && (slug === a || slug === b))) continue;
    if (closer(slug, wa, wb)) best = { slug, wa, wb };
  }
  if (!best) return null;
  return {
    concept: graph.concept(best.slug)!,
    byHierarchy: types === HIERARCHY,
    fromA: walk(graph, a, best.wa),
    fromB: walk(graph, b, best.wb),
  };
}

/** The nearest common concept of `a` and `b` (both in the graph), or null when nothing joins them. */
export function nearestCommon(graph: FactGraph, a: string, b: string): CommonRecord | null {
  return search(graph, a, b, HIERARCHY, true) ?? search(graph, a, b, WIDER, false);
}
