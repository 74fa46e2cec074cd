import { Field, Int, ObjectType } from 'type-graphql';

import { Correction } from '../correction/correction.type';
import { type ConceptPart, type ConceptRecord, parseCorrection, type RelationRecord } from '../graph/graph.model';
import { Lang, RelationType } from '../graph/vocabulary';
import { LangArg } from '../i18n/lang.arg';
import { pick } from '../i18n/lang';
import { relationLabel } from '../i18n/sentences';

/**
 * One stored relation `from -[type]-> to`, for subgraph edges and path hops. Build it with
 * `new Relation(record, { from, to })`; when the end concepts are not given, RelationResolver loads them by slug
 * through the per-request DataLoader, so a list of relations costs one extra round trip, not one per relation.
 */
@ObjectType({
  description:
    'A relation between two concepts, read as a sentence: `from TYPE to` ("docker-stop SENDS_SIGNAL sigterm").',
})
export class Relation {
  record!: RelationRecord;
  /** End concepts the caller already had; RelationResolver uses them instead of loading. */
  fromRecord?: ConceptRecord | ConceptPart;
  toRecord?: ConceptRecord | ConceptPart;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    record?: RelationRecord,
    ends: { from?: ConceptRecord | ConceptPart; to?: ConceptRecord | ConceptPart } = {},
  ) {
    if (record) this.record = record;
    this.fromRecord = ends.from;
    this.toRecord = ends.to;
  }

  @Field(() => RelationType, { description: 'The kind of relation.' })
  get type(): RelationType {
    return this.record.type;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Why the two concepts are related, in the chosen language; null when the note says nothing.',
  })
  description(@LangArg() lang: Lang): string | null {
    return pick(this.record.descriptionKo, this.record.descriptionEn, lang);
  }

  @Field(() => Int, {
    nullable: true,
    description:
      'Position among relations of the same type from the same concept (stages, flags); null when unordered.',
  })
  get order(): number | null {
    return this.record.order;
  }

  @Field(() => String, { description: 'The section of the study note the relation comes from.' })
  get source(): string {
    return this.record.source;
  }

  @Field(() => String, {
    description:
      'The relation type as a learner reads it, in the chosen language: "is best learned after", "sends the signal".',
  })
  label(@LangArg() lang: Lang): string {
    return relationLabel(this.record.type, lang);
  }

  @Field(() => Correction, {
    nullable: true,
    description:
      'Where the study note is wrong about this relation: its claim and the truth; null when the note is right. The relation itself states the truth.',
  })
  get correction(): Correction | null {
    const correction = parseCorrection(this.record.correction);
    return correction ? new Correction(correction) : null;
  }
}
