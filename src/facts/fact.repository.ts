import neo4j from 'neo4j-driver';

import { conceptProjection, relationProjection, toConceptRecord, toRelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';
import { ABOUT_THE_NOTE, type FactEdge, FactGraph } from './fact.graph';

/**
 * Reads the fact graph that quizzes, tours and `difference` work on. The statement has a fixed text (relation types
 * travel as parameters), so the database plans it once: a read costs one round trip.
 */

/** The relations about the concepts themselves, plus COVERS, which says which concepts a topic's section holds. */
const READ_TYPES = [...RELATION_TYPES.filter((type) => !ABOUT_THE_NOTE.has(type)), RelationType.COVERS];

/**
 * Most concepts and relations one read holds. The shipped seed has about a hundred concepts and a few hundred such
 * relations; the bound only keeps a generated benchmark graph from being read whole for every quiz.
 */
const READ_LIMIT = 20000;

export interface FactGraphRead {
  graph: FactGraph;
  /** False when a topic was asked for and no concept has its slug. */
  topicFound: boolean;
}

export class FactRepository {
  constructor(private readonly db: CypherRunner) {}

  /** The concepts and the relations about them, and whether the concept `topic` exists. */
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
    if (row.topic && !concepts.some((c) => c.slug === topic))
      concepts.push(toConceptRecord(row.topic as Record<string, unknown>));
    const edges: FactEdge[] = (row.edges as Record<string, unknown>[]).map(toRelationRecord);
    return { graph: new FactGraph(concepts, edges), topicFound: topic === null || (row.topicFound as boolean) };
  }
}
