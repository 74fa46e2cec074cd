import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Lang } from '../graph/vocabulary';
import { LangArg } from '../i18n/lang.arg';
import { phraseOf, relationSentence } from '../i18n/sentences';

import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { AtlasError, ErrorCode } from '../errors';
import { Relation } from './relation.type';

/**
 * The ends of a relation: the records the caller already had, at once (no promise, so graphql-js completes the edge
 * without its promise bookkeeping: a neighbourhood has hundreds), or one batched load per request.
 */
@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Concept, { description: 'The subject of the relation (`from TYPE to`).' })
  from(@Root() relation: Relation, @Ctx() context: AtlasContext): Concept | Promise<Concept> {
    return end(relation.fromRecord, relation.record.from, context);
  }

  @FieldResolver(() => Concept, { description: 'The object of the relation (`from TYPE to`).' })
  to(@Root() relation: Relation, @Ctx() context: AtlasContext): Concept | Promise<Concept> {
    return end(relation.toRecord, relation.record.to, context);
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

/** The concept at one end of a relation: from the record at hand, else loaded (null when it vanished). */
function end(record: Concept['record'] | undefined, slug: string, context: AtlasContext): Concept | Promise<Concept> {
  if (record) return new Concept(record);
  return context.loaders.readAhead.concept(slug).then((loaded) => new Concept(present(loaded, slug)));
}
