import '../graph/vocabulary.graphql';

import type { ExecutionResult } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { instanceAndPlainQueries, useBuiltSchema } from '../../test/support/built-schema';
import { Lang } from '../graph/vocabulary';
import { type AskedInLang, LangArg, resolveLangArg } from '../i18n/lang.arg';
import { resolveParamsSynchronously } from './sync-params';

@ObjectType({ description: 'A text field that takes the language and the context.' })
class Greeting {
  constructor(readonly suffix = '') {}

  @Field(() => String, { description: 'Hello in the language given, with the context marker.' })
  text(@LangArg() lang: Lang, @Ctx() context: { marker?: string }): string {
    return `${lang === Lang.KO ? '안녕' : 'hello'}${this.suffix}${context.marker ?? ''}`;
  }

  @Field(() => String, { description: 'A field with an argument of its own, which the pass leaves alone.' })
  echo(@Arg('word', () => String, { description: 'What to say back.' }) word: string): string {
    return word;
  }
}

@ObjectType({ description: 'A greeting made by a query asked in Korean.' })
class AskedGreeting extends Greeting implements AskedInLang {
  readonly askedLang = Lang.KO;
}

const GreetingQueries = instanceAndPlainQueries(
  Greeting,
  'greeting',
  () => new Greeting('!'),
  () => ({ suffix: '?' }),
);

@Resolver()
class GreetingResolver {
  @Query(() => AskedGreeting, { description: 'A greeting asked in Korean.' })
  asked(): AskedGreeting {
    return new AskedGreeting();
  }
}

@ArgsType()
class ShoutArgs {
  @Field(() => Int, { defaultValue: 2, description: 'How many times.' })
  times!: number;

  @Field(() => String, { nullable: true, description: 'How loud, when given.' })
  volume?: string | null;
}

@InputType({ description: 'An input object, which type-graphql turns into an instance of its own.' })
class Tone {
  @Field(() => String, { description: 'The tone.' })
  name!: string;
}

@ArgsType()
class ToneArgs {
  @Field(() => Tone, { description: 'The tone to say it in.' })
  tone!: Tone;
}

@Resolver(() => Greeting)
class ShoutResolver {
  @FieldResolver(() => String, { description: 'The greeting said `times` times, from a resolver class.' })
  shout(
    @Root() greeting: Greeting,
    @Args(() => ShoutArgs) args: ShoutArgs,
    @Ctx() context: { marker?: string },
  ): string {
    const shape = `${args instanceof ShoutArgs}:${'volume' in args}:${args.volume ?? '-'}`;
    return `${`hey${greeting.suffix}`.repeat(args.times)}${context.marker ?? ''} ${shape}`;
  }

  @FieldResolver(() => String, { description: 'The tone given, through an input object.' })
  toned(@Args(() => ToneArgs) args: ToneArgs): string {
    return `${args.tone instanceof Tone}:${args.tone.name}`;
  }
}

describe('resolveParamsSynchronously', () => {
  const { run } = useBuiltSchema([GreetingQueries, GreetingResolver, ShoutResolver], (schema) =>
    resolveParamsSynchronously(schema, new Set([resolveLangArg])),
  );

  it('answers a lang field at once, with the same language rules and context as before', () => {
    const answer = run('{ greeting { ko: text(lang: KO) en: text } }', { lang: Lang.EN, marker: '.' });
    expect(answer).not.toBeInstanceOf(Promise);
    expect((answer as ExecutionResult).data).toEqual({ greeting: { ko: '안녕!.', en: 'hello!.' } });
    expect((run('{ greeting { text } }', { lang: Lang.KO }) as ExecutionResult).data).toEqual({
      greeting: { text: '안녕!' },
    });
  });

  it('keeps the language an object was asked in, for a subclass too', () => {
    const answer = run('{ asked { text other: text(lang: EN) } }', { lang: Lang.EN });
    expect(answer).not.toBeInstanceOf(Promise);
    expect((answer as ExecutionResult).data).toEqual({ asked: { text: '안녕', other: 'hello' } });
  });

  it('leaves a root that is not an instance of the type, and a field with an argument of its own, to type-graphql', async () => {
    const plain = run('{ plainGreeting { text(lang: KO) } }');
    expect(plain).toBeInstanceOf(Promise);
    expect((await plain).data).toEqual({ plainGreeting: { text: '안녕?' } });
    const echo = run('{ greeting { echo(word: "hi") } }');
    expect(echo).toBeInstanceOf(Promise);
    expect((await echo).data).toEqual({ greeting: { echo: 'hi' } });
  });
  it('answers a field of a resolver class with scalar arguments at once, with the arguments built as type-graphql builds them', async () => {
    const answer = run('{ greeting { shout loud: shout(times: 1, volume: "max") } }', { marker: '.' });
    expect(answer).not.toBeInstanceOf(Promise);
    expect((answer as ExecutionResult).data).toEqual({
      greeting: { shout: 'hey!hey!. true:false:-', loud: 'hey!. true:true:max' },
    });
    // A root that is no instance goes through type-graphql, which converts it first: the same answer.
    const plain = run('{ plainGreeting { shout } }');
    expect(plain).toBeInstanceOf(Promise);
    expect((await plain).data).toEqual({ plainGreeting: { shout: 'hey?hey? true:false:-' } });
  });

  it('leaves arguments with an input object to type-graphql, which makes it an instance', async () => {
    const answer = run('{ greeting { toned(tone: { name: "calm" }) } }');
    expect(answer).toBeInstanceOf(Promise);
    expect((await answer).data).toEqual({ greeting: { toned: 'true:calm' } });
  });
});
