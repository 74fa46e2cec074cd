import { Ctx, Field, Int, ObjectType } from 'type-graphql';

import type { ConceptRecord } from '../graph/graph.model';
import { Lang } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { LangArg, langOf } from '../i18n/lang.arg';
import { type CursorOf, PageInfo } from '../pagination/page-info.type';
import { Concept } from './concept.type';

@ObjectType({ description: 'One concept in a list, with its cursor.' })
export class ConceptEdge {
  private cursorOf!: CursorOf;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(node?: Concept, cursorOf?: CursorOf) {
    if (node) this.node = node;
    if (cursorOf) this.cursorOf = cursorOf;
  }

  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` or `before` with the same orderBy.' })
  get cursor(): string {
    return this.cursorOf();
  }

  @Field(() => Concept, { description: 'The concept.' })
  node!: Concept;
}

@ObjectType({ description: 'A page of concepts (Relay connection).' })
export class ConceptConnection {
  @Field(() => [ConceptEdge], { description: 'The concepts on this page, in the requested order.' })
  edges!: ConceptEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  // Null only when the selection does not ask for it (see totalAsked), so never sent as null.
  @Field(() => Int, { description: 'Number of concepts matching the filter, over all pages.' })
  totalCount!: number | null;
}

@ObjectType({ description: 'A command-line flag of a command and what it does.' })
export class CommandFlag {
  record!: ConceptRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: ConceptRecord) {
    if (record) this.record = record;
  }

  @Field(() => String, { description: 'The flag as typed, e.g. `-t` (the flag concept\'s syntax, or its name when it has none).' })
  get flag(): string {
    return this.record.syntax ?? this.record.nameEn;
  }

  @Field(() => String, { description: 'What the flag does, in the chosen language (the flag concept\'s summary).' })
  meaning(@LangArg() lang: Lang | undefined, @Ctx() context: { lang?: Lang }): string {
    return pick(this.record.summaryKo, this.record.summaryEn, langOf(lang, context)) ?? '';
  }

  @Field(() => Concept, { description: 'The flag as a concept of its own.' })
  get concept(): Concept {
    return new Concept(this.record);
  }
}
