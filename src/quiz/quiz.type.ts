import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { factSentence, nameIn } from '../facts/fact.sentences';
import type { ConceptRecord } from '../graph/graph.model';
import { Lang, RelationType } from '../graph/vocabulary';
import { type AskedInLang, LangArg } from '../i18n/lang.arg';
import { phraseOf } from '../i18n/sentences';
import type { AnswerModel, IssuedQuestion } from './quiz.service';
import { promptText } from './quiz.templates';

/** Which end of a relation a question asks for. */
export enum QuizAsks {
  OBJECT = 'OBJECT',
  SUBJECT = 'SUBJECT',
}

registerEnumType(QuizAsks, {
  name: 'QuizAsks',
  description: 'Which end of the relation `subject TYPE object` the learner has to find.',
  valuesConfig: {
    OBJECT: {
      description:
        'The subject is given (`concept`); the answer is an object: "Which signal does docker kill send?". Symmetric relations are always asked this way.',
    },
    SUBJECT: {
      description: 'The object is given (`concept`); the answer is a subject: "Which of these sends SIGKILL?".',
    },
  },
});

@ObjectType({ description: 'One option of a quiz question.' })
export class QuizOption implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly record?: ConceptRecord,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => ID, {
    description: 'What to pass as `choice` to `checkAnswer` (the slug of the concept the option names).',
  })
  get id(): string {
    return this.record!.slug;
  }

  @Field(() => String, { description: "The option as shown: the concept's name in the chosen language." })
  text(@LangArg() lang: Lang): string {
    return nameIn(this.record!, lang);
  }
}

@ObjectType({
  description:
    'A multiple-choice question made from one relation of the graph. Exactly one option is right; every other option is checked against the graph to be wrong. The answer is not part of the question: grade a choice with `checkAnswer`.',
})
export class QuizQuestion implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly model?: IssuedQuestion,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => ID, {
    description:
      'Tamper-evident id of the question, for `checkAnswer`. The same question always has the same id (on the same server configuration).',
  })
  get id(): string {
    return this.model!.id;
  }

  @Field(() => String, {
    description: 'The question in the chosen language, e.g. "Which signal does docker kill send?".',
  })
  prompt(@LangArg() lang: Lang): string {
    return promptText(this.model!.stem.type, this.model!.stem.asks, phraseOf(this.model!.stem.given, lang), lang);
  }

  @Field(() => [QuizOption], { description: 'Three or four options in the order to show them; one is right.' })
  get options(): QuizOption[] {
    return this.model!.options.map((option) => new QuizOption(option, this.askedLang));
  }

  @Field(() => RelationType, { description: 'The kind of relation the question is about.' })
  get kind(): RelationType {
    return this.model!.stem.type;
  }

  @Field(() => QuizAsks, {
    description: 'Whether the answer is the object (the concept is the subject) or the subject of the relation.',
  })
  get asks(): QuizAsks {
    return this.model!.stem.asks === 'SUBJECT' ? QuizAsks.SUBJECT : QuizAsks.OBJECT;
  }

  @Field(() => Concept, { description: 'The concept the question names (the given end of the relation).' })
  get concept(): Concept {
    return new Concept(this.model!.stem.given);
  }

  @Field(() => String, { description: 'The section of the study note the fact comes from.' })
  get source(): string {
    return this.model!.stem.source;
  }
}

@ObjectType({ description: 'The grade of one answer to a quiz question.' })
export class AnswerResult {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly model?: AnswerModel) {}

  @Field(() => Boolean, { description: 'Whether the choice is the right option.' })
  get correct(): boolean {
    return this.model!.correct;
  }

  @Field(() => ID, { description: 'The option that was chosen.' })
  get choice(): string {
    return this.model!.choice;
  }

  @Field(() => ID, { description: 'The `id` of the right option.' })
  get correctChoice(): string {
    return this.model!.answer.slug;
  }

  @Field(() => Concept, { description: 'The concept the right option names.' })
  get answer(): Concept {
    return new Concept(this.model!.answer);
  }

  @Field(() => String, {
    description:
      'Why the right option is right: the relation as a sentence, with its description from the note when there is one.',
  })
  explanation(@LangArg() lang: Lang): string {
    const { relation, subject, object } = this.model!;
    return factSentence(relation, subject, object, lang);
  }

  @Field(() => String, { description: 'The section of the study note that states the fact.' })
  get source(): string {
    return this.model!.relation.source;
  }
}
