import { Ctx, Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Lang, RelationType } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg, langOf } from '../i18n/lang.arg';
import { type CursorOf, PageInfo } from '../pagination/page-info.type';
import { Direction } from './direction';
import type { RelatedRecord } from './relation.repository';
import { Relation } from './relation.type';

@ObjectType({ description: 'One relation of a concept, seen from that concept: the concept at the other end and how they relate.' })
export class RelationEdge {
  record!: RelatedRecord;

  private cursorOf!: CursorOf;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: RelatedRecord, cursorOf?: CursorOf) {
    if (record) this.record = record;
    if (cursorOf) this.cursorOf = cursorOf;
  }

  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
  get cursor(): string {
    return this.cursorOf();
  }

  @Field(() => Concept, { description: 'The concept at the other end.' })
  get node(): Concept {
    return new Concept(this.record.other);
  }

  @Field(() => RelationType, { description: 'The kind of relation.' })
  get type(): RelationType {
    return this.record.relation.type;
  }

  @Field(() => Direction, {
    description: 'OUTGOING when this concept is the subject (`this TYPE node`), INCOMING when it is the object (`node TYPE this`). Symmetric relations always report OUTGOING.',
  })
  get direction(): Direction {
    return this.record.direction === 'OUTGOING' ? Direction.OUTGOING : Direction.INCOMING;
  }

  @Field(() => String, { nullable: true, description: 'Why the two concepts are related, in the chosen language; null when the note says nothing.' })
  description(@LangArg() lang: Lang | undefined, @Ctx() context: { lang?: Lang }): string | null {
    return pick(this.record.relation.descriptionKo, this.record.relation.descriptionEn, langOf(lang, context));
  }

  @Field(() => Int, { nullable: true, description: 'Position among relations of the same type from the same concept (stages, flags); null when unordered.' })
  get order(): number | null {
    return this.record.relation.order;
  }

  @Field(() => String, { description: 'The section of the study note the relation comes from.' })
  get source(): string {
    return this.record.relation.source;
  }

  @Field(() => Relation, { description: 'The relation as stored, with its `from` and `to` ends (useful for symmetric relations).' })
  get relation(): Relation {
    const { relation, other } = this.record;
    return new Relation(relation, relation.from === other.slug ? { from: other } : { to: other });
  }
}

@ObjectType({ description: 'A page of a concept\'s relations (Relay connection), sorted by type, then order, then the other concept\'s slug.' })
export class RelationConnection {
  @Field(() => [RelationEdge], { description: 'The relations on this page.' })
  edges!: RelationEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of relations matching the types and direction, over all pages.' })
  totalCount!: number;
}
