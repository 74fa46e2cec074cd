import '../graph/vocabulary.graphql';

import { execute, type ExecutionResult, type GraphQLSchema, parse } from 'graphql';
import { Arg, buildSchema, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';

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

@Resolver()
class GreetingResolver {
  @Query(() => Greeting, { description: 'A greeting.' })
  greeting(): Greeting {
    return new Greeting('!');
  }

  @Query(() => Greeting, { description: 'A plain object where a Greeting is expected.' })
  plainGreeting(): Greeting {
    return { suffix: '?' } as Greeting;
  }

  @Query(() => AskedGreeting, { description: 'A greeting asked in Korean.' })
  asked(): AskedGreeting {
    return new AskedGreeting();
  }
}

describe('resolveParamsSynchronously', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [GreetingResolver], validate: false });
    resolveParamsSynchronously(schema, new Set([resolveLangArg]));
  });

  const run = (query: string, context: Record<string, unknown> = {}) =>
    execute({ schema, document: parse(query), contextValue: context });

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
});
