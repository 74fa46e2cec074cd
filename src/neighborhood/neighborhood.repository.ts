import neo4j from 'neo4j-driver';

import {
  type ConceptRecord,
  type ConceptRef,
  conceptProjectionAs,
  type RelationRecord,
  relationProjection,
  toConceptAs,
  toRelationRecord,
} from '../graph/graph.model';
import { RELATION_TYPES, type RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** The part of the graph around one concept, ready to draw. */
export interface NeighborhoodRecord {
  /** Every node once, the center first, then nearest first (by hops, then slug); ConceptRefs unless read whole. */
  nodes: { concept: ConceptRecord | ConceptRef; distance: number }[];
  /** Every relation between two of the nodes once, in its stored direction. */
  edges: RelationRecord[];
  /** True when more nodes lay within the depth than the limit allowed. */
  truncated: boolean;
}

export interface NeighborhoodQuery {
  slug: string;
  /** Hops from the center, 1..MAX_DEPTH; checked by the caller against the configured limit. */
  depth: number;
  /** Relation types to follow and draw. */
  types: readonly RelationType[];
  /** Most nodes to return, the center included (at least 1). */
  limit: number;
  /** Whether nodes are read whole (the default) or as ConceptRefs, completed through the loader when asked for more. */
  wholeConcepts?: boolean;
  /** Whether edges carry descriptions, order, source and correction (the default) or their type and ends only. */
  detailedEdges?: boolean;
}

/** The deepest neighborhood this repository will ever plan, whatever the configuration says. */
const MAX_DEPTH = 6;

/** Reads bounded neighborhoods: one breadth-first search and the edges among what it found, in one round trip. */
export class NeighborhoodRepository {
  constructor(private readonly db: CypherRunner) {}

  /** The neighborhood of `slug`, or null when no concept has that slug. */
  async neighborhood({
    slug,
    depth,
    types,
    limit,
    wholeConcepts = true,
    detailedEdges = true,
  }: NeighborhoodQuery): Promise<NeighborhoodRecord | null> {
    // A quantifier bound cannot be a parameter, so the depth is written into the query; it must be a small integer.
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH)
      throw new RangeError(`depth must be an integer from 1 to ${MAX_DEPTH}`);
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    // Types go into the patterns from the closed vocabulary (never client text), so both searches expand only those
    // relationship chains instead of reading every relationship and filtering on its type.
    const walked = RELATION_TYPES.filter((type) => types.includes(type));
    if (walked.length === 0) throw new RangeError('types must name at least one relation type');
    const typeAlternatives = walked.join('|');
    const edge = detailedEdges ? relationProjection('r') : '{type: type(r), from: a.slug, to: b.slug}';
    const rows = await this.db.read(
      `MATCH (center:Concept {slug: $slug})
       CALL (center) {
         // ANY SHORTEST from one source is a single breadth-first search: each node once, at its distance.
         MATCH p = ANY SHORTEST (center) (()-[:${typeAlternatives}]-()){1,${depth}} (n:Concept)
         WHERE n <> center
         WITH n, length(p) AS distance
         ORDER BY distance, n.slug
         LIMIT $take
         RETURN collect(n) AS found, collect(distance) AS distances
       }
       WITH center, found[..$keep] AS kept, distances[..$keep] AS distances, size(found) > $keep AS truncated
       WITH [center] + kept AS nodes, [0] + distances AS distances, truncated
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r:${typeAlternatives}]->(b)
         WHERE b IN nodes
         RETURN collect(${edge}) AS edges
       }
       RETURN [n IN nodes | ${conceptProjectionAs('n', wholeConcepts)}] AS nodes, distances, truncated, edges`,
      {
        slug,
        // One more than kept, so a cut can be told from an exact fit.
        take: neo4j.int(limit),
        keep: neo4j.int(limit - 1),
      },
    );
    const row = rows[0];
    if (!row) return null;
    const distances = row.distances as number[];
    const edges = (row.edges as Record<string, unknown>[]).map(toRelationRecord);
    edges.sort((a, b) => a.type.localeCompare(b.type) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    return {
      nodes: (row.nodes as Record<string, unknown>[]).map((node, index) => ({
        concept: toConceptAs(node, wholeConcepts),
        distance: distances[index],
      })),
      edges,
      truncated: row.truncated as boolean,
    };
  }
}
