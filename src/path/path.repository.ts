import neo4j from 'neo4j-driver';

import {
  type ConceptPart,
  type ConceptRead,
  type ConceptRecord,
  conceptProjection,
  type RelationRecord,
  relationProjection,
  toConceptRead,
  toConceptRecord,
  toRelationRecord,
} from '../graph/graph.model';
import { RELATION_TYPES, RelationType } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** One path: its nodes in walking order and the relation of each hop, each in its stored direction. */
export interface PathRecord {
  /** Whole records, or parts when the paths were asked for with a `read` of some fields. */
  nodes: (ConceptRecord | ConceptPart)[];
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
  /**
   * 'whole' (the default): nodes are whole records and relations carry their descriptions. Otherwise nodes carry their
   * slug and these fields and relations their type and ends only: enough for `length` and `nodes { slug name }`, not
   * for sentences.
   */
  read?: ConceptRead;
}

/** The longest path and most paths this repository will ever plan, whatever the configuration says. */
const MAX_LENGTH = 10;
const MAX_PATHS = 100;

/**
 * Every relation type of the knowledge graph; other relationships (a comparison's COMPARES) are never walked. Written
 * into the pattern as type alternatives (from the closed vocabulary, never client text), so the search expands only
 * those relationship chains instead of reading every relationship and filtering on its type.
 */
const WALKABLE = RELATION_TYPES.join('|');

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
   * relations either way. All shortest paths come from one search; only when they are fewer than `first` does a
   * second one (`SHORTEST k`, all shortest paths first and then longer ones) look further. Among paths of equal
   * length, those with fewer META steps come first, then by the slugs along them; the database ranks and cuts, so
   * only the paths returned are read whole.
   *
   * The search is most of the work, and it cannot stop at the first path it meets: the ranking needs every shortest
   * path, so the search reads every relationship of the last level it expands (`shortestPath`, which answers the
   * first path it meets, reads less: ours is 1.5× it at the median over pairs of the shipped seed, up to 4×). What is
   * read besides is kept to what the answer needs: no second search when the first found nothing, and of the ends,
   * whose slugs are the arguments, no property.
   */
  async paths({ from, to, maxLength, first, read = 'whole' }: PathsQuery): Promise<PathsResult> {
    // Neither a quantifier bound nor (on Neo4j 5) the k of SHORTEST k can be a parameter, so both are written
    // into the query; they must be small integers.
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_LENGTH)
      throw new RangeError(`maxLength must be an integer from 1 to ${MAX_LENGTH}`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS)
      throw new RangeError(`first must be an integer from 1 to ${MAX_PATHS}`);
    const [row] = await this.db.read(
      `OPTIONAL MATCH (a:Concept {slug: $from})
       OPTIONAL MATCH (b:Concept {slug: $to})
       // All shortest paths are one bidirectional search, and a shortest path never repeats a concept. They are
       // enough to rank when there are at least as many as asked for; the ranking reads slugs and types only.
       CALL (a, b) {
         WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
         MATCH p = ALL SHORTEST (a)-[:${WALKABLE}]-{1,${maxLength}}(b)
         RETURN collect(p) AS shortest
       }
       CALL (a, b, shortest) {
         // Fewer shortest paths than asked for, but some: longer ones too. None means nothing joins the ends within
         // maxLength, and a second search would only read the same relationships again to find nothing. The
         // predicate sits inside the selector so it prunes during the search: only simple paths are counted.
         WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND 0 < size(shortest) < $first
         MATCH p = SHORTEST ${first + EXTRA_CANDIDATES} (
           (a) ((x)-[:${WALKABLE}]-(y)){1,${maxLength}} (b)
           WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT b IN x
         )
         RETURN collect(p) AS candidates
       }
       CALL (shortest, candidates) {
         UNWIND CASE WHEN size(shortest) >= $first THEN shortest ELSE candidates END AS p
         // The order of the sort after the query (slugs compare alike in both: lowercase letters, digits and
         // hyphens). Length and META steps need no property; the slugs, one database hit per concept of a path, are
         // read only for the paths that rank with the last one kept or before it on those two, and only between the
         // ends, which every path shares.
         WITH p, length(p) AS steps, size([rel IN relationships(p) WHERE type(rel) IN $meta]) AS meta
         ORDER BY steps, meta
         WITH collect({p: p, steps: steps, meta: meta}) AS ranked
         WITH ranked, ranked[CASE WHEN size(ranked) < $first THEN size(ranked) ELSE $first END - 1] AS last
         UNWIND ranked AS candidate
         WITH candidate WHERE candidate.steps < last.steps OR (candidate.steps = last.steps AND candidate.meta <= last.meta)
         WITH candidate.p AS p, candidate.steps AS steps, candidate.meta AS meta, [n IN nodes(candidate.p)[1..-1] | n.slug] AS inner
         ORDER BY steps, meta, inner, [rel IN relationships(p) | type(rel)]
         LIMIT $first
         RETURN collect(${pathProjection(read)}) AS paths
       }
       RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`,
      { from, to, first: neo4j.int(first), meta: [...META] },
    );
    const paths = (row.paths as Record<string, unknown>[]).map((path) => toPathRecord(path, read, from, to));
    paths.sort(
      (p, q) =>
        p.relations.length - q.relations.length || metaSteps(p) - metaSteps(q) || keyOf(p).localeCompare(keyOf(q)),
    );
    return { fromFound: row.fromFound as boolean, toFound: row.toFound as boolean, paths };
  }
}

/**
 * One ranked path `p` (with the slugs of its `inner` concepts) as `read` says: whole records and relations with their
 * descriptions, or the inner slugs already read, the fields of each concept asked for, and each step as its type and
 * whether it follows the arrow (the stored start is the earlier concept), which gives both ends without reading a
 * property.
 */
function pathProjection(read: ConceptRead): string {
  if (read === 'whole')
    return `{nodes: [n IN nodes(p) | ${conceptProjection('n')}], relations: [rel IN relationships(p) | ${relationProjection('rel')}]}`;
  return `{inner: inner, fields: [n IN nodes(p) | [${read.map((field) => `n.${field}`).join(', ')}]],
           steps: [i IN range(0, length(p) - 1) | [type(relationships(p)[i]), startNode(relationships(p)[i]) = nodes(p)[i]]]}`;
}

/** Reads a path from `from` to `to` written by pathProjection with the same `read`. */
function toPathRecord(path: Record<string, unknown>, read: ConceptRead, from: string, to: string): PathRecord {
  if (read === 'whole')
    return {
      nodes: (path.nodes as Record<string, unknown>[]).map(toConceptRecord),
      relations: (path.relations as Record<string, unknown>[]).map(toRelationRecord),
    };
  // The ends were found by their slugs, so those are the arguments.
  const slugs = [from, ...(path.inner as string[]), to];
  const fields = path.fields as unknown[][];
  return {
    nodes: slugs.map((slug, i) =>
      toConceptRead(
        Object.fromEntries<unknown>([
          ['slug', slug],
          ...read.map((field, j): [string, unknown] => [field, fields[i][j]]),
        ]),
        read,
      ),
    ),
    relations: (path.steps as [RelationType, boolean][]).map(([type, forward], i) =>
      toRelationRecord(
        forward ? { type, from: slugs[i], to: slugs[i + 1] } : { type, from: slugs[i + 1], to: slugs[i] },
      ),
    ),
  };
}

function metaSteps(path: PathRecord): number {
  return path.relations.filter((relation) => META.has(relation.type)).length;
}

/** The slugs along the path and the types of its steps: unique per path, so the order never depends on the engine. */
function keyOf(path: PathRecord): string {
  return `${path.nodes.map((node) => node.slug).join(' ')}|${path.relations.map((relation) => relation.type).join(' ')}`;
}
