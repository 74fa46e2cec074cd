import './explorer.css';

import {
  ApiError,
  type ConceptDetails,
  concept,
  neighborhood,
  type PathResult,
  paths,
  type SearchHit,
  sentencesOf,
} from './api';
import { ConceptCombobox } from './combobox';
import { byId } from './dom';
import { GraphView } from './graph';
import { type Lang, t, type UiKey } from './i18n';
import { type Dashboard, DemoLearner } from './learner';
import {
  type PanelActions,
  renderConcept,
  renderLegend,
  renderMessage,
  renderNodeList,
  renderPath,
  renderWelcome,
} from './panel';
import {
  type ProgressActions,
  progressLegend,
  renderProgress,
  renderProgressError,
  renderProgressLoading,
} from './progress';
import { isPathMode, readState, type ViewState, writeState } from './state';

type GraphStatus = 'empty' | 'loading' | 'ready' | 'error';

/** Drawn on the welcome page, before the learner has picked anything. */
const WELCOME_CONCEPT = 'container';

/**
 * The explorer page: keeps the view state (also written to the URL), asks the API for what to draw and hands it to
 * the graph and the side panel.
 */
class Explorer {
  private state: ViewState;
  private readonly graph: GraphView;
  private readonly details = new Map<string, ConceptDetails>();
  private truncated = new Set<string>();
  private pathResults: PathResult[] = [];
  private shownPath = 0;
  /** Only the latest navigation may draw; an older one that answers late is dropped. */
  private generation = 0;

  private readonly graphEl = byId('graph');
  private readonly panel = byId('panel');
  private readonly legend = byId('legend');
  /** Relation types switched off in the legend; all are shown at first (the learning order lightly). */
  private readonly hiddenTypes = new Set<string>();
  private readonly nodeList = byId<HTMLDetailsElement>('node-list');
  private readonly status = byId('status');
  private readonly pathForm = byId<HTMLFormElement>('path-form');
  private readonly search: ConceptCombobox;
  private readonly pathFrom: ConceptCombobox;
  private readonly pathTo: ConceptCombobox;
  /** The development server's demo learner; null where there is none (production, DEV_DEMO off). */
  private demo: DemoLearner | null = null;
  private progressOn = false;
  private dashboard: Dashboard | null = null;
  /** Why the last load failed, kept so a language switch can say it again in the other language. */
  private progressError: unknown = null;
  /** Only the latest load of the dashboard may draw, and none once the view is off. */
  private progressGeneration = 0;
  private readonly progressEl = byId('progress');
  private readonly progressToggle = byId<HTMLButtonElement>('progress-toggle');

  private readonly actions: PanelActions = {
    go: (slug) => void this.open(slug, { expand: this.graph.has(slug) }),
    showPath: (index) => void this.drawPath(index),
  };

  private readonly progressActions: ProgressActions = {
    go: (slug) => void this.open(slug, { expand: this.graph.has(slug) }),
    retry: () => void this.loadProgress(),
  };

  constructor() {
    this.state = readState(location.search);
    this.graph = new GraphView(this.graphEl, this.state.lang, (slug) => void this.open(slug, { expand: true }));
    const lang = () => this.state.lang;
    this.search = new ConceptCombobox(
      byId('search'),
      byId('search-list'),
      lang,
      (hit) => void this.open(hit.slug, { expand: false, hit }),
    );
    this.pathFrom = new ConceptCombobox(byId('path-from'), byId('path-from-list'), lang, () => byId('path-to').focus());
    this.pathTo = new ConceptCombobox(byId('path-to'), byId('path-to-list'), lang, () => this.submitPath());

    byId('lang-ko').addEventListener('click', () => this.setLang('KO'));
    byId('lang-en').addEventListener('click', () => this.setLang('EN'));
    byId('mode-explore').addEventListener('click', () => this.setPathFormOpen(false));
    byId('mode-path').addEventListener('click', () => this.setPathFormOpen(true));
    byId('fit').addEventListener('click', () => this.graph.fit());
    this.progressToggle.addEventListener('click', () => this.setProgressOn(!this.progressOn));
    this.pathForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitPath();
    });
    window.addEventListener('popstate', () => void this.restore(readState(location.search)));
    window.addEventListener('resize', () => this.graph.refit());
  }

  async start(): Promise<void> {
    // The progress control exists only where the server has a demo learner.
    this.demo = DemoLearner.ofPage(document.body);
    this.progressToggle.hidden = this.demo === null;
    await this.restore(this.state);
  }

  private setProgressOn(on: boolean): void {
    this.progressOn = on;
    this.progressToggle.setAttribute('aria-pressed', String(on));
    this.progressEl.hidden = !on;
    if (on) {
      void this.loadProgress();
      return;
    }
    this.progressGeneration += 1;
    this.dashboard = null;
    this.progressEl.dataset.state = 'off';
    this.graph.setProgress(null);
    this.refreshLists();
  }

  /** One request for the whole dashboard; the graph takes its colours from it, the side column its lists. */
  private async loadProgress(): Promise<void> {
    if (!this.demo) return;
    const generation = ++this.progressGeneration;
    this.progressEl.dataset.state = 'loading';
    renderProgressLoading(this.progressEl, this.state.lang);
    this.progressError = null;
    try {
      const dashboard = await this.demo.dashboard();
      if (generation !== this.progressGeneration) return;
      this.dashboard = dashboard;
      this.graph.setProgress({ states: dashboard.states, next: new Set(dashboard.next.map((n) => n.concept.slug)) });
      this.progressEl.dataset.state = 'ready';
      this.renderProgressView();
      this.announce(t('progressTitle', this.state.lang));
    } catch (error) {
      if (generation !== this.progressGeneration) return;
      // Colours from an answer that did not come would be a guess: the nodes keep their kind colours.
      this.dashboard = null;
      this.progressError = error;
      this.graph.setProgress(null);
      this.progressEl.dataset.state = 'error';
      renderProgressError(this.progressEl, error, this.state.lang, this.progressActions);
      this.refreshLists();
      this.announce(t('progressErrorTitle', this.state.lang));
    }
  }

  private renderProgressView(): void {
    if (this.dashboard) renderProgress(this.progressEl, this.dashboard, this.state.lang, this.progressActions);
    this.refreshLists();
  }

  /** Draws whatever a state (from the URL, or the back button) describes. */
  private async restore(state: ViewState): Promise<void> {
    this.state = state;
    this.applyLang();
    if (isPathMode(state)) {
      this.setPathFormOpen(true, false);
      await this.findPaths(state.from as string, state.to as string, false);
    } else if (state.concept) {
      this.setPathFormOpen(false, false);
      await this.open(state.concept, { expand: false, push: false });
    } else {
      this.setPathFormOpen(false, false);
      this.graph.clear();
      this.setGraphStatus('empty');
      renderWelcome(this.panel, state.lang, this.actions);
      this.refreshLists();
      await this.preview(WELCOME_CONCEPT);
    }
  }

  /** An empty canvas says little: on the welcome page, draw one concept's neighbourhood as a first picture. */
  private async preview(slug: string): Promise<void> {
    const generation = ++this.generation;
    try {
      const subgraph = await neighborhood(slug);
      if (generation !== this.generation) return;
      await this.graph.show(subgraph, slug);
      this.refreshLists();
      this.graph.refit();
      this.setGraphStatus('ready', slug);
    } catch {
      // The welcome panel works without the picture (an empty graph, say); nothing to tell the learner.
    }
  }

  private navigate(next: ViewState, push: boolean): void {
    this.state = next;
    const url = `${location.pathname}${writeState(next)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * Shows a concept. `expand`: add its neighbourhood to the drawing (a click on a node); otherwise start a new
   * drawing around it (a search).
   */
  private async open(slug: string, options: { expand: boolean; push?: boolean; hit?: SearchHit }): Promise<void> {
    const generation = ++this.generation;
    this.navigate({ ...this.state, concept: slug, from: null, to: null }, options.push ?? true);
    if (this.pathForm.hidden === false && !options.expand) this.setPathFormOpen(false, false);
    this.setGraphStatus('loading');
    const { lang } = this.state;
    try {
      const alreadyExpanded = options.expand && this.graph.isExpanded(slug);
      const [subgraph, details] = await Promise.all([
        alreadyExpanded ? null : neighborhood(slug),
        this.loadDetails(slug),
      ]);
      if (generation !== this.generation) return;
      if (subgraph) {
        if (subgraph.truncated) this.truncated.add(slug);
        if (options.expand && this.graph.has(slug)) await this.graph.merge(subgraph, slug);
        else await this.graph.show(subgraph, slug);
      } else {
        this.graph.select(slug);
      }
      if (generation !== this.generation) return;
      this.graph.markExpanded(slug);
      this.search.setPicked(options.hit ?? details);
      this.renderPanel();
      // The legend under the canvas may have changed height: fit the drawing to the canvas it now has.
      this.graph.refit();
      this.setGraphStatus('ready', slug);
      this.announce(t('drawn', this.state.lang, { n: this.graph.counts().nodes, m: this.graph.counts().edges }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, lang);
    }
  }

  private async loadDetails(slug: string): Promise<ConceptDetails> {
    const known = this.details.get(slug);
    if (known) return known;
    const loaded = await concept(slug);
    this.details.set(slug, loaded);
    return loaded;
  }

  private fail(error: unknown, lang: Lang): void {
    this.setGraphStatus('error');
    const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
    renderMessage(this.panel, notFound ? t('notFound', lang) : t('error', lang), (error as Error).message);
    this.announce(notFound ? t('notFound', lang) : t('error', lang));
  }

  private submitPath(): void {
    const from = this.pathFrom.picked;
    const to = this.pathTo.picked;
    const message = byId('path-message');
    if (!from || !to) {
      message.textContent = t('pathPickBoth', this.state.lang);
      return;
    }
    message.textContent = '';
    void this.findPaths(from.slug, to.slug, true);
  }

  private async findPaths(from: string, to: string, push: boolean): Promise<void> {
    const generation = ++this.generation;
    this.navigate({ ...this.state, concept: null, from, to }, push);
    this.setGraphStatus('loading');
    const { lang } = this.state;
    try {
      const [results, fromDetails, toDetails] = await Promise.all([
        paths(from, to),
        this.loadDetails(from),
        this.loadDetails(to),
      ]);
      if (generation !== this.generation) return;
      this.pathFrom.setPicked(fromDetails);
      this.pathTo.setPicked(toDetails);
      this.pathResults = results;
      await this.drawPath(0);
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, lang);
    }
  }

  private async drawPath(index: number): Promise<void> {
    this.shownPath = index;
    const path = this.pathResults[index];
    if (path) await this.graph.showPath(path);
    else this.graph.clear();
    this.renderPanel();
    this.graph.refit();
    this.setGraphStatus(path ? 'ready' : 'empty');
    this.announce(path ? sentencesOf(path, this.state.lang).join(' ') : t('pathNone', this.state.lang));
  }

  private renderPanel(): void {
    const { lang } = this.state;
    if (isPathMode(this.state)) {
      renderPath(this.panel, this.pathResults, this.shownPath, lang, this.actions);
    } else if (this.state.concept) {
      const details = this.details.get(this.state.concept);
      if (details)
        renderConcept(
          this.panel,
          details,
          this.graph.connections(details.slug),
          this.truncated.has(details.slug),
          lang,
          this.actions,
        );
    } else {
      renderWelcome(this.panel, lang, this.actions);
    }
    this.refreshLists();
  }

  private refreshLists(): void {
    renderLegend(
      this.legend,
      this.graph.relationTypes(),
      this.graph.kinds(),
      this.state.lang,
      this.hiddenTypes,
      (type, visible) => {
        if (visible) this.hiddenTypes.delete(type);
        else this.hiddenTypes.add(type);
        this.graph.setHiddenTypes(this.hiddenTypes);
      },
      this.dashboard ? progressLegend(this.state.lang) : null,
    );
    this.legend.hidden = this.graph.counts().nodes === 0;
    renderNodeList(this.nodeList, this.graph.nodes(), this.state.lang, this.actions, (slug) =>
      this.graph.progressOf(slug),
    );
    this.nodeList.hidden = this.graph.counts().nodes === 0;
  }

  private setLang(lang: Lang): void {
    if (lang === this.state.lang) return;
    this.navigate({ ...this.state, lang }, false);
    this.applyLang();
    this.renderPanel();
    if (this.progressOn && this.dashboard) this.renderProgressView();
    else if (this.progressOn && this.progressError)
      renderProgressError(this.progressEl, this.progressError, this.state.lang, this.progressActions);
  }

  /** Puts every fixed string, every label in the graph and the page language into the chosen language. */
  private applyLang(): void {
    const { lang } = this.state;
    document.documentElement.lang = lang.toLowerCase();
    document.body.dataset.lang = lang;
    document.title = t('title', lang);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
      el.textContent = t(el.dataset.i18n as UiKey, lang);
    for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))
      el.placeholder = t(el.dataset.i18nPlaceholder as UiKey, lang);
    byId('lang-ko').setAttribute('aria-pressed', String(lang === 'KO'));
    byId('lang-en').setAttribute('aria-pressed', String(lang === 'EN'));
    byId('panel').setAttribute('aria-label', t('panelLabel', lang));
    this.graphEl.setAttribute('aria-label', `${t('graphLabel', lang)}. ${t('graphHelp', lang)}`);
    this.graph.setLang(lang);
    this.search.relabel();
    this.pathFrom.relabel();
    this.pathTo.relabel();
  }

  private setPathFormOpen(open: boolean, focus = true): void {
    this.pathForm.hidden = !open;
    document.body.dataset.mode = open ? 'path' : 'explore';
    byId('mode-explore').setAttribute('aria-pressed', String(!open));
    byId('mode-path').setAttribute('aria-pressed', String(open));
    if (open && focus) {
      const current = this.state.concept ? this.details.get(this.state.concept) : undefined;
      if (current && !this.pathFrom.picked) this.pathFrom.setPicked(current);
      byId(this.pathFrom.picked ? 'path-to' : 'path-from').focus();
    }
    if (!open && focus && isPathMode(this.state)) void this.open(this.state.from as string, { expand: false });
    this.graph.refit();
  }

  /** The graph element carries its state as data attributes, for styling and for automated tests. */
  private setGraphStatus(status: GraphStatus, focus?: string): void {
    const counts = this.graph.counts();
    this.graphEl.dataset.state = status;
    this.graphEl.dataset.nodeCount = String(counts.nodes);
    this.graphEl.dataset.edgeCount = String(counts.edges);
    if (focus) this.graphEl.dataset.focus = focus;
    this.graphEl.setAttribute('aria-busy', String(status === 'loading'));
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }

  /** A read-only view for automation and debugging in the browser console. */
  inspect() {
    return {
      state: () => ({ ...this.state, ...this.graph.counts() }),
      labels: () => this.graph.labels(),
      slugs: () => this.graph.nodes().map((n) => n.slug),
      nodePosition: (slug: string) => this.graph.pagePosition(slug),
      expanded: () =>
        this.graph
          .nodes()
          .filter((n) => this.graph.isExpanded(n.slug))
          .map((n) => n.slug),
      edgeStyles: () => this.graph.edgeStyles(),
      nodeStyles: () => this.graph.nodeStyles(),
      progressOf: (slug: string) => this.graph.progressOf(slug),
    };
  }
}

declare global {
  interface Window {
    atlasExplorer?: ReturnType<Explorer['inspect']>;
  }
}

const explorer = new Explorer();
window.atlasExplorer = explorer.inspect();
void explorer.start();
