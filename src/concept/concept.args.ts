import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';

import { ConceptKind } from '../graph/vocabulary';
import { OrderDirection } from '../pagination/page-info.type';

/** The fields concepts can be ordered by; the repository maps each to a fixed Cypher sort key. */
export enum ConceptOrderField {
  SLUG = 'SLUG',
  NAME_EN = 'NAME_EN',
  NAME_KO = 'NAME_KO',
  KIND = 'KIND',
  DEGREE = 'DEGREE',
}

registerEnumType(ConceptOrderField, {
  name: 'ConceptOrderField',
  description: 'What to sort concepts by.',
  valuesConfig: {
    SLUG: { description: 'The slug.' },
    NAME_EN: { description: 'The English name, case-insensitive (the Korean name when there is no English one).' },
    NAME_KO: { description: 'The Korean name (the English name when there is no Korean one).' },
    KIND: { description: 'The kind, by its enum name.' },
    DEGREE: { description: 'The number of relations the concept takes part in.' },
  },
});

@InputType({ description: 'Which concepts to list. Every given condition must hold; an empty list matches nothing.' })
export class ConceptFilter {
  @Field(() => [ConceptKind], { nullable: true, description: 'Only concepts of one of these kinds.' })
  kinds?: ConceptKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Only concepts carrying at least one of these tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only concepts whose source section starts with this text.' })
  source?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only the concepts with these slugs.' })
  slugs?: string[] | null;
}

@InputType({
  description: 'How to sort concepts. Ties are broken by slug, so the order is total and pages are stable.',
})
export class ConceptOrder {
  @Field(() => ConceptOrderField, { defaultValue: ConceptOrderField.SLUG, description: 'The sort key.' })
  field!: ConceptOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending or descending.' })
  direction!: OrderDirection;
}

@ArgsType()
export class ConceptsArgs {
  @Field(() => ConceptFilter, { nullable: true, description: 'Which concepts to list; all of them when absent.' })
  filter?: ConceptFilter | null;

  @Field(() => ConceptOrder, { nullable: true, description: 'Sort order; by slug ascending when absent.' })
  orderBy?: ConceptOrder | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Page size when paging forward (default and maximum are configured; 20 and 100 unless changed). 0 gives no edges, only totalCount and pageInfo (whether items follow, and cursors that keep the place).',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start after this cursor (from `pageInfo.endCursor` or an edge, with the same orderBy).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Page size when paging backward. Do not combine with `first`. 0 gives no edges, only totalCount and pageInfo (whether items precede, and cursors that keep the place).',
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'End before this cursor (from `pageInfo.startCursor` or an edge, with the same orderBy).',
  })
  before?: string | null;
}
