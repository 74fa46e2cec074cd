import { Field, ObjectType } from 'type-graphql';

import type { ConceptRecord } from '../graph/graph.model';
import { Lang } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg } from '../i18n/lang.arg';
import { ConnectionType, EdgeType } from '../pagination/connection.type';
import { Concept } from './concept.type';

@ObjectType({ description: 'One concept in a list, with its cursor.' })
export class ConceptEdge extends EdgeType(Concept, {
  cursor: 'Opaque cursor of this edge; pass it as `after` or `before` with the same orderBy.',
  node: 'The concept.',
}) {}

@ObjectType({ description: 'A page of concepts (Relay connection).' })
export class ConceptConnection extends ConnectionType(ConceptEdge, {
  edges: 'The concepts on this page, in the requested order.',
  totalCount: 'Number of concepts matching the filter, over all pages.',
}) {}

@ObjectType({ description: 'A command-line flag of a command and what it does.' })
export class CommandFlag {
  record!: ConceptRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: ConceptRecord) {
    if (record) this.record = record;
  }

  @Field(() => String, {
    description: "The flag as typed, e.g. `-t` (the flag concept's syntax, or its name when it has none).",
  })
  get flag(): string {
    return this.record.syntax ?? this.record.nameEn;
  }

  @Field(() => String, { description: "What the flag does, in the chosen language (the flag concept's summary)." })
  meaning(@LangArg() lang: Lang): string {
    return pick(this.record.summaryKo, this.record.summaryEn, lang) ?? '';
  }

  @Field(() => Concept, { description: 'The flag as a concept of its own.' })
  get concept(): Concept {
    return new Concept(this.record);
  }
}
