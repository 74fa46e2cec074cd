import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { factSentence, nameIn } from '../facts/fact.sentences';
import type { ConceptRecord } from '../graph/graph.model';
import { Lang } from '../graph/vocabulary';
import { type AskedInLang, LangArg } from '../i18n/lang.arg';
import { withParticle } from '../i18n/sentences';
import { QuizQuestion } from '../quiz/quiz.type';
import { Relation } from '../relation/relation.type';
import type { IssuedQuestion } from '../quiz/quiz.service';
import type { TourStepModel } from './tour.plan';

@ObjectType({
  description: 'One step of a guided tour: the concept to learn now, why it comes now, and a question to check it.',
})
export class TourStep implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly model?: TourStepModel,
    /** Concepts by slug, for the ends of `via`. */
    readonly concepts?: Map<string, ConceptRecord>,
    readonly question?: IssuedQuestion | null,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => Int, { description: 'Place in the tour, from 1.' })
  get position(): number {
    return this.model!.position;
  }

  @Field(() => Concept, { description: 'The concept to learn at this step.' })
  get concept(): Concept {
    return new Concept(this.model!.concept);
  }

  @Field(() => String, {
    description:
      'Why this step comes now: the relation that ties it to something already on the tour (or, for a first step, to what needs it) as a sentence.',
  })
  why(@LangArg() lang: Lang): string {
    const via = this.model!.via;
    const subject = via && this.concepts!.get(via.from);
    const object = via && this.concepts!.get(via.to);
    if (via && subject && object) return factSentence(via, subject, object, lang);
    const name = nameIn(this.model!.concept, lang);
    // A first step is a place in the learning order, so it is named as a topic of study, as learning-order sentences
    // name them ("In the learning order, Container comes before Unikernel.").
    return lang === Lang.KO
      ? `${withParticle(name, '은/는')} 출발점이다. 먼저 알아야 할 다른 개념이 없다.`
      : `In the learning order, nothing comes before ${name}: it is a starting point.`;
  }

  @Field(() => Relation, {
    nullable: true,
    description: 'The relation `why` states; null when the step is tied to nothing else on the tour.',
  })
  get via(): Relation | null {
    const via = this.model!.via;
    return via ? new Relation(via, { from: this.concepts!.get(via.from), to: this.concepts!.get(via.to) }) : null;
  }

  @Field(() => QuizQuestion, {
    nullable: true,
    description:
      'A short question about the concept (grade it with `checkAnswer`); null when the graph has no fact about it to ask.',
  })
  get check(): QuizQuestion | null {
    return this.question ? new QuizQuestion(this.question, this.askedLang) : null;
  }
}

@ObjectType({
  description: 'A guided walk from what a learner knows to a target concept, along prerequisites and relations.',
})
export class Tour {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly fromRecord?: ConceptRecord | null,
    readonly toRecord?: ConceptRecord,
    readonly stepList?: TourStep[],
    readonly knownCount?: number,
  ) {}

  @Field(() => Concept, {
    nullable: true,
    description: 'The concept the learner starts from; null when the tour starts at the basics.',
  })
  get from(): Concept | null {
    return this.fromRecord ? new Concept(this.fromRecord) : null;
  }

  @Field(() => Concept, { description: 'The concept the tour leads to: always its last step.' })
  get to(): Concept {
    return new Concept(this.toRecord);
  }

  @Field(() => [TourStep], { description: 'The steps in order, each concept once, ending at `to`.' })
  get steps(): TourStep[] {
    return this.stepList!;
  }

  @Field(() => Int, {
    description:
      'How many concepts were left out because the learner knows them already: `from` and everything it requires.',
  })
  get skipped(): number {
    return this.knownCount!;
  }
}
