import { Arg } from 'type-graphql';

import { Lang } from '../graph/vocabulary';

/** The `lang` argument every text field takes. Resolve it with `langOf`. */
export function LangArg(): ReturnType<typeof Arg> {
  return Arg('lang', () => Lang, {
    nullable: true,
    description: 'Language of the text. Without it the Accept-Language header decides, then English; a missing translation falls back to the other language.',
  });
}

/** The field's own `lang` argument wins; then the request's Accept-Language (context.lang); then English. */
export function langOf(arg: Lang | null | undefined, context: { lang?: Lang } | undefined): Lang {
  return arg ?? context?.lang ?? Lang.EN;
}
