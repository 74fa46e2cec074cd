import type { Lang } from './i18n';

/**
 * What the explorer shows, as it is written in the URL so a view can be shared:
 * `/explore?concept=unikernel&lang=ko` or, in path mode, `/explore?from=unikernel&to=virtual-machine&lang=en`.
 */
export interface ViewState {
  lang: Lang;
  /** The concept whose neighbourhood is drawn (explore mode). */
  concept: string | null;
  /** Both set: path mode, showing how `from` connects to `to`. */
  from: string | null;
  to: string | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

function slugParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim().toLowerCase() ?? '';
  return SLUG.test(value) ? value : null;
}

/** The language the browser prefers, when the URL does not say. */
function browserLang(): Lang {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'KO' : 'EN';
}

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang')?.toLowerCase();
  return {
    lang: lang === 'ko' ? 'KO' : lang === 'en' ? 'EN' : browserLang(),
    concept: slugParam(params, 'concept'),
    from: slugParam(params, 'from'),
    to: slugParam(params, 'to'),
  };
}

export function isPathMode(state: ViewState): boolean {
  return state.from !== null && state.to !== null;
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (isPathMode(state)) {
    params.set('from', state.from as string);
    params.set('to', state.to as string);
  } else if (state.concept) {
    params.set('concept', state.concept);
  }
  params.set('lang', state.lang.toLowerCase());
  return `?${params.toString()}`;
}
