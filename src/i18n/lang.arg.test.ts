import '../graph/vocabulary.graphql';

import { graphql, type GraphQLSchema, printSchema } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';

import { Lang } from '../graph/vocabulary';
import { type AskedInLang, LangArg } from './lang.arg';

@ObjectType({ description: 'A text field on an object no query language reaches.' })
class PlainText {
  @Field(() => String, { description: 'The language the field was given.' })
  text(@LangArg() lang: Lang): string {
    return lang;
  }
}

@ObjectType({ description: 'A text field on an object made by a query asked in Korean.' })
class AskedText implements AskedInLang {
  readonly askedLang = Lang.KO;

  @Field(() => String, { description: 'The language the field was given.' })
  text(@LangArg() lang: Lang): string {
    return lang;
  }
}

@Resolver()
class TextResolver {
  @Query(() => PlainText, { description: 'A plain object.' })
  plain(): PlainText {
    return new PlainText();
  }

  @Query(() => AskedText, { description: 'An object asked in Korean.' })
  asked(): AskedText {
    return new AskedText();
  }
}

describe('LangArg', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [TextResolver], validate: false });
  });

  async function text(query: string, requestLang?: Lang): Promise<unknown> {
    const result = await graphql({ schema, source: query, contextValue: requestLang ? { lang: requestLang } : {} });
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  it('declares the same nullable, described `lang` argument as before', () => {
    expect(printSchema(schema)).toContain(
      '  text(\n    """\n    Language of the text. Without it the Accept-Language header decides, then English; a missing translation falls back to the other language.\n    """\n    lang: Lang\n  ): String!',
    );
  });

  it("gives the field its own lang first, then the request's, then English", async () => {
    expect(await text('{ plain { text(lang: KO) } }', Lang.EN)).toEqual({ plain: { text: 'KO' } });
    expect(await text('{ plain { text } }', Lang.KO)).toEqual({ plain: { text: 'KO' } });
    expect(await text('{ plain { text(lang: null) } }', Lang.KO)).toEqual({ plain: { text: 'KO' } });
    expect(await text('{ plain { text } }')).toEqual({ plain: { text: 'EN' } });
  });

  it("puts the language the object was asked in between the field's own and the request's", async () => {
    expect(await text('{ asked { text } }', Lang.EN)).toEqual({ asked: { text: 'KO' } });
    expect(await text('{ asked { text(lang: EN) } }', Lang.KO)).toEqual({ asked: { text: 'EN' } });
  });
});
