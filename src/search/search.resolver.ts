import { Args, Ctx, Query, Resolver } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { primeConcepts } from '../concept/concept.loader';
import type { AtlasContext } from '../context';
import { langOf } from '../i18n/lang.arg';
import { SearchArgs, toSearchRequest } from './search.args';
import { SearchHit } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over concept names, aliases and summaries in Korean and English, best match first.' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() context: AtlasContext): Promise<SearchHit[]> {
    const hits = await context.repos.search.search(toSearchRequest(args, langOf(args.lang, context), context.config.limits));
    primeConcepts(context.loaders.concepts, hits.map((hit) => hit.concept));
    return hits.map((hit) => ({ concept: new Concept(hit.concept), score: hit.score }));
  }
}
