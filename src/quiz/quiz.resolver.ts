import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError } from '../errors';
import { CheckAnswerArgs, QuizArgs } from './quiz.args';
import { randomSeed } from './quiz.service';
import { AnswerResult, QuizQuestion } from './quiz.type';

@Resolver(() => QuizQuestion)
export class QuizResolver {
  @Query(() => [QuizQuestion], {
    description:
      'Multiple-choice questions made from the relations of the graph, around a topic or over everything: one right option, the others of the same kind and checked against the graph to be wrong. BAD_USER_INPUT naming `count` when it is out of range or `topic` when it is empty; NOT_FOUND naming `topic` when no concept has that slug.',
  })
  async quiz(@Args(() => QuizArgs) args: QuizArgs, @Ctx() context: AtlasContext): Promise<QuizQuestion[]> {
    const max = context.config.learning.maxQuizQuestions;
    if (!Number.isInteger(args.count) || args.count < 1 || args.count > max)
      throw new BadInputError('count', `\`count\` must be from 1 to ${max}; got ${args.count}.`);
    if (args.topic !== undefined && args.topic !== null && args.topic.trim() === '') {
      throw new BadInputError(
        'topic',
        '`topic` is empty. Pass the slug of a concept, e.g. `docker-kill`, or leave it out to be quizzed on everything.',
      );
    }
    if (args.seed === undefined || args.seed === null) context.perCallAnswer = true;
    const questions = await context.services.quiz.quiz(args.topic ?? null, args.count, args.seed ?? randomSeed());
    return questions.map((question) => new QuizQuestion(question, args.lang));
  }

  @Query(() => AnswerResult, {
    description:
      "Grades a choice for a question from `quiz` or `tour`, against the graph, and explains the answer. BAD_USER_INPUT naming `questionId` when the id was not issued by this API or was changed, or `choice` when it is not one of the question's options; NOT_FOUND naming `questionId` when the graph has changed so that the question no longer has exactly one right option.",
  })
  async checkAnswer(
    @Args(() => CheckAnswerArgs) args: CheckAnswerArgs,
    @Ctx() context: AtlasContext,
  ): Promise<AnswerResult> {
    return new AnswerResult(await context.services.quiz.check(args.questionId, args.choice));
  }
}
