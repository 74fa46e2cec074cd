import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Lang } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { type AskedInLang, LangArg } from '../i18n/lang.arg';
import type { ComparisonRecord } from './search.repository';

@ObjectType({ description: 'A concept that matches a search, with how well it matches.' })
export class SearchHit {
  @Field(() => Concept, { description: 'The matching concept.' })
  concept!: Concept;

  @Field(() => Float, {
    description:
      'Relevance; hits come in descending order of it. 3, 2 or 1 is added for an exact match of the name in the chosen language, the name in the other language, or an alias or learner word (case, spacing and Korean particles ignored); the rest (up to 1) is the full-text score relative to the best hit. The two concepts a comparison question names come first, with 5 and 4.99.',
  })
  score!: number;
}

export enum SearchIntent {
  WORDS = 'WORDS',
  DEFINITION = 'DEFINITION',
  COMPARISON = 'COMPARISON',
}

registerEnumType(SearchIntent, {
  name: 'SearchIntent',
  description: 'What a search text asks for, as read from its wording in Korean or English.',
  valuesConfig: {
    WORDS: { description: 'Plain words ("docker stop", "컨테이너를 중지하려면").' },
    DEFINITION: {
      description: 'What something is ("what is a unikernel", "도커란?"): the question words are not searched.',
    },
    COMPARISON: {
      description:
        'Two things side by side ("X vs Y", "X와 Y 차이", "difference between X and Y"): the concepts of both sides come first, and `comparison` names the stored comparison of them if there is one.',
    },
  },
});

@ObjectType({
  description:
    'A stored comparison a search question asks for; its table is `compare(slugs:)` with the slugs of `concepts`.',
})
export class SearchComparison implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly record?: ComparisonRecord,
    readonly askedLang?: Lang,
  ) {}

  @Field(() => String, { description: 'The key of the stored comparison, e.g. "docker-stop-vs-docker-kill".' })
  get slug(): string {
    return this.record!.slug;
  }

  @Field(() => String, {
    description:
      'Its title in the chosen language ("docker stop vs docker kill"); without `lang`, in the language the search was asked in.',
  })
  title(@LangArg() lang: Lang): string {
    return pick(this.record!.titleKo, this.record!.titleEn, lang) ?? this.record!.slug;
  }

  @Field(() => [Concept], {
    description: "The compared concepts, in the comparison's column order; pass their slugs to `compare`.",
  })
  get concepts(): Concept[] {
    return this.record!.concepts.map((ref) => new Concept(ref));
  }
}

@ObjectType({ description: 'The answer to a search: the hits, and what the search made of the text.' })
export class SearchAnswer {
  @Field(() => [SearchHit], { description: 'The matching concepts, best first (the same as `search` returns).' })
  hits!: SearchHit[];

  @Field(() => SearchIntent, {
    description: 'What the text was read as: plain words, a definition question or a comparison.',
  })
  intent!: SearchIntent;

  @Field(() => String, {
    nullable: true,
    description:
      'When no name matched the text as typed and a word looked misspelled, the text with the words found instead ("docker stop" for "dokcer stop"): show it as "did you mean". The hits already include what it found. Null when the text matched as typed.',
  })
  didYouMean!: string | null;

  @Field(() => SearchComparison, {
    nullable: true,
    description: 'For a comparison question, the stored comparison of the two sides when one exists; null otherwise.',
  })
  comparison!: SearchComparison | null;
}
