import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Lang } from '../graph/vocabulary';
import { LangArg } from '../i18n/lang.arg';
import { phraseOf, relationSentence } from '../i18n/sentences';

import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { AtlasError, ErrorCode } from '../errors';
import { Relation } from './relation.type';

/** The ends of a relation: the records the caller already had, or one batched load per request. */
@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Concept, { description: 'The subject of the relation (`from TYPE to`).' })
  async from(@Root() relation: Relation, @Ctx() context: AtlasContext): Promise<Concept> {
    return end(
      relation.fromRecord ?? (await context.loaders.readAhead.concept(relation.record.from)),
      relation.record.from,
    );
  }

  @FieldResolver(() => Concept, { description: 'The object of the relation (`from TYPE to`).' })
  async to(@Root() relation: Relation, @Ctx() context: AtlasContext): Promise<Concept> {
    return end(relation.toRecord ?? (await context.loaders.readAhead.concept(relation.record.to)), relation.record.to);
  }

  @FieldResolver(() => String, {
    description:
      'The relation as the sentence a learner reads, in the chosen language ("docker stop sends SIGTERM."). A learning-order relation reads as an order of study, never as a dependency.',
  })
  async sentence(@Root() relation: Relation, @LangArg() lang: Lang, @Ctx() context: AtlasContext): Promise<string> {
    // Whole records carry the English sentence forms; a part (names only) is completed through the loader.
    const [from, to] = await Promise.all([
      context.loaders.readAhead.concept(relation.record.from),
      context.loaders.readAhead.concept(relation.record.to),
    ]);
    const subject = present(from, relation.record.from);
    const object = present(to, relation.record.to);
    return relationSentence(relation.record.type, phraseOf(subject, lang), phraseOf(object, lang), lang);
  }
}

function present<T>(record: T | null, slug: string): T {
  // A relation whose end vanished between two reads of this request (the seeder replaced the graph).
  if (!record)
    throw new AtlasError(
      ErrorCode.NOT_FOUND,
      `The concept "${slug}" at the end of this relation no longer exists. Ask again.`,
    );
  return record;
}

function end(record: Concept['record'] | null, slug: string): Concept {
  return new Concept(present(record, slug));
}
