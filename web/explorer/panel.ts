import { type ConceptDetails, type GraphNode, type PathResult, sentencesOf } from './api';
import { h, present, swatch } from './dom';
import type { Connection } from './graph';
import { type Lang, kindLabel, pick, relationLabel, t } from './i18n';
import { kindStyle, LEARNING_ORDER, progressColor, relationColor } from './palette';
import { stateLabel } from './progress';
import { quizSection } from './quiz';

/** What the panel can ask the page to do. */
export interface PanelActions {
  go(slug: string): void;
  showPath(index: number): void;
}

/** Concepts a first-time visitor can start from (slugs of the seeded graph). */
const STARTERS: { slug: string; ko: string; en: string }[] = [
  { slug: 'container', ko: '컨테이너', en: 'Container' },
  { slug: 'unikernel', ko: '유니커널', en: 'Unikernel' },
  { slug: 'virtual-machine', ko: '가상 머신', en: 'Virtual machine' },
  { slug: 'docker-stop', ko: 'docker stop', en: 'docker stop' },
];

function otherLang(lang: Lang): Lang {
  return lang === 'KO' ? 'EN' : 'KO';
}

function kindBadge(kind: string, lang: Lang): HTMLElement {
  return h('span', { class: 'badge' }, swatch(kindStyle(kind).color), kindLabel(kind, lang));
}

function section(title: string, ...content: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel__section' }, h('h3', {}, title), ...content);
}

function nodeButton(node: GraphNode, lang: Lang, actions: PanelActions, prefix: Node[] = []): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'data-slug': node.slug },
    ...prefix,
    h('span', { class: 'link-button__name' }, pick(node.name, lang)),
  );
  button.addEventListener('click', () => actions.go(node.slug));
  return button;
}

export function renderWelcome(panel: HTMLElement, lang: Lang, actions: PanelActions): void {
  panel.replaceChildren(
    h('h2', { id: 'panel-title' }, t('welcomeTitle', lang)),
    h('p', {}, t('welcomeText', lang)),
    section(
      t('startHere', lang),
      h(
        'ul',
        { class: 'plain-list' },
        STARTERS.map((s) =>
          h('li', {}, nodeButton({ slug: s.slug, kind: 'CONCEPT', name: { ko: s.ko, en: s.en } }, lang, actions)),
        ),
      ),
    ),
    h('p', { class: 'muted' }, t('graphHelp', lang)),
  );
}

export function renderMessage(panel: HTMLElement, title: string, message: string): void {
  panel.replaceChildren(h('h2', { id: 'panel-title' }, title), h('p', { class: 'muted' }, message));
}

/** Connections grouped by relation type and direction, so "has command" lists every command together. */
function connectionGroups(connections: Connection[], lang: Lang, actions: PanelActions): HTMLElement {
  const groups = new Map<string, Connection[]>();
  for (const c of connections) {
    const key = `${c.edge.type}|${c.outgoing ? 'out' : 'in'}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  return h(
    'div',
    { class: 'connections' },
    ordered.map(([key, items]) => {
      const [type, direction] = key.split('|') as [string, string];
      const arrow = direction === 'out' ? '→' : '←';
      return h(
        'div',
        { class: 'connections__group' },
        h('h4', { class: 'connections__type' }, swatch(relationColor(type)), `${arrow} ${relationLabel(type, lang)}`),
        h(
          'ul',
          { class: 'plain-list' },
          items
            .sort((a, b) => pick(a.other.name, lang).localeCompare(pick(b.other.name, lang)))
            .map((c) => {
              const description = pick(c.edge.description, lang);
              return h(
                'li',
                {},
                nodeButton(c.other, lang, actions),
                description ? h('p', { class: 'connections__note' }, description) : null,
              );
            }),
        ),
      );
    }),
  );
}

export function renderConcept(
  panel: HTMLElement,
  concept: ConceptDetails,
  connections: Connection[],
  truncated: boolean,
  lang: Lang,
  actions: PanelActions,
): void {
  const other = otherLang(lang);
  const name = pick(concept.name, lang);
  const otherName = pick(concept.name, other);
  const aliases = lang === 'KO' ? concept.aliases.ko : concept.aliases.en;
  const details = pick(concept.details, lang);
  panel.replaceChildren(
    ...present(
      h('p', { class: 'panel__kicker' }, kindBadge(concept.kind, lang)),
      h('h2', { id: 'panel-title', 'data-slug': concept.slug }, name),
      otherName && otherName !== name
        ? h('p', { class: 'panel__other-name', lang: other.toLowerCase() }, otherName)
        : null,
      h('p', { class: 'panel__summary' }, pick(concept.summary, lang)),
      details ? h('p', { class: 'panel__details' }, details) : null,
      concept.correction
        ? section(
            t('correction', lang),
            h(
              'dl',
              { class: 'correction' },
              h('dt', {}, t('noteSays', lang)),
              h('dd', { class: 'correction__note' }, pick(concept.correction.noteSays, lang)),
              h('dt', {}, t('truth', lang)),
              h(
                'dd',
                { class: 'correction__truth' },
                pick(concept.correction.truth, lang),
                ' ',
                h('a', { href: concept.correction.reference, rel: 'noopener', target: '_blank' }, '↗'),
              ),
            ),
          )
        : null,
      aliases.length > 0 ? section(t('aliases', lang), h('p', {}, aliases.join(', '))) : null,
      concept.syntax ? section(t('syntax', lang), h('pre', { class: 'code' }, h('code', {}, concept.syntax))) : null,
      concept.flags.length > 0
        ? section(
            t('flags', lang),
            h(
              'dl',
              { class: 'flags' },
              concept.flags.flatMap((f) => [h('dt', {}, h('code', {}, f.flag)), h('dd', {}, pick(f.meaning, lang))]),
            ),
          )
        : null,
      connections.length > 0
        ? section(
            t('connections', lang),
            h('p', { class: 'muted' }, t('connectionsHelp', lang)),
            connectionGroups(connections, lang, actions),
          )
        : null,
      truncated ? h('p', { class: 'note' }, t('truncated', lang)) : null,
      quizSection(concept.slug, lang),
      section(t('source', lang), h('p', {}, concept.source)),
      concept.tags.length > 0
        ? section(
            t('tags', lang),
            h(
              'p',
              { class: 'tags' },
              concept.tags.map((tag) => h('span', { class: 'tag' }, tag)),
            ),
          )
        : null,
    ),
  );
}

export function renderPath(
  panel: HTMLElement,
  results: PathResult[],
  shown: number,
  lang: Lang,
  actions: PanelActions,
): void {
  const path = results[shown];
  if (!path) {
    renderMessage(panel, t('pathTitle', lang), t('pathNone', lang));
    return;
  }
  const sentences = sentencesOf(path, lang);
  const steps: HTMLElement[] = [];
  path.nodes.forEach((node, i) => {
    steps.push(h('li', { class: 'path__node' }, swatch(kindStyle(node.kind).color), nodeButton(node, lang, actions)));
    const edge = path.edges[i];
    if (edge) {
      steps.push(
        h(
          'li',
          { class: 'path__edge' },
          h(
            'span',
            { class: 'path__relation' },
            swatch(relationColor(edge.type), 'swatch swatch--line'),
            relationLabel(edge.type, lang),
          ),
          sentences[i] ? h('span', { class: 'path__sentence' }, sentences[i]) : null,
        ),
      );
    }
  });
  panel.replaceChildren(
    ...present(
      h('h2', { id: 'panel-title' }, t('pathTitle', lang)),
      h('p', { class: 'panel__summary', 'data-testid': 'path-explanation' }, sentences.join(' ')),
      h('p', { class: 'muted' }, `${path.length} ${t('pathSteps', lang)}`),
      h('ol', { class: 'path', 'aria-label': t('pathShown', lang) }, steps),
      results.length > 1
        ? section(
            t('pathOthers', lang),
            h(
              'ul',
              { class: 'plain-list' },
              results.map((r, index) => {
                // Paths through the same concepts can differ in their relations, so the label names both.
                const label = r.nodes
                  .map((n, i) =>
                    r.edges[i]
                      ? `${pick(n.name, lang)} —${relationLabel(r.edges[i].type, lang)}→ `
                      : pick(n.name, lang),
                  )
                  .join('');
                const button = h(
                  'button',
                  { type: 'button', class: 'link-button', 'aria-pressed': index === shown ? 'true' : 'false' },
                  label,
                );
                button.addEventListener('click', () => actions.showPath(index));
                return h('li', {}, button);
              }),
            ),
          )
        : null,
    ),
  );
}

/**
 * The legend: every relation type and node kind in the picture, with its colour. Each relation type has a checkbox
 * that shows or hides its edges; the learning order is marked as drawn lightly. In the progress view the nodes are
 * painted by learner state, so `nodeKey` (the states' legend) takes the place of the kinds.
 */
export function renderLegend(
  target: HTMLElement,
  relationTypes: string[],
  kinds: string[],
  lang: Lang,
  hidden: ReadonlySet<string>,
  onToggle: (type: string, visible: boolean) => void,
  nodeKey: HTMLElement | null = null,
): void {
  const entry = (type: string) => {
    const box = h('input', {
      type: 'checkbox',
      class: 'legend__toggle',
      'data-type': type,
      'aria-label': `${t('showType', lang)}: ${relationLabel(type, lang)}`,
    });
    box.checked = !hidden.has(type);
    box.addEventListener('change', () => onToggle(type, box.checked));
    const label = type === LEARNING_ORDER ? t('learningOrder', lang) : relationLabel(type, lang);
    return h(
      'li',
      { 'data-type': type },
      h(
        'label',
        { class: 'legend__label' },
        box,
        swatch(
          relationColor(type),
          type === LEARNING_ORDER ? 'swatch swatch--line swatch--light' : 'swatch swatch--line',
        ),
        label,
      ),
    );
  };
  target.replaceChildren(
    h(
      'div',
      { class: 'legend__group' },
      h('h3', { class: 'legend__title', id: 'legend-relations' }, `${t('legend', lang)}:`),
      h('ul', { class: 'legend__list', 'aria-labelledby': 'legend-relations' }, relationTypes.map(entry)),
    ),
    nodeKey ??
      h(
        'div',
        { class: 'legend__group' },
        h('h3', { class: 'legend__title', id: 'legend-kinds' }, `${t('kinds', lang)}:`),
        h(
          'ul',
          { class: 'legend__list', 'aria-labelledby': 'legend-kinds' },
          kinds.map((kind) => h('li', { 'data-kind': kind }, swatch(kindStyle(kind).color), kindLabel(kind, lang))),
        ),
      ),
  );
}

/**
 * Every concept in the picture as a button: the keyboard (and screen reader) way to reach any node. In the progress
 * view (`stateOf` gives a state) each also names the learner's state in words, what the node says in colour.
 */
export function renderNodeList(
  target: HTMLElement,
  nodes: GraphNode[],
  lang: Lang,
  actions: PanelActions,
  stateOf: (slug: string) => string | null = () => null,
): void {
  const sorted = [...nodes].sort((a, b) => pick(a.name, lang).localeCompare(pick(b.name, lang)));
  target.replaceChildren(
    h('summary', {}, `${t('nodesInView', lang)} (${nodes.length})`),
    h(
      'ul',
      { class: 'plain-list node-list' },
      sorted.map((node) => {
        const state = stateOf(node.slug);
        const button = state
          ? nodeButton(node, lang, actions, [swatch(progressColor(state))])
          : nodeButton(node, lang, actions, [swatch(kindStyle(node.kind).color)]);
        if (state) {
          button.dataset.state = state;
          button.append(h('span', { class: 'progress__detail' }, ` · ${stateLabel(state, lang)}`));
        }
        return h('li', {}, button);
      }),
    ),
  );
}
