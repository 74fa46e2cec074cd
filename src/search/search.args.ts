import { ArgsType, Field, Int } from 'type-graphql';

import type { LimitsConfig } from '../config';
import { BadInputError } from '../errors';
import { ConceptKind, Lang } from '../graph/vocabulary';
import { checkSize } from '../pagination/page';
import { luceneQueries } from './lucene';
import { planQuery, type QueryPlan } from './question';
import type { SearchPartRequest, SearchRequest } from './search.repository';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'What to look for, in Korean or English, as a learner would type it: words ("hyperv", "컨", a misspelling such as "dokcer"), Korean word forms ("컨테이너를 중지하려면"), everyday words ("suspend"), a question ("what is a unikernel", "도커란?") or a comparison ("docker stop vs docker kill", "도커와 VM 차이"). Plain text: no query syntax is interpreted.',
  })
  query!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'How many hits to return at most (default and maximum are configured; 20 and 100 unless changed).',
  })
  first?: number | null;

  @Field(() => [ConceptKind], { nullable: true, description: 'Only concepts of these kinds.' })
  kinds?: ConceptKind[] | null;

  @Field(() => Lang, {
    nullable: true,
    description:
      "Which language's name weighs more in the ranking. Without it the Accept-Language header decides, then English. Matching itself always covers both languages.",
  })
  lang?: Lang | null;
}

/** A checked search: what the text asks for, and the repository request (null when the text has no words to search). */
export interface SearchPlan {
  plan: QueryPlan;
  request: SearchRequest | null;
}

/** Checks the search arguments and turns them into a repository request. */
export function toSearchRequest(args: SearchArgs, lang: Lang, limits: LimitsConfig): SearchPlan {
  const text = args.query.trim();
  if (text.length === 0)
    throw new BadInputError('query', '`query` is empty. Type at least one word, e.g. "container" or "컨테이너".');
  if (args.query.length > limits.maxSearchLength) {
    throw new BadInputError(
      'query',
      `\`query\` is ${args.query.length} characters long; the limit is ${limits.maxSearchLength}. Search with fewer words.`,
    );
  }
  const limit =
    args.first === null || args.first === undefined ? limits.defaultPageSize : checkSize('first', args.first, limits);
  return planSearch(text, { kinds: args.kinds ?? null, preferKo: lang === Lang.KO, limit });
}

/** What a text reads as: its plan and the Lucene queries and needles of its parts (null: nothing to search for). */
interface ReadText {
  plan: QueryPlan;
  parts: SearchPartRequest[] | null;
}

/** How many texts keep what they read as; the same texts are searched again and again (every text the box suggests). */
const READ_TEXTS = 1000;
const readTexts = new Map<string, ReadText>();

/**
 * Reads a text into its plan and parts once: reading it (words, stems, question forms, Lucene clauses) is a few
 * percent of a search's CPU in the server, and depends on the text alone. The oldest text read goes first when the
 * map is full. What is kept is shared by every search of that text and never changed.
 */
function readText(text: string): ReadText {
  const known = readTexts.get(text);
  if (known) return known;
  const plan = planQuery(text);
  // Text of punctuation only ("?", "*") has nothing to search for: no hits, as for any word nothing matches.
  const parts =
    plan.whole.words.length === 0
      ? null
      : [plan.whole, ...plan.sides].map((part) => ({ ...luceneQueries(part.words), needles: part.needles }));
  if (readTexts.size >= READ_TEXTS) readTexts.delete(readTexts.keys().next().value!);
  const read = { plan, parts };
  readTexts.set(text, read);
  return read;
}

/** Reads checked text into a plan and a repository request. */
export function planSearch(text: string, options: Omit<SearchRequest, 'parts'>): SearchPlan {
  const { plan, parts } = readText(text);
  return { plan, request: parts ? { parts, ...options } : null };
}
