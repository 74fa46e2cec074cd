import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Direction, Lang, RelationType } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg } from '../i18n/lang.arg';
import { ConnectionType, EdgeType } from '../pagination/connection.type';
import { type CursorKey, encodeCursor } from '../pagination/cursor';
import { type PageInfo, pageInfoOf, toConnection } from '../pagination/page-info.type';
import { type PageWindow, paginateSorted } from '../pagination/page';
import type { RelatedRecord } from '../readahead/walk.repository';
import { Relation } from './relation.type';

@ObjectType({
  description:
    'One way a concept relates to the concept of a `related` edge, seen from the concept whose `related` was asked for.',
})
export class ConceptRelation {
  record!: RelatedRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: RelatedRecord) {
    if (record) this.record = record;
  }

  @Field(() => RelationType, { description: 'The kind of relation.' })
  get type(): RelationType {
    return this.record.relation.type;
  }

  @Field(() => Direction, {
    description:
      'OUTGOING when the asking concept is the subject (`this TYPE node`), INCOMING when it is the object (`node TYPE this`). Symmetric relations always report OUTGOING.',
  })
  get direction(): Direction {
    return this.record.direction;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Why the two concepts are related this way, in the chosen language; null when the note says nothing.',
  })
  description(@LangArg() lang: Lang): string | null {
    return pick(this.record.relation.descriptionKo, this.record.relation.descriptionEn, lang);
  }

  @Field(() => Int, {
    nullable: true,
    description:
      'Position among relations of the same type from the same concept (stages, flags); null when unordered.',
  })
  get order(): number | null {
    return this.record.relation.order;
  }

  @Field(() => String, { description: 'The section of the study note the relation comes from.' })
  get source(): string {
    return this.record.relation.source;
  }

  @Field(() => Relation, {
    description: 'The relation as stored, with its `from` and `to` ends (useful for symmetric relations).',
  })
  get relation(): Relation {
    const { relation, other } = this.record;
    return new Relation(relation, relation.from === other.slug ? { from: other } : { to: other });
  }
}

@ObjectType({
  description:
    'One related concept: the concept at the other end, once, with every way the two relate (each relation type and direction that matches the `types` and `direction` asked for).',
})
export class RelatedEdge extends EdgeType(Concept, {
  cursor: 'Opaque cursor of this edge; pass it as `after` to continue after it.',
  node: 'The related concept. Each concept is the node of at most one edge of a list.',
}) {
  /** Never empty; in compareRelated order. */
  records!: RelatedRecord[];
  /** The list's cursor tag: the cursor is signed from it and the edge's key only when a client reads it. */
  tag!: string;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(first?: RelatedRecord, tag?: string) {
    super(first && new Concept(first.other));
    if (first) this.records = [first];
    if (tag !== undefined) this.tag = tag;
  }

  // Made from the edge's own fields rather than a closure per edge: most lists never have a cursor read.
  override get cursor(): string {
    return encodeCursor(this.tag, relatedEdgeKey(this));
  }

  @Field(() => [ConceptRelation], {
    description:
      "Every way this edge's concept and the asking concept relate, matching `types` and `direction`; never empty. Sorted by type, then order (unordered last), then direction (INCOMING before OUTGOING).",
  })
  get relations(): ConceptRelation[] {
    return this.records.map((record) => new ConceptRelation(record));
  }
}

/**
 * The relations of one concept, sorted by compareRelated, as edges: one per related concept, in the order of each
 * edge's first relation. Relay's and urql's normalised caches keep one edge per node, so a list with one edge per
 * relation would lose every second relation to the same concept.
 */
export function relatedEdges(sorted: readonly RelatedRecord[], tag: string): RelatedEdge[] {
  const edges: RelatedEdge[] = [];
  const bySlug = new Map<string, RelatedEdge>();
  for (const record of sorted) {
    const edge = bySlug.get(record.other.slug);
    if (edge) edge.records.push(record);
    else {
      const added = new RelatedEdge(record, tag);
      bySlug.set(record.other.slug, added);
      edges.push(added);
    }
  }
  return edges;
}

/**
 * The sort key of an edge (and of its cursor): its first relation's type and order, then the related slug. The slug
 * makes it unique, and ordering edges by it is the order relatedEdges gives them.
 */
export function relatedEdgeKey(edge: RelatedEdge): CursorKey {
  const first = edge.records[0];
  return [first.relation.type, first.relation.order, first.other.slug];
}

@ObjectType({
  description:
    "A page of the concepts related to a concept (Relay connection), one edge per related concept. Edges are sorted by their first relation (type name A to Z, then order with unordered last), then by the related concept's slug.",
})
export class RelatedConnection extends ConnectionType(RelatedEdge, {
  edges: 'The related concepts on this page, each once.',
  totalCount: 'Number of distinct related concepts matching the types and direction, over all pages.',
}) {}

/**
 * The page of `related` edges `window` asks for from a concept's relations (sorted by compareRelated), with cursors
 * tagged `tag`. From the start of the list forward, as nearly every nested `related` asks, the page is the first
 * edges, and no sort key is made unless a client reads a cursor; from a cursor it goes through paginateSorted.
 */
export function relatedConnection(
  sorted: readonly RelatedRecord[],
  window: PageWindow,
  tag: string,
): { edges: RelatedEdge[]; pageInfo: PageInfo; totalCount: number } {
  const all = relatedEdges(sorted, tag);
  if (window.forward && window.after === null && window.before === null) {
    const edges = all.length > window.size ? all.slice(0, window.size) : all;
    return {
      edges,
      pageInfo: pageInfoOf(edges, { hasNextPage: all.length > window.size, hasPreviousPage: false }),
      totalCount: all.length,
    };
  }
  return toConnection(paginateSorted(all, relatedEdgeKey, window), tag, (edge) => edge);
}
