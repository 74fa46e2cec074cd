import { Field, Float, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';

@ObjectType({ description: 'A concept that matches a search, with how well it matches.' })
export class SearchHit {
  @Field(() => Concept, { description: 'The matching concept.' })
  concept!: Concept;

  @Field(() => Float, {
    description: 'Relevance; hits come in descending order of it. 3, 2 or 1 is added for an exact match of the name in the chosen language, the name in the other language, or an alias; the rest (up to 1) is the full-text score relative to the best hit.',
  })
  score!: number;
}
