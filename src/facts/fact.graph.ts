import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';

/**
 * The relations of the graph about its concepts, held in memory for one request: quizzes and tours make questions
 * from them, and `difference` walks them to a common concept. It also holds the rule that decides which concepts
 * are wrong answers to a question about a fact. Keeping the rule here (rather than in Cypher) makes it a pure function of the
 * graph that was read: one query with a fixed text reads the graph, and nothing depends on how long the database
 * takes to plan many different path queries.
 *
 * A concept `d` of the answer's kind is a wrong option for "given TYPE ?" (or "? TYPE given") unless:
 * 1. the statement with `d` in the blank follows from the graph: a chain of TYPE relations (for NEXT_STAGE only one
 *    step, as its questions say "directly"), starting from the given concept or anything it is a kind or example
 *    of, so inherited facts count ("Docker is an example of an application container, a kind of container, which
 *    is lightweight"); for IS_A and EXAMPLE_OF, a chain of IS_A/EXAMPLE_OF relations;
 * 2. for the other types, `d` is above or below (IS_A, EXAMPLE_OF, PART_OF) the given concept or a right answer,
 *    so a part or a kind of a right answer is never offered as wrong;
 * 3. `d` is related to the given concept in any way other than a contrast, an alternative, a stage order, a learning
 *    prerequisite or a topic's coverage;
 * 4. `d` is the given concept.
 */

/** A stored relation, by slugs, as the graph holds it. */
export type FactEdge = RelationRecord;

/** Relation types that describe the study note and the order of learning rather than the concepts themselves. */
export const ABOUT_THE_NOTE: ReadonlySet<RelationType> = new Set([RelationType.LEARN_AFTER, RelationType.COVERS]);

/** A stored relation `subject TYPE object` with its concepts, as questions and explanations use it. */
export interface Fact {
  type: RelationType;
  subject: ConceptRecord;
  object: ConceptRecord;
  /** The section of the note that states the fact. */
  source: string;
  /** 0 when the fact touches the topic (or a concept its section covers), 1 when it is one relation further out. */
  tier: number;
}

/** Which end of a fact is the blank: the object (the subject is given) or the subject (the object is given). */
export type Asks = 'OBJECT' | 'SUBJECT';

/** A fact with one end blank: the relation, the end shown (`given`) and the intended answer (the other end). */
export interface FactQuestion {
  type: RelationType;
  asks: Asks;
  given: ConceptRecord;
  answer: ConceptRecord;
}

const HIERARCHY = new Set([RelationType.IS_A, RelationType.EXAMPLE_OF]);
const HIERARCHY_AND_PARTS = new Set([RelationType.IS_A, RelationType.EXAMPLE_OF, RelationType.PART_OF]);
/** Relations between the given concept and a candidate that do not make the candidate a right answer. */
const LOOSE = new Set([
  RelationType.CONTRASTS_WITH,
  RelationType.ALTERNATIVE_TO,
  RelationType.NEXT_STAGE,
  RelationType.LEARN_AFTER,
  RelationType.COVERS,
]);

const TYPE_ORDER = RELATION_TYPES;

type Step = (slug: string) => Iterable<string>;

/** Everything reachable from `starts` by `step`; the starts themselves only when `includeStarts`. */
function reach(starts: Iterable<string>, step: Step, includeStarts: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  const result = new Set<string>(includeStarts ? queue : []);
  while (queue.length > 0) {
    const slug = queue.shift()!;
    for (const next of step(slug)) {
      if (seen.has(next)) continue;
      seen.add(next);
      result.add(next);
      queue.push(next);
    }
  }
  return result;
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** The quizzed relations and the concepts of one read, indexed for the rule above. */
export class FactGraph {
  private readonly concepts = new Map<string, ConceptRecord>();
  private readonly outgoing = new Map<string, FactEdge[]>();
  private readonly incoming = new Map<string, FactEdge[]>();
  private readonly byKind = new Map<string, ConceptRecord[]>();

  constructor(
    concepts: readonly ConceptRecord[],
    readonly edges: readonly FactEdge[],
  ) {
    for (const concept of [...concepts].sort((a, b) => a.slug.localeCompare(b.slug))) {
      this.concepts.set(concept.slug, concept);
      listIn(this.byKind, concept.kind).push(concept);
    }
    // Sorted, so every walk over the graph visits relations in the same order whatever order they were read in.
    const sorted = [...edges].sort(
      (x, y) =>
        TYPE_ORDER.indexOf(x.type) - TYPE_ORDER.indexOf(y.type) ||
        x.from.localeCompare(y.from) ||
        x.to.localeCompare(y.to),
    );
    for (const edge of sorted) {
      if (!this.concepts.has(edge.from) || !this.concepts.has(edge.to) || edge.from === edge.to) continue;
      listIn(this.outgoing, edge.from).push(edge);
      listIn(this.incoming, edge.to).push(edge);
    }
  }

  concept(slug: string): ConceptRecord | undefined {
    return this.concepts.get(slug);
  }

  /** Slugs one step away over relations of `types`: forward, backward or both ways. */
  private step(types: ReadonlySet<RelationType>, way: 'forward' | 'backward' | 'both'): Step {
    return (slug) => {
      const next: string[] = [];
      if (way !== 'backward') for (const e of this.outgoing.get(slug) ?? []) if (types.has(e.type)) next.push(e.to);
      if (way !== 'forward') for (const e of this.incoming.get(slug) ?? []) if (types.has(e.type)) next.push(e.from);
      return next;
    };
  }

  /**
   * One shortest walk forward over relations of `types` from `start` to every concept within `maxSteps`, as the
   * relations walked (empty for `start` itself). Breadth-first over sorted relations, so the walks are stable.
   */
  walksFrom(start: string, types: ReadonlySet<RelationType>, maxSteps: number): Map<string, FactEdge[]> {
    const walks = new Map<string, FactEdge[]>([[start, []]]);
    let frontier = [start];
    for (let steps = 0; steps < maxSteps && frontier.length > 0; steps += 1) {
      const next: string[] = [];
      for (const slug of frontier) {
        for (const edge of this.outgoing.get(slug) ?? []) {
          if (!types.has(edge.type) || walks.has(edge.to)) continue;
          walks.set(edge.to, [...walks.get(slug)!, edge]);
          next.push(edge.to);
        }
      }
      frontier = next;
    }
    return walks;
  }

  /** Every concept that is a kind or an example of `slug`, directly or through others, and `slug` itself. */
  kindsOf(slug: string): Set<string> {
    return reach([slug], this.step(HIERARCHY, 'backward'), true);
  }

  /** The facts questions are made from (`quizzed` types only): all, or tiered around a topic (see Fact.tier). */
  factsAround(topic: string | null, quizzed: ReadonlySet<RelationType>): Fact[] {
    const edges = this.edges.filter(
      (e) => quizzed.has(e.type) && this.concepts.has(e.from) && this.concepts.has(e.to) && e.from !== e.to,
    );
    const fact = (e: FactEdge, tier: number): Fact => ({
      type: e.type,
      subject: this.concepts.get(e.from)!,
      object: this.concepts.get(e.to)!,
      source: e.source,
      tier,
    });
    if (topic === null) return edges.map((e) => fact(e, 0));
    const core = reach([topic], this.step(new Set([RelationType.COVERS]), 'forward'), true);
    const near = new Set(core);
    for (const e of edges) if (core.has(e.from) || core.has(e.to)) [e.from, e.to].forEach((slug) => near.add(slug));
    return edges.flatMap((e) =>
      core.has(e.from) || core.has(e.to) ? [fact(e, 0)] : near.has(e.from) || near.has(e.to) ? [fact(e, 1)] : [],
    );
  }

  /** The concepts the graph makes a right answer to `stem` (rule 1), the intended answer among them. */
  rightAnswers(stem: Pick<FactQuestion, 'type' | 'asks' | 'given'>): Set<string> {
    const rights = this.follows(stem.type, stem.asks, stem.given.slug);
    rights.delete(stem.given.slug);
    return rights;
  }

  private follows(type: RelationType, asks: Asks, s: string): Set<string> {
    const only = new Set([type]);
    if (type === RelationType.NEXT_STAGE)
      return new Set(this.step(only, asks === 'OBJECT' ? 'forward' : 'backward')(s));
    if (HIERARCHY.has(type)) return reach([s], this.step(HIERARCHY, asks === 'OBJECT' ? 'forward' : 'backward'), false);
    const up = this.step(HIERARCHY, 'forward');
    const down = this.step(HIERARCHY, 'backward');
    if (SYMMETRIC_RELATIONS.has(type))
      return reach(reach(reach([s], up, true), this.step(only, 'both'), false), down, true);
    if (asks === 'OBJECT') return reach(reach([s], up, true), this.step(only, 'forward'), false);
    return reach(reach([s], this.step(only, 'backward'), false), down, true);
  }

  /** Every concept of the answer's kind that the rule above makes a wrong option for `stem`, by slug. */
  wrongOptions(stem: FactQuestion): ConceptRecord[] {
    const s = stem.given.slug;
    const rights = this.rightAnswers(stem);
    const excluded = new Set([s, stem.answer.slug, ...rights]);
    if (!HIERARCHY.has(stem.type) && stem.type !== RelationType.NEXT_STAGE) {
      const anchors = [s, ...rights];
      for (const way of ['forward', 'backward'] as const)
        for (const slug of reach(anchors, this.step(HIERARCHY_AND_PARTS, way), false)) excluded.add(slug);
    }
    for (const e of this.outgoing.get(s) ?? []) if (!LOOSE.has(e.type)) excluded.add(e.to);
    for (const e of this.incoming.get(s) ?? []) if (!LOOSE.has(e.type)) excluded.add(e.from);
    return (this.byKind.get(stem.answer.kind) ?? []).filter((concept) => !excluded.has(concept.slug));
  }
}
