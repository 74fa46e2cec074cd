import { ArgsType, Field } from 'type-graphql';

import { Lang } from '../graph/vocabulary';

@ArgsType()
export class TourArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Slug of a concept the learner already understands, e.g. `docker-stop`: it and everything it requires are left out. Without it the tour starts at the basics.',
  })
  from?: string | null;

  @Field(() => String, {
    description: 'Slug of the concept the tour leads to, e.g. `docker-kill`. Must differ from `from`.',
  })
  to!: string;

  @Field(() => Lang, {
    nullable: true,
    description:
      'Language of the explanations and check questions (each text field may override it). Without it the Accept-Language header decides, then English.',
  })
  lang?: Lang | null;
}
