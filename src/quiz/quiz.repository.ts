import neo4j from 'neo4j-driver';

import { type ConceptRecord, conceptProjection, type RelationRecord, relationProjection, toConceptRecord, toRelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';
import { type FactEdge, FactGraph } from './quiz.graph';
import { type Asks, isQuizzed } from './quiz.templates';

/**
 * Reads what quizzes are made of and graded against. Both statements have a fixed text (relation types travel as
 * parameters), so the database plans each once: a quiz costs one round trip, an answer one more.
 */

/** Quizzed relations plus COVERS, which says which concepts a topic's section holds. */
const READ_TYPES = [...RELATION_TYPES.filter(isQuizzed), RelationType.COVERS];

/**
 * Most concepts and relations one read holds. The shipped seed has about a hundred concepts and a few hundred such
 * relations; the bound only keeps a generated benchmark graph from being read whole for every quiz.
 */
const READ_LIMIT = 20000;

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

export interface FactGraphRead {
  graph: FactGraph;
  /** False when a topic was asked for and no concept has its slug. */
  topicFound: boolean;
}

export class QuizRepository {
  constructor(private readonly db: CypherRunner) {}

  /** The concepts and the relations questions are made from, and whether the concept `topic` exists. */
  async factGraph(topic: string | null = null): Promise<FactGraphRead> {
    const [row] = await this.db.read(
      `CALL () {
         MATCH (c:Concept)
         WITH c ORDER BY c.slug LIMIT $limit
         RETURN collect(${conceptProjection('c')}) AS concepts
       }
       CALL () {
         MATCH (a:Concept)-[r]->(b:Concept) WHERE type(r) IN $types
         WITH a, r, b LIMIT $limit
         RETURN collect(${relationProjection('r')}) AS edges
       }
       OPTIONAL MATCH (t:Concept {slug: $topic})
       RETURN concepts, edges, t IS NOT NULL AS topicFound, CASE WHEN t IS NULL THEN null ELSE ${conceptProjection('t')} END AS topic`,
      { types: READ_TYPES, limit: neo4j.int(READ_LIMIT), topic },
    );
    const concepts = (row.concepts as Record<string, unknown>[]).map(toConceptRecord);
    // The topic is always part of the graph read, even past the bound.
    if (row.topic && !concepts.some((c) => c.slug === topic)) concepts.push(toConceptRecord(row.topic as Record<string, unknown>));
    const edges: FactEdge[] = (row.edges as Record<string, unknown>[]).map(toRelationRecord);
    return { graph: new FactGraph(concepts, edges), topicFound: topic === null || (row.topicFound as boolean) };
  }

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
    const graded = row.options as { slug: string; concept: Record<string, unknown> | null; relation: Record<string, unknown> | null }[];
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
