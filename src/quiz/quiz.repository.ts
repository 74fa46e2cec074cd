import type { Asks } from '../facts/fact.graph';
import {
  type ConceptRecord,
  conceptProjection,
  type RelationRecord,
  relationProjection,
  toConceptRecord,
  toRelationRecord,
} from '../graph/graph.model';
import { type RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/**
 * Reads what an answer is graded against (the fact graph questions are made from is read by FactRepository). The
 * statement has a fixed text (the relation type travels as a parameter), so grading costs one round trip.
 */

/** One option of a question being graded: the concept (null if it vanished) and the relation that makes it right. */
export interface GradedOption {
  slug: string;
  concept: ConceptRecord | null;
  relation: RelationRecord | null;
}

export interface Grading {
  given: ConceptRecord | null;
  options: GradedOption[];
}

export class QuizRepository {
  constructor(private readonly db: CypherRunner) {}

  /** The concepts of a question and, per option, the stored relation that makes it a right answer (if any). */
  async grade(type: RelationType, asks: Asks, given: string, options: readonly string[]): Promise<Grading> {
    const mode = SYMMETRIC_RELATIONS.has(type) ? 'EITHER' : asks;
    const [row] = await this.db.read(
      `OPTIONAL MATCH (g:Concept {slug: $given})
       CALL (g) {
         UNWIND $options AS slug
         OPTIONAL MATCH (o:Concept {slug: slug})
         CALL (g, o) {
           OPTIONAL MATCH (g)-[r]-(o)
           WHERE type(r) = $type
             AND ($mode = 'EITHER' OR ($mode = 'OBJECT' AND startNode(r) = g) OR ($mode = 'SUBJECT' AND endNode(r) = g))
           RETURN r LIMIT 1
         }
         RETURN collect({slug: slug, concept: CASE WHEN o IS NULL THEN null ELSE ${conceptProjection('o')} END,
                         relation: CASE WHEN r IS NULL THEN null ELSE ${relationProjection('r')} END}) AS options
       }
       RETURN CASE WHEN g IS NULL THEN null ELSE ${conceptProjection('g')} END AS given, options`,
      { given, options: [...options], type, mode },
    );
    const graded = row.options as {
      slug: string;
      concept: Record<string, unknown> | null;
      relation: Record<string, unknown> | null;
    }[];
    const bySlug = new Map(graded.map((option) => [option.slug, option]));
    return {
      given: row.given ? toConceptRecord(row.given as Record<string, unknown>) : null,
      options: options.map((slug) => {
        const option = bySlug.get(slug);
        return {
          slug,
          concept: option?.concept ? toConceptRecord(option.concept) : null,
          relation: option?.relation ? toRelationRecord(option.relation) : null,
        };
      }),
    };
  }
}
