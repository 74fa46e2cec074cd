import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Direction, Lang, RelationType } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg } from '../i18n/lang.arg';
import { ConnectionType, EdgeType } from '../pagination/connection.type';
import type { CursorOf } from '../pagination/page-info.type';
import type { RelatedRecord } from '../readahead/walk.repository';
import type { RelatedGroup } from './relation.group';
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
  group!: RelatedGroup;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(group?: RelatedGroup, cursorOf?: CursorOf) {
    super(group && new Concept(group.other), cursorOf);
    if (group) this.group = group;
  }

  @Field(() => [ConceptRelation], {
    description:
      "Every way this edge's concept and the asking concept relate, matching `types` and `direction`; never empty. Sorted by type, then order (unordered last), then direction (INCOMING before OUTGOING).",
  })
  get relations(): ConceptRelation[] {
    return this.group.relations.map((record) => new ConceptRelation(record));
  }
}

@ObjectType({
  description:
    "A page of the concepts related to a concept (Relay connection), one edge per related concept. Edges are sorted by their first relation (type name A to Z, then order with unordered last), then by the related concept's slug.",
})
export class RelatedConnection extends ConnectionType(RelatedEdge, {
  edges: 'The related concepts on this page, each once.',
  totalCount: 'Number of distinct related concepts matching the types and direction, over all pages.',
}) {}
