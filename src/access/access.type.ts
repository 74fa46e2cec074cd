import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A short-lived credential that reaches one learner of one frontend, for a browser that calls the API directly.',
})
export class LearnerToken {
  @Field(() => String, {
    description:
      'Send it as `Authorization: Bearer <token>`. It reaches only `learnerId`, and stops working at `expiresAt` or when the frontend key is revoked.',
  })
  token!: string;

  @Field(() => String, { description: 'The learner the token reaches, as the frontend names them.' })
  learnerId!: string;

  @Field(() => String, { description: 'When the token stops working (ISO 8601, UTC, whole seconds).' })
  expiresAt!: string;
}

@ObjectType({ description: 'What `eraseLearner` removed.' })
export class ErasedLearner {
  @Field(() => String, { description: 'The learner, as the frontend names them.' })
  learnerId!: string;

  @Field(() => Boolean, {
    description:
      'True when the learner existed and is gone now; false when there was nothing to erase (erasing again is harmless).',
  })
  erased!: boolean;

  @Field(() => Int, {
    description: 'How many nodes of learner data (reviews, memory states, ...) were removed with the learner.',
  })
  dataNodesRemoved!: number;
}
