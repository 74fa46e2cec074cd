import { Ctx, Field, ID, Int, ObjectType } from 'type-graphql';

import { Correction } from '../correction/correction.type';
import { AtlasError, ErrorCode } from '../errors';
import { type ConceptPart, type ConceptRecord, isConceptRecord, parseCorrection } from '../graph/graph.model';
import { ConceptKind, Lang } from '../graph/vocabulary';
import { LangArg } from '../i18n/lang.arg';
import { pick } from '../i18n/lang';
import { toGlobalId } from '../node/global-id';
import { Node } from '../node/node.type';
import type { ReadAhead } from '../readahead/readahead.loader';

/** The part of the request context the fields need: the read-ahead that completes a ConceptRef. */
interface ConceptContext {
  loaders: { readAhead: Pick<ReadAhead, 'whole'> };
}

/**
 * A concept of the knowledge graph. Build it from a repository record with `new Concept(record)`; the text fields
 * pick the language per field. Built from a ConceptPart (lists of related concepts, pages, search hits read with the
 * fields their selection asks for), it has its slug and those fields at hand and reads the rest of its record through
 * the per-request read-ahead when a client asks for a field of it, a field the part left out included.
 * Fields that need the database (degree, flags, related) live in resolvers and go through the DataLoaders too.
 */
@ObjectType({
  implements: Node,
  description: 'A concept of container technology: a technology, product, command, stage, signal, ...',
})
export class Concept implements Node {
  /** The stored record, or the part of it a list of concepts carried. */
  record!: ConceptRecord | ConceptPart;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: ConceptRecord | ConceptPart) {
    if (record) this.record = record;
  }

  static from(record: ConceptRecord): Concept {
    return new Concept(record);
  }

  /** The whole record: the one it was built with, or, built from a part, one batched read per request. */
  private async whole(context: ConceptContext): Promise<ConceptRecord> {
    if (isConceptRecord(this.record)) return this.record;
    const record = await context.loaders.readAhead.whole(this.record);
    // The concept was removed between two reads of this request (the seeder replaced the graph).
    if (!record)
      throw new AtlasError(ErrorCode.NOT_FOUND, `The concept "${this.record.slug}" no longer exists. Ask again.`);
    this.record = record;
    return record;
  }

  @Field(() => ID, { description: 'Opaque global id; `node(id:)` fetches the concept again.' })
  get id(): string {
    return toGlobalId('Concept', this.record.slug);
  }

  @Field(() => String, {
    description: 'Stable, human-readable key, e.g. `docker-build`. Use it with `concept(slug:)`.',
  })
  get slug(): string {
    return this.record.slug;
  }

  @Field(() => ConceptKind, { description: 'What sort of thing the concept is.' })
  kind(@Ctx() context: ConceptContext): ConceptKind | Promise<ConceptKind> {
    return this.record.kind ?? this.whole(context).then((record) => record.kind);
  }

  @Field(() => String, { description: 'Name in the chosen language (falls back to the other language, never null).' })
  name(@LangArg() lang: Lang, @Ctx() context: ConceptContext): string | Promise<string> {
    const { nameKo, nameEn, slug } = this.record;
    const own = lang === Lang.KO ? nameKo : nameEn;
    if (own) return own;
    // A part read with one name holds it only when it is there to show; the fallback needs the other one.
    if (nameKo === undefined || nameEn === undefined)
      return this.whole(context).then((record) => pick(record.nameKo, record.nameEn, lang) ?? record.slug);
    return pick(nameKo, nameEn, lang) ?? slug;
  }

  @Field(() => [String], {
    description: 'Other names in the chosen language; the other language when none are recorded.',
  })
  async aliases(@LangArg() lang: Lang, @Ctx() context: ConceptContext): Promise<string[]> {
    const record = await this.whole(context);
    const [first, second] =
      lang === Lang.KO ? [record.aliasesKo, record.aliasesEn] : [record.aliasesEn, record.aliasesKo];
    return first.length > 0 ? first : second;
  }

  @Field(() => String, {
    description: 'One- or two-sentence explanation in the chosen language (falls back, never null).',
  })
  async summary(@LangArg() lang: Lang, @Ctx() context: ConceptContext): Promise<string> {
    const record = await this.whole(context);
    return pick(record.summaryKo, record.summaryEn, lang) ?? '';
  }

  @Field(() => String, {
    nullable: true,
    description: 'Longer explanation in the chosen language; null when the note has none.',
  })
  async details(@LangArg() lang: Lang, @Ctx() context: ConceptContext): Promise<string | null> {
    const record = await this.whole(context);
    return pick(record.detailsKo, record.detailsEn, lang);
  }

  @Field(() => [String], { description: 'Free-form tags, e.g. `docker`, `lifecycle`.' })
  async tags(@Ctx() context: ConceptContext): Promise<string[]> {
    return (await this.whole(context)).tags;
  }

  @Field(() => String, { description: 'The section of the study note the concept comes from.' })
  async source(@Ctx() context: ConceptContext): Promise<string> {
    return (await this.whole(context)).source;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Command-line syntax of a command or flag, e.g. `docker build -t <name> .`; null for other kinds.',
  })
  async syntax(@Ctx() context: ConceptContext): Promise<string | null> {
    return (await this.whole(context)).syntax;
  }

  @Field(() => Int, { nullable: true, description: 'Position of a lifecycle stage (1 = first); null for other kinds.' })
  async order(@Ctx() context: ConceptContext): Promise<number | null> {
    return (await this.whole(context)).order;
  }

  @Field(() => Correction, {
    nullable: true,
    description:
      'Where the study note is wrong about this concept: its claim and the truth; null when the note is right.',
  })
  async correction(@Ctx() context: ConceptContext): Promise<Correction | null> {
    const correction = parseCorrection((await this.whole(context)).correction);
    return correction ? new Correction(correction) : null;
  }
}
