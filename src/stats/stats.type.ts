import { Field, Int, ObjectType } from 'type-graphql';

import { ConceptKind, RelationType } from '../graph/vocabulary';

@ObjectType({ description: 'How many concepts of one kind the graph holds.' })
export class KindCount {
  @Field(() => ConceptKind)
  kind!: ConceptKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many relations of one type the graph holds.' })
export class RelationTypeCount {
  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Which version of the seed content the graph holds.' })
export class SeedInfo {
  @Field(() => String, { description: 'SHA-256 of the seed files the graph was built from.' })
  hash!: string;

  @Field(() => String, { description: 'Version of the seed format.' })
  version!: string;

  @Field(() => String, { description: 'When the seeder last wrote the graph (ISO 8601).' })
  seededAt!: string;
}

@ObjectType({ description: 'Counts over the whole knowledge graph.' })
export class GraphStats {
  @Field(() => Int, { description: 'Number of concepts.' })
  concepts!: number;

  @Field(() => Int, { description: 'Number of relations between concepts.' })
  relations!: number;

  @Field(() => [KindCount], { description: 'Concepts per kind, by kind name.' })
  byKind!: KindCount[];

  @Field(() => [RelationTypeCount], { description: 'Relations per type, by type name.' })
  byRelationType!: RelationTypeCount[];

  @Field(() => SeedInfo, {
    nullable: true,
    description: 'The seed the graph was built from; null before the first seeding.',
  })
  seed!: SeedInfo | null;
}
