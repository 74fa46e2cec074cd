import neo4j from 'neo4j-driver';

import { RelationType, SYMMETRIC_RELATIONS } from '../src/graph/vocabulary';
import { toLuceneQuery } from '../src/search/lucene';
import { PEER_RELATION_FIELDS, camel } from './peer/type-defs';

/**
 * The questions the benchmark asks, each three ways: ours (GraphQL), the peer (@neo4j/graphql's generated API) and
 * the limit (hand-written Cypher). Every answer is reduced to a canonical list of facts so the three can be checked
 * to say the same thing before any of them is timed.
 */

export type ShapeId = 'concept' | 'nav2' | 'page50' | 'search' | 'neighborhood' | 'path';

export const SHAPE_IDS: ShapeId[] = ['concept', 'nav2', 'page50', 'search', 'neighborhood', 'path'];

export const SHAPE_TITLES: Record<ShapeId, string> = {
  concept: 'concept + related (1 hop)',
  nav2: '2-hop nested navigation',
  page50: 'page of 50 + related names',
  search: 'full-text search',
  neighborhood: 'neighborhood depth 2',
  path: 'path between two concepts',
};

/** Which concepts each question is about; chosen per graph by probe.ts. */
export interface ShapeParams {
  /** A concept with a typical number of relations. */
  hub: string;
  /** A 2-hop walk along directed relations: root -first-> middle -second-> leaf (types as lists, as a client knows them). */
  nav: { root: string; first: RelationType[]; second: RelationType[] };
  /** What a user types into the search box. */
  search: string;
  /** Center of the neighborhood. */
  center: string;
  /** Two concepts a few hops apart. */
  path: { from: string; to: string };
}

export const RELATED_FIRST = 100;
/**
 * Related concepts per concept of the page50 shape. With every edge's `relations`, 50 concepts × 100 related cost
 * 25251, above the default MAX_QUERY_COST; 80 stays under it and above the related concepts of any concept on the
 * page (the answer check would tell: ours would then name fewer than the peer and the Cypher).
 */
export const PAGE_RELATED_FIRST = 80;
export const NAV_FIRST = 50;
export const PAGE_SIZE = 50;
export const SEARCH_FIRST = 10;
export const NEIGHBORHOOD_DEPTH = 2;
/** The largest neighborhood the API allows by default; probe.ts picks centers whose whole 2-hop ball fits. */
export const NEIGHBORHOOD_LIMIT = 200;
export const PATH_MAX_LENGTH = 6;

const ALL_TYPES = Object.values(RelationType);
const TYPE_ALTERNATIVES = ALL_TYPES.join('|');
const SYMMETRIC = [...SYMMETRIC_RELATIONS];

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface CypherRequest {
  cypher: string;
  params: Record<string, unknown>;
}

/** One question, asked three ways, with the readers that reduce each answer to canonical facts. */
export interface ShapeCase {
  id: ShapeId;
  ours: GraphQLRequest;
  /** Absent when the peer's generated API cannot ask it. */
  peer?: GraphQLRequest;
  raw: CypherRequest;
  fromOurs(data: any): string[];
  fromPeer(data: any): string[];
  fromRaw(rows: Record<string, any>[]): string[];
  /** How the peer's facts may differ from ours and still say the same thing. */
  peerRule: 'same' | 'same-set' | 'nodes-same-edges-subset';
}

const sorted = (facts: string[]) => [...facts].sort();

/** The relationship fields of the peer's Concept, each selecting `selection`. */
function peerRelations(selection: string): string {
  return PEER_RELATION_FIELDS.map(({ field }) => `${field} { ${selection} }`).join(' ');
}

/** Facts `type|direction|slug` of a peer concept's relationship fields. */
function peerEdges(node: any, value: (other: any) => string): string[] {
  return PEER_RELATION_FIELDS.flatMap(({ field, type, direction }) =>
    (node[field] as any[]).map((other) => `${type}|${direction}|${value(other)}`),
  );
}

function conceptShape(p: ShapeParams): ShapeCase {
  return {
    id: 'concept',
    ours: {
      query: `query Concept($slug: String!) { concept(slug: $slug) { slug kind name summary related(first: ${RELATED_FIRST}) { edges { relations { type direction } node { slug name } } } } }`,
      variables: { slug: p.hub },
    },
    peer: {
      query: `query Concept($slug: String!) { concepts(where: { slug: { eq: $slug } }) { slug kind nameEn summaryEn ${peerRelations('slug nameEn')} } }`,
      variables: { slug: p.hub },
    },
    raw: {
      cypher: `MATCH (c:Concept {slug: $slug})
               RETURN c.slug AS slug, c.kind AS kind, c.nameEn AS name, c.summaryEn AS summary,
                      [(c)-[r:${TYPE_ALTERNATIVES}]-(o:Concept) WHERE o <> c |
                        {type: type(r), outgoing: startNode(r) = c OR type(r) IN $symmetric, slug: o.slug, name: o.nameEn}] AS related`,
      params: { slug: p.hub, symmetric: SYMMETRIC },
    },
    fromOurs: (d) =>
      sorted([
        `root:${d.concept.slug}`,
        ...d.concept.related.edges.flatMap((e: any) =>
          e.relations.map((r: any) => `${r.type}|${r.direction}|${e.node.slug}`),
        ),
      ]),
    fromPeer: (d) => sorted([`root:${d.concepts[0].slug}`, ...peerEdges(d.concepts[0], (o) => o.slug)]),
    fromRaw: (rows) =>
      sorted([
        `root:${rows[0].slug}`,
        ...rows[0].related.map((e: any) => `${e.type}|${e.outgoing ? 'OUTGOING' : 'INCOMING'}|${e.slug}`),
      ]),
    peerRule: 'same',
  };
}

function nav2Shape(p: ShapeParams): ShapeCase {
  const { root, first, second } = p.nav;
  if ([...first, ...second].some((t) => SYMMETRIC_RELATIONS.has(t)))
    throw new Error('the 2-hop walk follows directed relation types only');
  const inner = second.map((t) => `${camel(t)} { slug nameEn }`).join(' ');
  const peerLeaves = (m: any) => second.flatMap((t) => (m[camel(t)] as any[]).map((l) => `l:${m.slug}>${l.slug}`));
  return {
    id: 'nav2',
    ours: {
      query: `query Nav($slug: String!, $first: [RelationType!], $second: [RelationType!]) {
        concept(slug: $slug) { slug name related(types: $first, direction: OUTGOING, first: ${NAV_FIRST}) { edges { relations { type } node { slug name
          related(types: $second, direction: OUTGOING, first: ${NAV_FIRST}) { edges { relations { type } node { slug name } } } } } } } }`,
      variables: { slug: root, first, second },
    },
    peer: {
      query: `query Nav($slug: String!) { concepts(where: { slug: { eq: $slug } }) { slug nameEn ${first.map((t) => `${camel(t)} { slug nameEn ${inner} }`).join(' ')} } }`,
      variables: { slug: root },
    },
    raw: {
      cypher: `MATCH (c:Concept {slug: $slug})
               RETURN c { .slug, .nameEn, children: [(c)-[:${first.join('|')}]->(m:Concept) |
                        m { .slug, .nameEn, children: [(m)-[:${second.join('|')}]->(l:Concept) | l { .slug, .nameEn }] }] } AS c`,
      params: { slug: root },
    },
    // One edge per related concept with its relations; the Cypher walks relation by relation, so count each relation.
    fromOurs: (d) =>
      sorted(
        d.concept.related.edges.flatMap((e: any) =>
          e.relations.flatMap(() => [
            `m:${e.node.slug}`,
            ...e.node.related.edges.flatMap((l: any) => l.relations.map(() => `l:${e.node.slug}>${l.node.slug}`)),
          ]),
        ),
      ),
    fromPeer: (d) =>
      sorted(
        first.flatMap((t) => (d.concepts[0][camel(t)] as any[]).flatMap((m) => [`m:${m.slug}`, ...peerLeaves(m)])),
      ),
    fromRaw: (rows) =>
      sorted(
        rows[0].c.children.flatMap((m: any) => [`m:${m.slug}`, ...m.children.map((l: any) => `l:${m.slug}>${l.slug}`)]),
      ),
    peerRule: 'same',
  };
}

/** `slug:relatedCount:names` for one concept of the page, so both the order and the related names are compared. */
function pageFact(index: number, slug: string, names: string[]): string {
  return `${String(index).padStart(3, '0')}:${slug}:${names.length}:${[...names].sort().join(',')}`;
}

function pageShape(): ShapeCase {
  return {
    id: 'page50',
    ours: {
      query: `query Page { concepts(first: ${PAGE_SIZE}) { edges { node { slug name related(first: ${PAGE_RELATED_FIRST}) { edges { relations { type } node { name } } } } } } }`,
      variables: {},
    },
    peer: {
      query: `query Page { conceptsConnection(first: ${PAGE_SIZE}, sort: [{ slug: ASC }]) { edges { node { slug nameEn ${peerRelations('nameEn')} } } } }`,
      variables: {},
    },
    raw: {
      cypher: `MATCH (c:Concept) WHERE c.slug IS NOT NULL WITH c ORDER BY c.slug LIMIT $size
               RETURN c.slug AS slug, c.nameEn AS name, [(c)-[r:${TYPE_ALTERNATIVES}]-(o:Concept) WHERE o <> c | {type: type(r), name: o.nameEn}] AS related`,
      params: { size: neo4j.int(PAGE_SIZE) },
    },
    fromOurs: (d) =>
      d.concepts.edges.map((e: any, i: number) =>
        pageFact(
          i,
          e.node.slug,
          e.node.related.edges.flatMap((r: any) => r.relations.map(() => r.node.name)),
        ),
      ),
    fromPeer: (d) =>
      d.conceptsConnection.edges.map((e: any, i: number) =>
        pageFact(
          i,
          e.node.slug,
          PEER_RELATION_FIELDS.flatMap(({ field }) => e.node[field].map((o: any) => o.nameEn)),
        ),
      ),
    fromRaw: (rows) =>
      rows.map((row, i) =>
        pageFact(
          i,
          row.slug,
          row.related.map((r: any) => r.name),
        ),
      ),
    peerRule: 'same',
  };
}

/**
 * Ours ranks exact name and alias matches first; the raw Cypher does the same ranking by hand. The peer can only
 * order by the index score, so its hits are compared as a set (probe.ts picks a text with at most SEARCH_FIRST hits).
 */
function searchShape(p: ShapeParams): ShapeCase {
  const lucene = toLuceneQuery(p.search);
  return {
    id: 'search',
    ours: {
      query: `query Search($text: String!) { search(query: $text, first: ${SEARCH_FIRST}, lang: EN) { score concept { slug name } } }`,
      variables: { text: p.search },
    },
    peer: {
      query: `query Search($phrase: String!) { conceptsSearch(phrase: $phrase, first: ${SEARCH_FIRST}, sort: [{ score: DESC }]) { edges { score node { slug nameEn } } } }`,
      variables: { phrase: lucene },
    },
    raw: {
      cypher: `CALL db.index.fulltext.queryNodes('concept_search', $lucene, {limit: 500}) YIELD node AS c, score
               WHERE c:Concept
               WITH c, score, toLower(coalesce(c.nameEn, '')) AS en, toLower(coalesce(c.nameKo, '')) AS ko,
                    [a IN coalesce(c.aliasesKo, []) + coalesce(c.aliasesEn, []) | toLower(a)] AS aliases
               WITH c, CASE WHEN en = $needle THEN 3 WHEN ko = $needle THEN 2 WHEN $needle IN aliases THEN 1 ELSE 0 END AS exact,
                    score * CASE WHEN en CONTAINS $needle THEN 2.0 ELSE 1.0 END AS ranked
               WITH collect({c: c, exact: exact, ranked: ranked}) AS hits, max(ranked) AS best
               UNWIND hits AS hit
               WITH hit.c AS c, hit.exact + hit.ranked / best AS score
               ORDER BY score DESC, c.slug LIMIT $first
               RETURN c.slug AS slug, c.nameEn AS name, score`,
      params: { lucene, needle: p.search.trim().toLowerCase(), first: neo4j.int(SEARCH_FIRST) },
    },
    fromOurs: (d) => d.search.map((h: any) => h.concept.slug),
    fromPeer: (d) => sorted(d.conceptsSearch.edges.map((e: any) => e.node.slug)),
    fromRaw: (rows) => rows.map((row) => row.slug),
    peerRule: 'same-set',
  };
}

/**
 * The peer has no neighborhood query; its idiomatic answer is every relationship field, nested two deep. That finds
 * the same nodes, and every edge on a walk from the center (not those between two nodes at distance 2).
 */
function neighborhoodShape(p: ShapeParams): ShapeCase {
  const inner = peerRelations('slug');
  return {
    id: 'neighborhood',
    ours: {
      query: `query Neighborhood($slug: String!) { neighborhood(slug: $slug, depth: ${NEIGHBORHOOD_DEPTH}, limit: ${NEIGHBORHOOD_LIMIT}) { nodes { slug name } edges { type from { slug } to { slug } } } }`,
      variables: { slug: p.center },
    },
    peer: {
      query: `query Neighborhood($slug: String!) { concepts(where: { slug: { eq: $slug } }) { slug nameEn ${PEER_RELATION_FIELDS.map(({ field }) => `${field} { slug nameEn ${inner} }`).join(' ')} } }`,
      variables: { slug: p.center },
    },
    raw: {
      cypher: `MATCH (c:Concept {slug: $slug})
               CALL (c) {
                 MATCH p = (c)-[:${TYPE_ALTERNATIVES}*1..${NEIGHBORHOOD_DEPTH}]-(n:Concept) WHERE n <> c
                 WITH n, min(length(p)) AS distance ORDER BY distance, n.slug LIMIT $others
                 RETURN collect(n) AS found
               }
               WITH [c] + found AS nodes
               CALL (nodes) {
                 UNWIND nodes AS a
                 MATCH (a)-[r:${TYPE_ALTERNATIVES}]->(b:Concept) WHERE b IN nodes
                 RETURN collect({type: type(r), from: a.slug, to: b.slug}) AS edges
               }
               RETURN [n IN nodes | n { .slug, .nameEn }] AS nodes, edges`,
      params: { slug: p.center, others: neo4j.int(NEIGHBORHOOD_LIMIT - 1) },
    },
    fromOurs: (d) =>
      sorted([
        ...d.neighborhood.nodes.map((n: any) => `n:${n.slug}`),
        ...d.neighborhood.edges.map((e: any) => `e:${e.type}|${e.from.slug}|${e.to.slug}`),
      ]),
    fromPeer: (d) => {
      const facts = new Set<string>();
      const walk = (node: any, depth: number) => {
        facts.add(`n:${node.slug}`);
        if (depth === NEIGHBORHOOD_DEPTH) return;
        for (const { field, type, direction } of PEER_RELATION_FIELDS) {
          for (const other of (node[field] ?? []) as any[]) {
            const [from, to] = direction === 'OUTGOING' ? [node.slug, other.slug] : [other.slug, node.slug];
            // An undirected (symmetric) field does not say which way the relationship is stored; skip its edge fact.
            if (!SYMMETRIC_RELATIONS.has(type)) facts.add(`e:${type}|${from}|${to}`);
            walk(other, depth + 1);
          }
        }
      };
      walk(d.concepts[0], 0);
      return sorted([...facts]);
    },
    fromRaw: (rows) =>
      sorted([
        ...rows[0].nodes.map((n: any) => `n:${n.slug}`),
        ...rows[0].edges.map((e: any) => `e:${e.type}|${e.from}|${e.to}`),
      ]),
    peerRule: 'nodes-same-edges-subset',
  };
}

function pathShape(p: ShapeParams): ShapeCase {
  return {
    id: 'path',
    ours: {
      query: `query Path($from: String!, $to: String!) { paths(from: $from, to: $to, maxLength: ${PATH_MAX_LENGTH}, first: 1) { length nodes { slug } } }`,
      variables: { from: p.path.from, to: p.path.to },
    },
    raw: {
      cypher: `MATCH (a:Concept {slug: $from}), (b:Concept {slug: $to})
               MATCH p = shortestPath((a)-[:${TYPE_ALTERNATIVES}*..${PATH_MAX_LENGTH}]-(b))
               RETURN length(p) AS length, [n IN nodes(p) | n.slug] AS slugs`,
      params: { from: p.path.from, to: p.path.to },
    },
    // Several paths may share the shortest length; the facts are the length and the ends.
    fromOurs: (d) =>
      d.paths.slice(0, 1).map((q: any) => `len:${q.length}:${q.nodes[0].slug}>${q.nodes[q.nodes.length - 1].slug}`),
    fromPeer: () => [],
    fromRaw: (rows) =>
      rows.slice(0, 1).map((row) => `len:${row.length}:${row.slugs[0]}>${row.slugs[row.slugs.length - 1]}`),
    peerRule: 'same',
  };
}

export function shapeCases(p: ShapeParams): ShapeCase[] {
  return [conceptShape(p), nav2Shape(p), pageShape(), searchShape(p), neighborhoodShape(p), pathShape(p)];
}

/** Null when `other` says the same as `ours` under `rule`, otherwise what differs. */
export function difference(ours: string[], other: string[], rule: ShapeCase['peerRule']): string | null {
  if (ours.length === 0) return 'ours answered nothing';
  if (other.length === 0) return 'the answer is empty';
  const a = new Set(ours);
  const b = new Set(other);
  const missing = [...a].filter((f) => !b.has(f));
  const extra = [...b].filter((f) => !a.has(f));
  if (rule === 'nodes-same-edges-subset') {
    const nodeMissing = missing.filter((f) => f.startsWith('n:'));
    const nodeExtra = extra.filter((f) => f.startsWith('n:'));
    if (nodeMissing.length || nodeExtra.length || extra.length) return describe(nodeMissing, extra);
    return null;
  }
  if (rule === 'same' && ours.join('\n') !== other.join('\n') && missing.length === 0 && extra.length === 0)
    return 'same facts in another order';
  return missing.length || extra.length ? describe(missing, extra) : null;
}

function describe(missing: string[], extra: string[]): string {
  const show = (list: string[]) => list.slice(0, 4).join(', ') + (list.length > 4 ? `, … (${list.length})` : '');
  return [missing.length ? `missing ${show(missing)}` : '', extra.length ? `extra ${show(extra)}` : '']
    .filter(Boolean)
    .join('; ');
}
