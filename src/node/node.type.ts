import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay global object identification: anything with an `id` can be fetched again with `node(id:)`. Implementing
 * classes are resolved by `instanceof`, so resolvers must hand out class instances (e.g. `new Concept(record)`).
 */
@InterfaceType({ description: 'An object with a globally unique, opaque id that `node(id:)` can fetch again.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id. Pass it to `node(id:)`; do not parse it.' })
  abstract id: string;
}
