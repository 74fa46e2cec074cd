import { ArgsType, Field } from 'type-graphql';

import { Lang } from '../graph/vocabulary';

@ArgsType()
export class DifferenceArgs {
  @Field(() => String, { description: 'Slug of the first concept, e.g. `os-container`.' })
  a!: string;

  @Field(() => String, {
    description: 'Slug of the second concept, e.g. `application-container`. Must differ from `a`.',
  })
  b!: string;

  @Field(() => Lang, {
    nullable: true,
    description:
      'Language of the sentences (each text field may override it). Without it the Accept-Language header decides, then English.',
  })
  lang?: Lang | null;
}
