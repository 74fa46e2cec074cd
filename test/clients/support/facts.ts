import type { CypherRunner } from '../../../src/neo4j/gateway';

/** What a client must hold about one concept after paging through `concepts`: stored properties, not API output. */
export interface ConceptFact {
  slug: string;
  kind: string;
  source: string;
  tags: string[];
}

/** One relation of the hub concept, seen from the hub: which concept, which type, which way, where it comes from. */
export interface RelationFact {
  other: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  source: string;
}

/** The relation types the note calls symmetric: stored once, read as OUTGOING from either end. */
const SYMMETRIC = ['ALTERNATIVE_TO', 'CONTRASTS_WITH', 'PAIRS_WELL_WITH'];

/** The hub every client reads in full: the concept with the most relations in the seed. */
export const HUB = 'container';

/** Every concept as stored, sorted by slug. */
export async function storedConcepts(db: CypherRunner): Promise<ConceptFact[]> {
  const rows = await db.read(
    'MATCH (c:Concept) RETURN c.slug AS slug, c.kind AS kind, c.source AS source, coalesce(c.tags, []) AS tags ORDER BY slug',
  );
  return rows.map((row) => ({
    slug: row.slug as string,
    kind: row.kind as string,
    source: row.source as string,
    tags: row.tags as string[],
  }));
}

/** Every relation between the hub and another concept, as stored, sorted. */
export async function storedRelations(db: CypherRunner, slug = HUB): Promise<RelationFact[]> {
  const rows = await db.read(
    `MATCH (c:Concept {slug: $slug})-[r]-(o:Concept)
     RETURN o.slug AS other, type(r) AS type, startNode(r) = c AS outgoing, r.source AS source`,
    { slug },
  );
  return sortRelations(
    rows.map((row) => ({
      other: row.other as string,
      type: row.type as string,
      direction: row.outgoing || SYMMETRIC.includes(row.type as string) ? 'OUTGOING' : 'INCOMING',
      source: row.source as string,
    })),
  );
}

export function sortConcepts(facts: ConceptFact[]): ConceptFact[] {
  return [...facts].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

const relationKey = (f: RelationFact) => `${f.other} ${f.type} ${f.direction} ${f.source}`;

export function sortRelations(facts: RelationFact[]): RelationFact[] {
  return [...facts].sort((a, b) => (relationKey(a) < relationKey(b) ? -1 : relationKey(a) > relationKey(b) ? 1 : 0));
}

/** The distinct related concepts among the relations, sorted: each must be the node of exactly one edge. */
export const relatedConcepts = (facts: RelationFact[]): string[] => [...new Set(facts.map((f) => f.other))].sort();
