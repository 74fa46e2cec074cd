import {
  type ConceptRecord,
  conceptProjection,
  type RelationRecord,
  relationProjection,
  toConceptRecord,
  toRelationRecord,
} from '../graph/graph.model';
import { type Bilingual, Direction, RELATION_TYPES, SYMMETRIC_RELATIONS, type Way } from '../graph/vocabulary';
import type { CypherRunner } from '../neo4j/gateway';

/** One row of a stored comparison: the aspect and each concept's value, keyed by slug. */
export interface StoredAspect {
  aspect: Bilingual;
  values: Record<string, Bilingual>;
}

/** A comparison written by the seeder (a :Comparison node). */
export interface StoredComparison {
  slug: string;
  title: Bilingual;
  source: string;
  /** Compared concepts in the stored column order. */
  concepts: string[];
  aspects: StoredAspect[];
}

/** A relation of one compared concept, seen from it. */
export interface ComparedRelation {
  slug: string;
  relation: RelationRecord;
  /** OUTGOING when the compared concept is the subject, or the relation is symmetric. */
  direction: Way;
  other: ConceptRecord;
}

export interface CompareData {
  /** The concepts found, in no particular order (slugs not found are absent). */
  concepts: ConceptRecord[];
  /** The stored comparison covering exactly these concepts, if any. */
  stored: StoredComparison | null;
  /** Every relation of every compared concept, for deriving aspects and what the concepts share. */
  relations: ComparedRelation[];
}

interface StoredRow {
  slug: string;
  titleKo: string | null;
  titleEn: string | null;
  source: string | null;
  aspects: string | null;
  concepts: string[];
}

/** Reads what a comparison needs, in one round trip. */
export class CompareRepository {
  constructor(private readonly db: CypherRunner) {}

  async compareData(slugs: readonly string[]): Promise<CompareData> {
    const [row] = await this.db.read(
      `CALL () {
         UNWIND $slugs AS slug
         MATCH (c:Concept {slug: slug})
         RETURN collect(${conceptProjection('c')}) AS concepts
       }
       CALL () {
         // A stored comparison fits when it compares exactly these concepts, in any order.
         MATCH (m:Comparison)-[:COMPARES]->(:Concept {slug: $slugs[0]})
         WHERE COUNT { (m)-[:COMPARES]->(:Concept) } = size($slugs)
           AND all(slug IN $slugs WHERE EXISTS { (m)-[:COMPARES]->(:Concept {slug: slug}) })
         WITH m ORDER BY m.slug LIMIT 1
         RETURN collect(m {
           .slug, .titleKo, .titleEn, .source, .aspects,
           concepts: COLLECT { MATCH (m)-[k:COMPARES]->(x:Concept) RETURN x.slug ORDER BY k.position }
         }) AS stored
       }
       CALL () {
         UNWIND $slugs AS slug
         MATCH (c:Concept {slug: slug})-[r]-(o:Concept)
         WHERE type(r) IN $types AND o <> c
         RETURN collect({
           slug: slug, outgoing: type(r) IN $symmetric OR startNode(r) = c,
           relation: ${relationProjection('r')}, other: ${conceptProjection('o')}
         }) AS relations
       }
       RETURN concepts, stored, relations`,
      { slugs: [...slugs], types: RELATION_TYPES, symmetric: [...SYMMETRIC_RELATIONS] },
    );
    const stored = (row.stored as StoredRow[])[0];
    return {
      concepts: (row.concepts as Record<string, unknown>[]).map(toConceptRecord),
      stored: stored ? toStoredComparison(stored) : null,
      relations: (
        row.relations as {
          slug: string;
          outgoing: boolean;
          relation: Record<string, unknown>;
          other: Record<string, unknown>;
        }[]
      ).map((r) => ({
        slug: r.slug,
        direction: r.outgoing ? Direction.OUTGOING : Direction.INCOMING,
        relation: toRelationRecord(r.relation),
        other: toConceptRecord(r.other),
      })),
    };
  }
}

/** Reads the aspects JSON the seeder wrote; rows that do not have the expected shape are skipped, not fatal. */
function toStoredComparison(row: StoredRow): StoredComparison {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.aspects ?? '[]');
  } catch {
    parsed = [];
  }
  const aspects = (Array.isArray(parsed) ? (parsed as unknown[]) : []).filter((item): item is StoredAspect => {
    if (typeof item !== 'object' || item === null) return false;
    const { aspect, values } = item as { aspect?: unknown; values?: unknown };
    return isBilingual(aspect) && typeof values === 'object' && values !== null;
  });
  return {
    slug: row.slug,
    title: { ko: row.titleKo ?? row.titleEn ?? row.slug, en: row.titleEn ?? row.titleKo ?? row.slug },
    source: row.source ?? '',
    concepts: row.concepts,
    aspects: aspects.map((item) => ({
      aspect: item.aspect,
      values: Object.fromEntries(Object.entries(item.values).filter(([, value]) => isBilingual(value))),
    })),
  };
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const { ko, en } = value as Partial<Bilingual>;
  return (
    (typeof ko === 'string' || typeof en === 'string') &&
    (ko === undefined || typeof ko === 'string') &&
    (en === undefined || typeof en === 'string')
  );
}
