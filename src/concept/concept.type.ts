import { Ctx, Field, ID, Int, ObjectType } from 'type-graphql';

import type { ConceptRecord } from '../graph/graph.model';
import { ConceptKind, Lang } from '../graph/vocabulary';
import { LangArg, langOf } from '../i18n/lang.arg';
import { pick } from '../i18n/lang';
import { toGlobalId } from '../node/global-id';
import { Node } from '../node/node.type';

/** The part of the request context the text fields need. */
interface LangContext {
  lang?: Lang;
}

/**
 * A concept of the knowledge graph. Build it from a repository record with `new Concept(record)`; the text fields
 * pick the language per field. Fields that need the database (degree, flags, related) live in ConceptResolver and
 * go through the per-request DataLoaders.
 */
@ObjectType({ implements: Node, description: 'A concept of container technology: a technology, product, command, stage, signal, ...' })
export class Concept implements Node {
  /** The stored record; kept whole so other capabilities can read any property without another query. */
  record!: ConceptRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: ConceptRecord) {
    if (record) this.record = record;
  }

  static from(record: ConceptRecord): Concept {
    return new Concept(record);
  }

  @Field(() => ID, { description: 'Opaque global id; `node(id:)` fetches the concept again.' })
  get id(): string {
    return toGlobalId('Concept', this.record.slug);
  }

  @Field(() => String, { description: 'Stable, human-readable key, e.g. `docker-build`. Use it with `concept(slug:)`.' })
  get slug(): string {
    return this.record.slug;
  }

  @Field(() => ConceptKind, { description: 'What sort of thing the concept is.' })
  get kind(): ConceptKind {
    return this.record.kind;
  }

  @Field(() => String, { description: 'Name in the chosen language (falls back to the other language, never null).' })
  name(@LangArg() lang: Lang | undefined, @Ctx() context: LangContext): string {
    return pick(this.record.nameKo, this.record.nameEn, langOf(lang, context)) ?? this.record.slug;
  }

  @Field(() => [String], { description: 'Other names in the chosen language; the other language when none are recorded.' })
  aliases(@LangArg() lang: Lang | undefined, @Ctx() context: LangContext): string[] {
    const chosen = langOf(lang, context);
    const [first, second] = chosen === Lang.KO ? [this.record.aliasesKo, this.record.aliasesEn] : [this.record.aliasesEn, this.record.aliasesKo];
    return first.length > 0 ? first : second;
  }

  @Field(() => String, { description: 'One- or two-sentence explanation in the chosen language (falls back, never null).' })
  summary(@LangArg() lang: Lang | undefined, @Ctx() context: LangContext): string {
    return pick(this.record.summaryKo, this.record.summaryEn, langOf(lang, context)) ?? '';
  }

  @Field(() => String, { nullable: true, description: 'Longer explanation in the chosen language; null when the note has none.' })
  details(@LangArg() lang: Lang | undefined, @Ctx() context: LangContext): string | null {
    return pick(this.record.detailsKo, this.record.detailsEn, langOf(lang, context));
  }

  @Field(() => [String], { description: 'Free-form tags, e.g. `docker`, `lifecycle`.' })
  get tags(): string[] {
    return this.record.tags;
  }

  @Field(() => String, { description: 'The section of the study note the concept comes from.' })
  get source(): string {
    return this.record.source;
  }

  @Field(() => String, { nullable: true, description: 'Command-line syntax of a command or flag, e.g. `docker build -t <name> .`; null for other kinds.' })
  get syntax(): string | null {
    return this.record.syntax;
  }

  @Field(() => Int, { nullable: true, description: 'Position of a lifecycle stage (1 = first); null for other kinds.' })
  get order(): number | null {
    return this.record.order;
  }
}
