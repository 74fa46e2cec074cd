import { type ConceptRecord, conceptProjection, toConceptRecord } from '../graph/graph.model';
import { RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** A concept, everything it transitively requires, and the LEARN_AFTER edges among them. */
export interface PrerequisiteClosure {
  target: ConceptRecord;
  /** The target and all its direct and indirect prerequisites, each once. */
  concepts: ConceptRecord[];
  /** `[concept, prerequisite]` slug pairs: `concept LEARN_AFTER prerequisite`. */
  requires: [string, string][];
}

/** Reads the prerequisite closure of a concept in one round trip. */
export class LearningRepository {
  constructor(private readonly db: CypherRunner) {}

  /** The LEARN_AFTER closure of `slug`, or null when no concept has that slug. */
  async closure(slug: string): Promise<PrerequisiteClosure | null> {
    const [row] = await this.db.read(
      `MATCH (t:Concept {slug: $slug})
       CALL (t) {
         // ANY SHORTEST is one breadth-first search: every prerequisite once, however many routes lead to it,
         // without enumerating those routes (and a cycle in the data cannot make it loop).
         MATCH ANY SHORTEST (t) (()-[:${RelationType.LEARN_AFTER}]->()){0,} (n:Concept)
         RETURN collect(n) AS closure
       }
       CALL (closure) {
         UNWIND closure AS a
         MATCH (a)-[:${RelationType.LEARN_AFTER}]->(b:Concept)
         RETURN collect([a.slug, b.slug]) AS requires
       }
       RETURN ${conceptProjection('t')} AS target, [n IN closure | ${conceptProjection('n')}] AS concepts, requires`,
      { slug },
    );
    if (!row) return null;
    return {
      target: toConceptRecord(row.target as Record<string, unknown>),
      concepts: (row.concepts as Record<string, unknown>[]).map(toConceptRecord),
      requires: row.requires as [string, string][],
    };
  }
}
