import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { langOf } from '../i18n/lang.arg';
import type { ConceptRead } from '../graph/graph.model';
import { conceptReadAt } from '../readahead/walk.plan';
import type { SearchIntent as PlanIntent } from './question';
import { buildAnswer, type SearchAnswerModel } from './search.answer';
import { SearchArgs, toSearchRequest } from './search.args';
import { SearchAnswer, SearchComparison, SearchHit, SearchIntent } from './search.type';

const INTENTS: Record<PlanIntent, SearchIntent> = {
  WORDS: SearchIntent.WORDS,
  DEFINITION: SearchIntent.DEFINITION,
  COMPARISON: SearchIntent.COMPARISON,
};

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over concept names, aliases, learner words and summaries in Korean and English, best match first; tolerant of misspellings, Korean particles and endings, and question wording. `searchAnswer` returns the same hits with "did you mean" and the comparison a question asks for.',
  })
  async search(
    @Args(() => SearchArgs) args: SearchArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    const answer = await this.answer(args, context, conceptReadAt(info, ['concept'], langOf(null, context)));
    return this.toHits(answer, context);
  }

  @Query(() => SearchAnswer, {
    description:
      'The same search as `search`, answered with what it made of the text: the hits, the intent (words, a definition or a comparison question), "did you mean" for a misspelled text, and for "X vs Y" the stored comparison.',
  })
  async searchAnswer(
    @Args(() => SearchArgs) args: SearchArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchAnswer> {
    const answer = await this.answer(args, context, conceptReadAt(info, ['hits', 'concept'], langOf(null, context)));
    return {
      hits: this.toHits(answer, context),
      intent: INTENTS[answer.intent],
      didYouMean: answer.didYouMean,
      comparison: answer.comparison ? new SearchComparison(answer.comparison, args.lang ?? undefined) : null,
    };
  }

  private async answer(args: SearchArgs, context: AtlasContext, read: ConceptRead): Promise<SearchAnswerModel> {
    const { plan, request } = toSearchRequest(args, langOf(args.lang, context), context.config.limits);
    const records = request ? await context.repos.search.search(request, read) : null;
    return buildAnswer(args.query, plan, records, request?.limit ?? 0);
  }

  private toHits(answer: SearchAnswerModel, context: AtlasContext): SearchHit[] {
    context.loaders.readAhead.remember(answer.hits.map((hit) => hit.concept));
    return answer.hits.map((hit) => ({ concept: new Concept(hit.concept), score: hit.score }));
  }
}
