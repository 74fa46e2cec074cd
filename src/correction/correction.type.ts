import { Field, ObjectType } from 'type-graphql';

import type { Correction as CorrectionRecord } from '../graph/graph.model';
import { Lang } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg } from '../i18n/lang.arg';

/**
 * Where the study note is wrong or out of date: what it claims, marked as its claim, and what is true instead, with
 * a page that says so. A frontend shows it beside the fact, never as the fact: the graph's relations already state
 * the truth, and no quiz, tour or path takes its answer from `noteSays`.
 */
@ObjectType({
  description:
    'Where the study note is wrong or out of date: what the note claims, what is true instead, and a reference for the truth.',
})
export class Correction {
  record!: CorrectionRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: CorrectionRecord) {
    if (record) this.record = record;
  }

  @Field(() => String, {
    description:
      "What the study note claims, in the chosen language. It is the note's claim, not a fact: show it as such.",
  })
  noteSays(@LangArg() lang: Lang): string {
    return pick(this.record.noteSays.ko, this.record.noteSays.en, lang) ?? '';
  }

  @Field(() => String, { description: 'What is true instead, according to the reference, in the chosen language.' })
  truth(@LangArg() lang: Lang): string {
    return pick(this.record.truth.ko, this.record.truth.en, lang) ?? '';
  }

  @Field(() => String, { description: 'Address of the documentation page that states the truth (https).' })
  get reference(): string {
    return this.record.reference;
  }
}
