import { ArgsType, Field, Int } from 'type-graphql';

import type { LimitsConfig } from '../config';
import { BadInputError } from '../errors';
import { ConceptKind, Lang } from '../graph/vocabulary';
import { checkSize } from '../pagination/page';
import { toLuceneQuery } from './lucene';
import type { SearchRequest } from './search.repository';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: 'Words to look for in names, aliases and summaries, in Korean or English. Every word also matches as a prefix ("hyperv", "컨"). Plain text: no query syntax is interpreted.',
  })
  query!: string;

  @Field(() => Int, { nullable: true, description: 'How many hits to return at most (default and maximum are configured; 20 and 100 unless changed).' })
  first?: number | null;

  @Field(() => [ConceptKind], { nullable: true, description: 'Only concepts of these kinds.' })
  kinds?: ConceptKind[] | null;

  @Field(() => Lang, {
    nullable: true,
    description: 'Which language\'s name weighs more in the ranking. Without it the Accept-Language header decides, then English. Matching itself always covers both languages.',
  })
  lang?: Lang | null;
}

/** Checks the search arguments and turns them into a repository request. */
export function toSearchRequest(args: SearchArgs, lang: Lang, limits: LimitsConfig): SearchRequest {
  const text = args.query.trim();
  if (text.length === 0) throw new BadInputError('query', '`query` is empty. Type at least one word, e.g. "container" or "컨테이너".');
  if (args.query.length > limits.maxSearchLength) {
    throw new BadInputError('query', `\`query\` is ${args.query.length} characters long; the limit is ${limits.maxSearchLength}. Search with fewer words.`);
  }
  return {
    lucene: toLuceneQuery(text),
    needle: text.toLowerCase(),
    kinds: args.kinds ?? null,
    preferKo: lang === Lang.KO,
    limit: args.first === null || args.first === undefined ? limits.defaultPageSize : checkSize('first', args.first, limits),
  };
}
