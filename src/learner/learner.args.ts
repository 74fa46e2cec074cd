import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

import { Lang } from '../graph/vocabulary';
import { ProgressState, ReviewRating } from './memory.model';

@ArgsType()
export class LearnerPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size when paging forward (default and maximum are configured; 20 and 100 unless changed).',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor to continue after (from pageInfo.endCursor or an edge of the same field).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Page size when paging backward, from the end or from `before`. Not together with `first`.',
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor to continue before (from pageInfo.startCursor or an edge of the same field).',
  })
  before?: string | null;
}

@ArgsType()
export class ProgressArgs extends LearnerPageArgs {
  @Field(() => ProgressState, { nullable: true, description: 'Only concepts in this state; all of them when absent.' })
  state?: ProgressState | null;
}

@ArgsType()
export class NextConceptsArgs extends LearnerPageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Slug of a concept the learner wants to reach, e.g. `docker-kill`: the open concepts it needs (it, and what it is learned after) come first.',
  })
  goal?: string | null;
}

@ArgsType()
export class HistoryArgs extends LearnerPageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only the reviews of the concept with this slug (a retired one too).',
  })
  concept?: string | null;
}

@ArgsType()
export class LearnerPathArgs extends LearnerPageArgs {
  @Field(() => String, { description: 'The slug of the concept to learn, e.g. `unikernel`.' })
  slug!: string;
}

@ArgsType()
export class LearnerTourArgs {
  @Field(() => String, { description: 'Slug of the concept the tour leads to, e.g. `docker-kill`.' })
  to!: string;

  @Field(() => Lang, {
    nullable: true,
    description:
      'Language of the explanations and check questions (each text field may override it). Without it the Accept-Language header decides, then English.',
  })
  lang?: Lang | null;
}

@InputType({ description: 'A learner rates how well they recalled a concept.' })
export class ReviewConceptInput {
  @Field(() => String, {
    description:
      'Your own id of the learner (1 to 128 printable characters). A learner token reaches only its own learner.',
  })
  learnerId!: string;

  @Field(() => String, { description: 'The slug of the reviewed concept, e.g. `docker-kill`.' })
  concept!: string;

  @Field(() => ReviewRating, { description: 'How well the learner recalled it.' })
  rating!: ReviewRating;

  @Field(() => String, {
    description:
      'A key you make per review (1 to 128 printable characters, e.g. a UUID) and send again unchanged when you retry: a retried review with the same key is recorded once and answers as the first did.',
  })
  idempotencyKey!: string;
}

@ArgsType()
export class RecordAnswerArgs {
  @Field(() => ID, { description: 'The `id` of a question from `quiz` or `tour`, unchanged.' })
  questionId!: string;

  @Field(() => String, { description: 'The `id` of the chosen option.' })
  choice!: string;

  @Field(() => String, { description: 'Your own id of the learner who answered (1 to 128 printable characters).' })
  learnerId!: string;

  @Field(() => String, {
    description: 'A key you make per answer and send again unchanged when you retry: the answer is recorded once.',
  })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Which concept the answer reviews: the concept the question names (its `concept`, the default) or the right answer's concept (e.g. the step of a tour whose check asks for it).",
  })
  concept?: string | null;
}
