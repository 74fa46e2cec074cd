import { ArgsType, Field, Int } from 'type-graphql';

import { Direction, RelationType } from '../graph/vocabulary';

@ArgsType()
export class RelatedArgs {
  @Field(() => [RelationType], { nullable: true, description: 'Only relations of these types; all types when absent.' })
  types?: RelationType[] | null;

  @Field(() => Direction, {
    defaultValue: Direction.BOTH,
    description: 'Only relations pointing this way from this concept.',
  })
  direction!: Direction;

  @Field(() => Int, {
    nullable: true,
    description:
      'Page size, in related concepts (default and maximum are configured; 20 and 100 unless changed). 0 gives no edges, only totalCount and pageInfo.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start after this cursor (from `pageInfo.endCursor` or an edge of the same list).',
  })
  after?: string | null;
}
