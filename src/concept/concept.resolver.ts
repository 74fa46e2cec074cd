import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError } from '../errors';
import { ConceptKind } from '../graph/vocabulary';
import { langOf } from '../i18n/lang.arg';
import { fromGlobalId } from '../node/global-id';
import { Node } from '../node/node.type';
import { OrderDirection, toConnection } from '../pagination/page-info.type';
import { pageWindow } from '../pagination/page';
import { planConcept, planConcepts, totalAsked } from '../readahead/walk.plan';
import { ConceptsArgs, ConceptOrderField } from './concept.args';
import { CommandFlag, ConceptConnection, ConceptEdge } from './concept.connection';
import { Concept } from './concept.type';

@Resolver(() => Concept)
export class ConceptResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global id (Relay). Null when nothing has that id; BAD_USER_INPUT when the id is malformed.',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id from an `id` field.' }) id: string,
    @Ctx() context: AtlasContext,
  ): Promise<Node | null> {
    const global = fromGlobalId(id);
    if (!global)
      throw new BadInputError('id', '`id` is not an id this API issued. Use the `id` field of an object unchanged.');
    if (global.type !== 'Concept') return null;
    const record = await context.loaders.readAhead.concept(global.key);
    return record ? new Concept(record) : null;
  }

  @Query(() => Concept, { nullable: true, description: 'One concept by slug; null when there is none.' })
  async concept(
    @Arg('slug', () => String, { description: "The concept's slug, e.g. `docker-build`." }) slug: string,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concept | null> {
    // When the client also walks the concept's relations, the concept and every level of the walk are one round trip.
    const record = await context.loaders.readAhead.conceptWithWalk(slug, planConcept(info, langOf(null, context)));
    return record ? new Concept(record) : null;
  }

  @Query(() => ConceptConnection, {
    description: 'Concepts, filtered and sorted, a page at a time (Relay connection with keyset cursors).',
  })
  async concepts(
    @Args(() => ConceptsArgs) args: ConceptsArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConceptConnection> {
    const field = args.orderBy?.field ?? ConceptOrderField.SLUG;
    const direction = args.orderBy?.direction ?? OrderDirection.ASC;
    // The tag ties cursors to this order, so a cursor from another order is refused rather than misread.
    const tag = `concepts:${field}:${direction}`;
    const window = pageWindow(args, tag, 2, context.config.limits);
    // When the client walks the concepts' relations, the page and the walk are one round trip; whole records only
    // when more than names is asked of the concepts.
    const plan = planConcepts(info, ['edges', 'node'], langOf(null, context));
    const page = await context.repos.concepts.page(
      args.filter ?? {},
      { field, descending: direction === OrderDirection.DESC },
      window,
      plan,
      totalAsked(info),
    );
    context.loaders.readAhead.remember(
      page.items.map(({ item }) => item),
      page.walks,
      plan.walk,
    );
    if (field === ConceptOrderField.DEGREE)
      for (const { item, key } of page.items) context.loaders.concepts.degree.prime(item.slug, key[0] as number);
    return toConnection(page, tag, (item, cursorOf) => new ConceptEdge(new Concept(item), cursorOf));
  }

  @FieldResolver(() => Int, {
    description: 'Number of relations this concept takes part in, both directions, all types.',
  })
  degree(@Root() concept: Concept, @Ctx() context: AtlasContext): Promise<number> {
    return context.loaders.concepts.degree.load(concept.slug);
  }

  @FieldResolver(() => [CommandFlag], {
    description: 'The flags of a command (its HAS_FLAG relations), in order; empty for other kinds.',
  })
  async flags(@Root() concept: Concept, @Ctx() context: AtlasContext): Promise<CommandFlag[]> {
    if ((await concept.kind(context)) !== ConceptKind.COMMAND) return [];
    const flags = await context.loaders.concepts.flags.load(concept.slug);
    return flags.map((flag) => new CommandFlag(flag.flag));
  }
}
