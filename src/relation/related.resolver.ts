import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { pageWindow } from '../pagination/page';
import { planRelated } from '../readahead/walk.plan';
import type { RelatedRecord } from '../readahead/walk.repository';
import { RelatedArgs } from './relation.args';
import { RelatedConnection, relatedConnection } from './relation.connection';

/** `Concept.related`: it lives with the relations, so the concept folder needs nothing from this one. */
@Resolver(() => Concept)
export class RelatedResolver {
  @FieldResolver(() => RelatedConnection, {
    description:
      'The concepts this one is related to, each once, with every way they relate (signals a command sends, mechanisms it uses, stages, alternatives, ...), a page at a time.',
  })
  related(
    @Root() concept: Concept,
    @Args(() => RelatedArgs) args: RelatedArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): RelatedConnection | Promise<RelatedConnection> {
    const choice = planRelated(info, args);
    // The key shape (type, order, slug) differs from the one-edge-per-relation cursors this list once issued, so
    // such an old cursor is refused as foreign instead of being misread.
    const tag = `related:${concept.slug}:${choice.types?.join(',') ?? '*'}:${args.direction}`;
    const window = pageWindow({ first: args.first, after: args.after }, tag, 3, context.config.limits);
    const connection = (records: RelatedRecord[]) => relatedConnection(records, window, tag);
    // Read ahead with the concept (a walk, a page): answered at once, without a promise per concept of a list.
    const atHand = context.loaders.readAhead.relatedAtHand(concept.slug, choice);
    return atHand ? connection(atHand) : context.loaders.readAhead.related(concept.slug, choice).then(connection);
  }
}
