import { createParameterDecorator } from 'type-graphql';

import { Lang } from '../graph/vocabulary';

/**
 * An object made by a query that takes a `lang` of its own (quiz, tour, difference, search) keeps that language
 * here, so its text fields fall back to it before the request's language.
 */
export interface AskedInLang {
  readonly askedLang?: Lang | null;
}

/** The field's own `lang` argument wins; then the request's Accept-Language (context.lang); then English. */
export function langOf(arg: Lang | null | undefined, context: { lang?: Lang } | undefined): Lang {
  return arg ?? context?.lang ?? Lang.EN;
}

function askedLangOf(root: unknown): Lang | null | undefined {
  return typeof root === 'object' && root !== null ? (root as AskedInLang).askedLang : undefined;
}

/**
 * The language LangArg hands a resolver. It reads only the arguments, the root and the context and never waits, so
 * the schema may build it synchronously (see resolveParamsSynchronously).
 */
export function resolveLangArg({
  args,
  root,
  context,
}: {
  args: Record<string, unknown>;
  root: unknown;
  context: { lang?: Lang } | undefined;
}): Lang {
  return langOf((args.lang as Lang | null | undefined) ?? askedLangOf(root), context);
}

/**
 * The `lang` argument every text field takes, handed to the resolver as the language to use: the field's own
 * `lang` wins; then the `lang` of the query that made the object (AskedInLang); then the request's Accept-Language;
 * then English. The argument in the schema is the same for every field.
 */
export function LangArg(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<{ lang?: Lang }>(resolveLangArg, {
    arg: {
      name: 'lang',
      typeFunc: () => Lang,
      options: {
        nullable: true,
        description:
          'Language of the text. Without it the Accept-Language header decides, then English; a missing translation falls back to the other language.',
      },
    },
  });
}
