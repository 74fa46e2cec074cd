import { ApiError } from './api';
import { h, swatch } from './dom';
import { type Lang, pick, t, type UiKey } from './i18n';
import { type Dashboard, PROGRESS_STATES } from './learner';
import { NEXT_COLOR, progressColor } from './palette';

/** What the progress view can ask the page to do. */
export interface ProgressActions {
  go(slug: string): void;
  retry(): void;
}

export function stateLabel(state: string, lang: Lang): string {
  return t(`state${state}` as UiKey, lang);
}

function percentText(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'KO' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 1 });
}

function heading(lang: Lang): HTMLElement {
  return h('h2', { id: 'progress-title' }, t('progressTitle', lang));
}

/** The states, each a swatch and its name, and the ring of the concepts to learn next: the graph's key in this view. */
export function progressLegend(lang: Lang): HTMLElement {
  const ring = h('span', { class: 'swatch swatch--ring', 'aria-hidden': 'true' });
  ring.style.borderColor = NEXT_COLOR;
  return h(
    'div',
    { class: 'legend__group', 'data-testid': 'progress-legend' },
    h('h3', { class: 'legend__title', id: 'legend-progress' }, `${t('progressLegend', lang)}:`),
    h(
      'ul',
      { class: 'legend__list', 'aria-labelledby': 'legend-progress' },
      PROGRESS_STATES.map((state) =>
        h('li', { 'data-state': state }, swatch(progressColor(state)), stateLabel(state, lang)),
      ),
      h('li', { 'data-state': 'next' }, ring, t('nextMark', lang)),
    ),
  );
}

export function renderProgressLoading(target: HTMLElement, lang: Lang): void {
  target.replaceChildren(heading(lang), h('p', { class: 'muted' }, t('progressLoading', lang)));
  target.setAttribute('aria-busy', 'true');
}

/** What went wrong, in the learner's words first, then the API's own message (which says what to do). */
export function renderProgressError(target: HTMLElement, error: unknown, lang: Lang, actions: ProgressActions): void {
  const code = error instanceof ApiError ? error.code : undefined;
  let summary: string;
  if (code === 'UNAUTHENTICATED') summary = t('progressErrorToken', lang);
  else if (code === 'DATABASE_UNAVAILABLE' || code === 'DATABASE_TIMEOUT') summary = t('progressErrorDatabase', lang);
  else if (code === 'RATE_LIMITED')
    summary = t('progressErrorRate', lang, { seconds: (error as ApiError).retryAfterSeconds ?? 60 });
  else summary = t('progressErrorOther', lang);
  const retry = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'progress-retry' },
    t('progressRetry', lang),
  );
  retry.addEventListener('click', () => actions.retry());
  target.replaceChildren(
    heading(lang),
    h(
      'div',
      { class: 'progress__error', role: 'alert', 'data-testid': 'progress-error', 'data-code': code ?? '' },
      h('p', { class: 'progress__error-title' }, t('progressErrorTitle', lang)),
      h('p', {}, summary),
      h('p', { class: 'muted' }, error instanceof Error ? error.message : String(error)),
    ),
    retry,
  );
  target.setAttribute('aria-busy', 'false');
}

function conceptButton(
  slug: string,
  name: string,
  state: string,
  detail: string,
  lang: Lang,
  actions: ProgressActions,
): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'data-slug': slug },
    swatch(progressColor(state)),
    h('span', { class: 'link-button__name' }, name),
    h('span', { class: 'progress__detail' }, ` · ${stateLabel(state, lang)} · ${detail}`),
  );
  button.addEventListener('click', () => actions.go(slug));
  return h('li', {}, button);
}

function more(shown: number, total: number, lang: Lang): HTMLElement | null {
  return total > shown ? h('p', { class: 'muted' }, t('moreShown', lang, { shown, total })) : null;
}

export function renderProgress(target: HTMLElement, dashboard: Dashboard, lang: Lang, actions: ProgressActions): void {
  const { summary } = dashboard;
  target.replaceChildren(
    heading(lang),
    h('p', { class: 'muted' }, t('progressHelp', lang, { id: dashboard.learnerId })),
    h(
      'p',
      { class: 'progress__summary', 'data-testid': 'progress-summary' },
      t('progressKnown', lang, {
        known: summary.review + summary.mastered,
        total: summary.total,
        percent: percentText(summary.percent, lang),
      }),
    ),
    h(
      'section',
      { class: 'panel__section', 'aria-labelledby': 'due-title' },
      h('h3', { id: 'due-title' }, `${t('dueTitle', lang)} (${dashboard.dueTotal})`),
      dashboard.due.length > 0
        ? [
            h('p', { class: 'muted' }, t('dueHelp', lang)),
            h(
              'ol',
              { class: 'plain-list', id: 'due-list' },
              dashboard.due.map((d) =>
                conceptButton(
                  d.concept.slug,
                  pick(d.concept.name, lang),
                  d.state,
                  t('dueRecall', lang, { percent: Math.round(d.retrievability * 100) }),
                  lang,
                  actions,
                ),
              ),
            ),
            more(dashboard.due.length, dashboard.dueTotal, lang),
          ]
        : h('p', {}, t('dueNone', lang)),
    ),
    h(
      'section',
      { class: 'panel__section', 'aria-labelledby': 'next-title' },
      h('h3', { id: 'next-title' }, `${t('nextTitle', lang)} (${dashboard.nextTotal})`),
      dashboard.next.length > 0
        ? [
            h('p', { class: 'muted' }, t('nextHelp', lang)),
            h(
              'ol',
              { class: 'plain-list', id: 'next-list' },
              dashboard.next.map((n) =>
                conceptButton(
                  n.concept.slug,
                  pick(n.concept.name, lang),
                  n.state,
                  t('nextUnlocks', lang, { n: n.unlocks }),
                  lang,
                  actions,
                ),
              ),
            ),
            more(dashboard.next.length, dashboard.nextTotal, lang),
          ]
        : h('p', {}, t('nextNone', lang)),
    ),
    h(
      'section',
      { class: 'panel__section', 'aria-labelledby': 'sections-title' },
      h('h3', { id: 'sections-title' }, t('sectionsTitle', lang)),
      h(
        'ul',
        { class: 'plain-list progress__sections', id: 'section-list' },
        dashboard.sections.map((s) => {
          const bar = h('progress', { max: String(s.total), 'aria-hidden': 'true' });
          bar.value = s.known;
          return h(
            'li',
            { 'data-section': s.section },
            h('span', { class: 'progress__section-name' }, s.section),
            h(
              'span',
              { class: 'progress__section-share' },
              `${percentText(s.percent, lang)} % (${s.known}/${s.total})`,
            ),
            bar,
          );
        }),
      ),
    ),
  );
  target.setAttribute('aria-busy', 'false');
}
