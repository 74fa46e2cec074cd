import { ArgsType, Field, Int } from 'type-graphql';

import { MIN_LEARNER_TOKEN_TTL_SECONDS } from '../config';

@ArgsType()
export class CreateLearnerTokenArgs {
  @Field(() => String, {
    description: 'Your own id for the learner (1 to 128 printable characters), the same you use in every other call.',
  })
  learnerId!: string;

  @Field(() => Int, {
    nullable: true,
    description: `How long the token works, in seconds: from ${MIN_LEARNER_TOKEN_TTL_SECONDS} to the server's LEARNER_TOKEN_MAX_TTL_SECONDS. Default: LEARNER_TOKEN_TTL_SECONDS (900 unless configured).`,
  })
  ttlSeconds?: number | null;
}

@ArgsType()
export class EraseLearnerArgs {
  @Field(() => String, { description: 'Your own id for the learner whose every trace is to be removed.' })
  learnerId!: string;
}
