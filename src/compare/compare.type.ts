import { Field, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Direction, Lang, RelationType } from '../graph/vocabulary';
import { pickText } from '../i18n/lang';
import { LangArg } from '../i18n/lang.arg';
import type { AspectModel, ComparisonModel, SharedModel, ValueModel } from './compare.model';

@ObjectType({ description: "One compared concept's entry in an aspect of a comparison." })
export class ComparisonValue {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly model?: ValueModel) {}

  @Field(() => Concept, { description: 'The compared concept this entry is about.' })
  get concept(): Concept {
    return new Concept(this.model!.concept);
  }

  @Field(() => String, {
    nullable: true,
    description: 'The entry in the chosen language; null when the concept has nothing for this aspect.',
  })
  value(@LangArg() lang: Lang): string | null {
    return this.model!.text ? pickText(this.model!.text, lang) : null;
  }

  @Field(() => [Concept], {
    description:
      'For a derived aspect, the concepts the entry names (its related concepts); empty for a stored aspect.',
  })
  get concepts(): Concept[] {
    return this.model!.related.map((record) => new Concept(record));
  }
}

@ObjectType({ description: "One row of a comparison: what is compared, and each concept's entry." })
export class ComparisonAspect {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly model?: AspectModel) {}

  @Field(() => String, { description: 'What this row compares, in the chosen language ("Services per container").' })
  aspect(@LangArg() lang: Lang): string {
    return pickText(this.model!.label, lang);
  }

  @Field(() => RelationType, {
    nullable: true,
    description: 'For a derived aspect, the relation type it lists; null for a stored aspect.',
  })
  get type(): RelationType | null {
    return this.model!.type;
  }

  @Field(() => Direction, {
    nullable: true,
    description:
      'For a derived aspect, whether the compared concepts are the subjects (OUTGOING) or objects (INCOMING) of those relations; null for a stored aspect.',
  })
  get direction(): Direction | null {
    return this.model!.direction;
  }

  @Field(() => [ComparisonValue], {
    description: "One entry per compared concept, in the order of the comparison's `concepts`.",
  })
  get values(): ComparisonValue[] {
    return this.model!.values.map((value) => new ComparisonValue(value));
  }
}

@ObjectType({ description: 'A relation every compared concept has, to the same concept: what they have in common.' })
export class SharedRelation {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly model?: SharedModel) {}

  @Field(() => RelationType, { description: 'The kind of relation.' })
  get type(): RelationType {
    return this.model!.type;
  }

  @Field(() => Direction, {
    description:
      'OUTGOING when each compared concept is the subject (`compared TYPE concept`), INCOMING when it is the object.',
  })
  get direction(): Direction {
    return this.model!.direction;
  }

  @Field(() => Concept, { description: 'The concept they all relate to, e.g. `container` for two kinds of container.' })
  get concept(): Concept {
    return new Concept(this.model!.concept);
  }
}

@ObjectType({
  description:
    'Concepts side by side, aspect by aspect: a comparison from the study note, or one derived from the graph.',
})
export class Comparison {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(readonly model?: ComparisonModel) {}

  @Field(() => String, {
    nullable: true,
    description: 'The key of the stored comparison; null when the comparison was derived.',
  })
  get slug(): string | null {
    return this.model!.slug;
  }

  @Field(() => String, { description: 'A title in the chosen language ("OS container vs application container").' })
  title(@LangArg() lang: Lang): string {
    return pickText(this.model!.title, lang);
  }

  @Field(() => Boolean, {
    description:
      'False for a comparison written in the study note; true when no stored comparison covers these concepts and the aspects were derived from their relations.',
  })
  get derived(): boolean {
    return this.model!.derived;
  }

  @Field(() => [Concept], { description: 'The compared concepts, in the order they were asked for.' })
  get concepts(): Concept[] {
    return this.model!.concepts.map((record) => new Concept(record));
  }

  @Field(() => [ComparisonAspect], {
    description:
      'The rows. Stored: as the note gives them. Derived: one per relation type and direction any of the concepts has, the ones they share first.',
  })
  get aspects(): ComparisonAspect[] {
    return this.model!.aspects.map((aspect) => new ComparisonAspect(aspect));
  }

  @Field(() => String, {
    nullable: true,
    description: 'The section of the study note a stored comparison comes from; null when derived.',
  })
  get source(): string | null {
    return this.model!.source;
  }

  @Field(() => [SharedRelation], {
    description:
      'What all the compared concepts have in common: the same relation to the same concept (from the graph, for stored and derived comparisons alike).',
  })
  get shared(): SharedRelation[] {
    return this.model!.shared.map((shared) => new SharedRelation(shared));
  }
}
