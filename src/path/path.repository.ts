import { type ConceptRecord, conceptProjection, type RelationRecord, relationProjection, toConceptRecord, toRelationRecord } from '../graph/graph.model';
import { RELATION_TYPES, RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** One path: its nodes in walking order and the relation of each hop, each in its stored direction. */
export interface PathRecord {
  nodes: ConceptRecord[];
  relations: RelationRecord[];
}

export interface PathsResult {
  fromFound: boolean;
  toFound: boolean;
  paths: PathRecord[];
}

export interface PathsQuery {
  from: string;
  to: string;
  /** Most hops, 1..MAX_LENGTH; checked by the caller against the configured limit. */
  maxLength: number;
  /** How many paths, shortest first. */
  first: number;
}

/** The longest path and most paths this repository will ever plan, whatever the configuration says. */
const MAX_LENGTH = 10;
const MAX_PATHS = 100;

/** Every relation type of the knowledge graph; other relationships (a comparison's COMPARES) are never walked. */
const WALKABLE = RELATION_TYPES;

/**
 * Relations about learning and the note's structure rather than about the technology. Among paths of equal length
 * the ones with fewer of these explain more ("docker stop sends SIGKILL" before "learn SIGKILL before docker stop").
 */
const META: ReadonlySet<RelationType> = new Set([RelationType.LEARN_AFTER, RelationType.COVERS]);

/** Extra candidates fetched beyond `first`, so equal-length paths can be ranked before the list is cut. */
const EXTRA_CANDIDATES = 10;

/** Finds paths between two concepts, in one round trip. */
export class PathRepository {
  constructor(private readonly db: CypherRunner) {}

  /**
   * The `first` shortest simple paths (no concept twice) of at most `maxLength` hops from `from` to `to`, walking
   * relations either way. `SHORTEST k` returns all shortest paths first and then longer ones, so one search covers
   * both. Among paths of equal length, those with fewer META steps come first, then by the slugs along them.
   */
  async paths({ from, to, maxLength, first }: PathsQuery): Promise<PathsResult> {
    // Neither a quantifier bound nor (on Neo4j 5) the k of SHORTEST k can be a parameter, so both are written
    // into the query; they must be small integers.
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_LENGTH) throw new RangeError(`maxLength must be an integer from 1 to ${MAX_LENGTH}`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) throw new RangeError(`first must be an integer from 1 to ${MAX_PATHS}`);
    const [row] = await this.db.read(
      `OPTIONAL MATCH (a:Concept {slug: $from})
       OPTIONAL MATCH (b:Concept {slug: $to})
       CALL (a, b) {
         WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
         // The predicate sits inside the selector so it prunes during the search: only simple paths are counted.
         MATCH p = SHORTEST ${first + EXTRA_CANDIDATES} (
           (a) ((x)-[r WHERE type(r) IN $types]-(y)){1,${maxLength}} (b)
           WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT b IN x
         )
         RETURN collect({
           nodes: [n IN nodes(p) | ${conceptProjection('n')}],
           relations: [rel IN relationships(p) | ${relationProjection('rel')}]
         }) AS paths
       }
       RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`,
      { from, to, types: WALKABLE },
    );
    const paths = (row.paths as { nodes: Record<string, unknown>[]; relations: Record<string, unknown>[] }[]).map((path) => ({
      nodes: path.nodes.map(toConceptRecord),
      relations: path.relations.map(toRelationRecord),
    }));
    paths.sort((p, q) => p.relations.length - q.relations.length || metaSteps(p) - metaSteps(q) || keyOf(p).localeCompare(keyOf(q)));
    return { fromFound: row.fromFound as boolean, toFound: row.toFound as boolean, paths: paths.slice(0, first) };
  }
}

function metaSteps(path: PathRecord): number {
  return path.relations.filter((relation) => META.has(relation.type)).length;
}

/** The slugs along the path and the types of its steps: unique per path, so the order never depends on the engine. */
function keyOf(path: PathRecord): string {
  return `${path.nodes.map((node) => node.slug).join(' ')}|${path.relations.map((relation) => relation.type).join(' ')}`;
}
