import { ArgsType, Field, ID, Int } from 'type-graphql';

import { Lang } from '../graph/vocabulary';

@ArgsType()
export class QuizArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Slug of the concept to be quizzed on, e.g. `docker-kill` or a section such as `container-lifecycle`: questions come from its relations and those of the concepts its section covers, then from one relation further out. Without it, from the whole graph.',
  })
  topic?: string | null;

  @Field(() => Int, {
    defaultValue: 5,
    description:
      'How many questions: 1 up to the configured maximum (20 unless changed). Fewer come back when the topic has fewer facts to ask about.',
  })
  count!: number;

  @Field(() => Lang, {
    nullable: true,
    description:
      'Language of the questions and options (each text field may override it). Without it the Accept-Language header decides, then English.',
  })
  lang?: Lang | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The same seed gives the same questions, options and order (for the same graph); without one, every quiz is different.',
  })
  seed?: number | null;
}

@ArgsType()
export class CheckAnswerArgs {
  @Field(() => ID, { description: 'The `id` of a question from `quiz` or `tour`, unchanged.' })
  questionId!: string;

  @Field(() => String, { description: 'The `id` of the chosen option.' })
  choice!: string;
}
