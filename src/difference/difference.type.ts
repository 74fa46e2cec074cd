import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Lang, RelationType } from '../graph/vocabulary';
import { pickText } from '../i18n/lang';
import { type AskedInLang, LangArg } from '../i18n/lang.arg';
import { Relation } from '../relation/relation.type';
import type { DifferenceModel, PointModel } from './difference.model';
import type { CommonRecord } from './difference.common';
import {
  commonSentences,
  directSentences,
  explanation,
  pointLabel,
  pointSentence,
  sharedSentences,
  sideText,
} from './difference.text';

@ObjectType({
  description:
    'One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts).',
})
export class DifferencePoint implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly point?: PointModel,
    readonly model?: DifferenceModel,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => String, {
    description: 'What is compared: the comparison\'s row heading, or the kind of relation ("Runs on", "Examples").',
  })
  aspect(@LangArg() lang: Lang): string {
    return pointLabel(this.point!, this.model!, lang);
  }

  @Field(() => String, {
    nullable: true,
    description:
      'What the first concept (or, in a comparison of their kinds, its kind) has here, as a sentence; null when nothing is recorded.',
  })
  a(@LangArg() lang: Lang): string | null {
    return sideText(this.point!, this.point!.a, lang);
  }

  @Field(() => String, {
    nullable: true,
    description: 'What the second concept (or its kind) has here, as a sentence; null when nothing is recorded.',
  })
  b(@LangArg() lang: Lang): string | null {
    return sideText(this.point!, this.point!.b, lang);
  }

  @Field(() => String, { description: 'Both sides in one text.' })
  sentence(@LangArg() lang: Lang): string {
    return pointSentence(this.point!, lang);
  }

  @Field(() => RelationType, {
    nullable: true,
    description: 'For a row made from relations, their type; null for a row of a stored comparison.',
  })
  get relationType(): RelationType | null {
    return this.point!.type;
  }

  @Field(() => String, {
    nullable: true,
    description: 'The slug of the stored comparison the row comes from; null for a row made from relations.',
  })
  get comparison(): string | null {
    return this.point!.comparison?.slug ?? null;
  }

  @Field(() => [String], { description: 'The sections of the study note the row comes from.' })
  get sources(): string[] {
    return this.point!.sources;
  }
}

@ObjectType({ description: 'The nearest concept two concepts both lead to, and how each gets there.' })
export class CommonConcept implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly common?: CommonRecord,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => Concept, {
    description: 'The common concept (it may be one of the two, when the other is a kind of it).',
  })
  get concept(): Concept {
    return new Concept(this.common!.concept);
  }

  @Field(() => Int, { description: 'Steps from the first concept to it.' })
  get fromA(): number {
    return this.common!.fromA.relations.length;
  }

  @Field(() => Int, { description: 'Steps from the second concept to it.' })
  get fromB(): number {
    return this.common!.fromB.relations.length;
  }

  @Field(() => Boolean, {
    description:
      'True when both reach it as kinds, examples or parts of it (IS_A, EXAMPLE_OF, PART_OF); false when over other relations (what they run on, use, are built from, ...).',
  })
  get byHierarchy(): boolean {
    return this.common!.byHierarchy;
  }

  @Field(() => [String], { description: 'The relations walked from both sides, as sentences.' })
  sentences(@LangArg() lang: Lang): string[] {
    return commonSentences(this.common!, lang);
  }

  @Field(() => [Relation], { description: 'The relations walked: from the first concept, then from the second.' })
  get relations(): Relation[] {
    return [this.common!.fromA, this.common!.fromB].flatMap((walk) =>
      walk.relations.map(
        (relation) =>
          new Relation(relation, {
            from: walk.nodes.find((n) => n.slug === relation.from),
            to: walk.nodes.find((n) => n.slug === relation.to),
          }),
      ),
    );
  }
}

@ObjectType({ description: 'Two concepts explained side by side in sentences.' })
export class Difference implements AskedInLang {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly model?: DifferenceModel,
    readonly askedLang?: Lang | null,
  ) {}

  @Field(() => Concept, { description: 'The first concept.' })
  get a(): Concept {
    return new Concept(this.model!.a);
  }

  @Field(() => Concept, { description: 'The second concept.' })
  get b(): Concept {
    return new Concept(this.model!.b);
  }

  @Field(() => String, {
    description: 'A title: the study note\'s comparison title when it compares exactly these two, otherwise "A vs B".',
  })
  title(@LangArg() lang: Lang): string {
    return pickText(this.model!.title, lang);
  }

  @Field(() => [String], {
    description:
      'How the two are related to each other directly, one sentence per relation ("OS container contrasts with application container.").',
  })
  related(@LangArg() lang: Lang): string[] {
    return directSentences(this.model!, lang);
  }

  @Field(() => [String], { description: 'What both have: the same relation to the same concept, as sentences.' })
  shared(@LangArg() lang: Lang): string[] {
    return sharedSentences(this.model!.shared, this.model!.a, this.model!.b, lang);
  }

  @Field(() => [DifferencePoint], {
    description:
      "Where they differ: the rows of the study note's comparison of the two, then of comparisons of their kinds, then relations of a type one has with concepts the other has not.",
  })
  get differences(): DifferencePoint[] {
    return this.model!.points.map((point) => new DifferencePoint(point, this.model, this.askedLang));
  }

  @Field(() => CommonConcept, {
    nullable: true,
    description: 'The nearest concept both lead to; null when none is within reach.',
  })
  get nearestCommon(): CommonConcept | null {
    return this.model!.common ? new CommonConcept(this.model!.common, this.askedLang) : null;
  }

  @Field(() => String, {
    description:
      'All of the above as one text: relations, what they share, each difference, the nearest common concept.',
  })
  explanation(@LangArg() lang: Lang): string {
    return explanation(this.model!, lang);
  }
}
