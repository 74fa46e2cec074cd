import { Field, FieldResolver, type MiddlewareFn, ObjectType, Resolver, Root, UseMiddleware } from 'type-graphql';

import { instanceAndPlainQueries, useBuiltSchema } from '../../test/support/built-schema';
import { readPlainFieldsDirectly } from './plain-fields';

let middlewareRuns = 0;
const counted: MiddlewareFn = (_data, next) => {
  middlewareRuns += 1;
  return next();
};

@ObjectType({ description: 'A thing with every kind of field the pass meets.' })
class Thing {
  constructor(readonly word = 'plain') {}

  @Field(() => String, { description: 'A plain property.' })
  label = 'label';

  @Field(() => String, { name: 'shown', description: 'A property under another name in the schema.' })
  hidden = 'hidden';

  @Field(() => String, { description: 'A getter.' })
  get loud(): string {
    return this.word.toUpperCase();
  }

  @Field(() => String, { description: 'A property behind a middleware.' })
  @UseMiddleware(counted)
  guarded = 'guarded';

  @Field(() => String, { description: 'A method.' })
  twice(): string {
    return `${this.word}${this.word}`;
  }
}

const ThingQueries = instanceAndPlainQueries(
  Thing,
  'thing',
  () => new Thing('abc'),
  () => ({ word: 'xyz', label: 'l', hidden: 'h', guarded: 'g' }),
);

@Resolver(() => Thing)
class ThingResolver {
  @FieldResolver(() => String, { description: 'A field of a resolver class.' })
  reversed(@Root() thing: Thing): string {
    return [...thing.word].reverse().join('');
  }
}

describe('readPlainFieldsDirectly', () => {
  const { run, passed } = useBuiltSchema([ThingQueries, ThingResolver], readPlainFieldsDirectly);

  it('reads properties and getters itself, and leaves methods, resolver classes and middlewares to type-graphql', async () => {
    // label, shown (hidden) and loud; not guarded, twice or reversed.
    expect(passed()).toBe(3);
    const before = middlewareRuns;
    expect((await run('{ thing { label shown loud guarded twice reversed } }')).data).toEqual({
      thing: { label: 'label', shown: 'hidden', loud: 'ABC', guarded: 'guarded', twice: 'abcabc', reversed: 'cba' },
    });
    expect(middlewareRuns).toBe(before + 1);
  });

  it('still answers a getter of a plain object as type-graphql does, through an instance', async () => {
    expect((await run('{ plainThing { label shown loud } }')).data).toEqual({
      plainThing: { label: 'l', shown: 'h', loud: 'XYZ' },
    });
  });
});
