import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';

import type { GraphEdge, GraphNode, PathResult, Subgraph } from './api';
import { type Lang, pick, relationLabel } from './i18n';
import { kindStyle, LEARNING_ORDER, NEXT_COLOR, progressColor, relationColor, SYMMETRIC_RELATIONS } from './palette';

const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", sans-serif';

const MAX_FIT_ZOOM = 1.25;

/** Below this, labels are too small to read: show the part around the focus at this zoom instead of everything. */
const MIN_FIT_ZOOM = 0.7;

/** About how much room a node and its label need along a ring, in model pixels. */
const NODE_ROOM = 150;

function edgeId(edge: GraphEdge): string {
  return `${edge.from}|${edge.type}|${edge.to}`;
}

/** What the progress view paints: each concept's learner state (NEW when absent) and the concepts to learn next. */
export interface ProgressPaint {
  states: ReadonlyMap<string, string>;
  next: ReadonlySet<string>;
}

/** A neighbour of a node as seen from it: which edge, which way, and who is on the other end. */
export interface Connection {
  edge: GraphEdge;
  outgoing: boolean;
  other: GraphNode;
}

/**
 * The cytoscape.js canvas. It holds the drawn nodes and edges (with both languages of every label) and knows how to
 * lay them out; what to draw is decided by the caller.
 */
export class GraphView {
  /** Relation types the reader switched off in the legend. */
  private hiddenTypes: Set<string> = new Set();
  private readonly cy: Core;
  private lang: Lang;
  /** Set while the progress view is on: nodes then take the learner's state colours instead of their kind's. */
  private progress: ProgressPaint | null = null;

  constructor(
    private readonly container: HTMLElement,
    lang: Lang,
    onTap: (slug: string) => void,
  ) {
    this.lang = lang;
    this.cy = cytoscape({
      container,
      minZoom: 0.25,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            shape: 'data(shape)' as never,
            label: 'data(label)',
            width: 28,
            height: 28,
            'font-family': FONT,
            'font-size': 13,
            color: '#111827',
            'text-valign': 'bottom',
            'text-halign': 'center',
            'text-margin-y': 6,
            'text-wrap': 'wrap',
            'text-max-width': '130px',
            'text-outline-color': '#ffffff',
            'text-outline-width': 3,
            'border-width': 2,
            'border-color': '#ffffff',
            'transition-property': 'width, height, border-width, opacity',
            'transition-duration': 150,
          },
        },
        { selector: 'node.expanded', style: { 'border-color': '#111827', 'border-width': 2 } },
        // An outline, not the border: the border already marks the focus and the expanded nodes.
        {
          selector: 'node.learn-next',
          style: {
            'outline-width': 3,
            'outline-style': 'dashed',
            'outline-color': NEXT_COLOR,
            'outline-offset': 3,
          },
        },
        {
          selector: 'node.focus',
          style: {
            width: 44,
            height: 44,
            'font-size': 15,
            'font-weight': 'bold',
            'border-width': 4,
            'border-color': '#f59e0b',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 2,
            'curve-style': 'bezier',
            'line-color': 'data(color)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'data(arrow)' as never,
            'arrow-scale': 1.1,
            label: 'data(label)',
            'source-label': 'data(sourceLabel)',
            'target-label': 'data(targetLabel)',
            'source-text-offset': 58,
            'target-text-offset': 58,
            'font-family': FONT,
            'font-size': 11,
            color: 'data(color)',
            // Horizontal labels: rotated Hangul along a steep edge is hard to read.
            'text-rotation': 'none',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.9,
            'text-background-padding': '2px',
            'text-background-shape': 'roundrectangle',
          },
        },
        { selector: 'edge.path', style: { width: 4 } },
        // The learn-first ladder is an order of study, not a fact: thin, dashed and faint, its label shown on hover.
        { selector: 'edge.ladder', style: { width: 1, 'line-style': 'dashed', opacity: 0.35, 'text-opacity': 0 } },
        { selector: 'edge.ladder.hover', style: { opacity: 1, 'text-opacity': 1, 'z-index': 10 } },
        { selector: 'edge.type-hidden', style: { display: 'none' } },
        { selector: 'edge.secondary', style: { opacity: 0.3, 'text-opacity': 0, width: 1.5 } },
        { selector: 'edge.secondary.hover', style: { opacity: 1, 'text-opacity': 1, 'z-index': 10 } },
        { selector: '.dim', style: { opacity: 0.25 } },
      ],
    });
    this.cy.on('tap', 'node', (event) => onTap((event.target as NodeSingular).id()));
    this.cy.on('mouseover', 'edge', (event) => (event.target as EdgeSingular).addClass('hover'));
    this.cy.on('mouseout', 'edge', (event) => (event.target as EdgeSingular).removeClass('hover'));
    this.cy.on('mouseover', 'node', () => container.classList.add('is-pointing'));
    this.cy.on('mouseout', 'node', () => container.classList.remove('is-pointing'));
  }

  /** The fill of a node: its learner state's colour in the progress view, its kind's otherwise. */
  private nodeColor(slug: string, kind: string): string {
    return this.progress ? progressColor(this.progress.states.get(slug) ?? 'NEW') : kindStyle(kind).color;
  }

  private nodeElement(node: GraphNode): ElementDefinition {
    const style = kindStyle(node.kind);
    return {
      group: 'nodes',
      classes: this.progress?.next.has(node.slug) ? 'learn-next' : '',
      data: {
        id: node.slug,
        kind: node.kind,
        ko: node.name.ko,
        en: node.name.en,
        label: pick(node.name, this.lang),
        color: this.nodeColor(node.slug, node.kind),
        shape: style.shape,
      },
    };
  }

  private edgeElement(edge: GraphEdge): ElementDefinition {
    return {
      group: 'edges',
      classes: [edge.type === LEARNING_ORDER ? 'ladder' : '', this.hiddenTypes.has(edge.type) ? 'type-hidden' : '']
        .filter(Boolean)
        .join(' '),
      data: {
        id: edgeId(edge),
        source: edge.from,
        target: edge.to,
        type: edge.type,
        descriptionKo: edge.description?.ko ?? '',
        descriptionEn: edge.description?.en ?? '',
        label: relationLabel(edge.type, this.lang),
        sourceLabel: '',
        targetLabel: '',
        color: relationColor(edge.type),
        arrow: SYMMETRIC_RELATIONS.has(edge.type) ? 'none' : 'triangle',
      },
    };
  }

  /** Adds what is not drawn yet; returns the slugs of the nodes it added. */
  private add(nodes: GraphNode[], edges: GraphEdge[]): string[] {
    const added: string[] = [];
    const fresh: ElementDefinition[] = [];
    for (const node of nodes) {
      if (this.cy.getElementById(node.slug).nonempty()) continue;
      fresh.push(this.nodeElement(node));
      added.push(node.slug);
    }
    this.cy.add(fresh);
    const freshEdges = edges
      .filter((e) => this.cy.getElementById(edgeId(e)).empty())
      .filter((e) => this.cy.getElementById(e.from).nonempty() && this.cy.getElementById(e.to).nonempty())
      .map((e) => this.edgeElement(e));
    this.cy.add(freshEdges);
    return added;
  }

  private run(options: LayoutOptions): Promise<void> {
    return new Promise((resolve) => {
      const layout = this.cy.layout(options);
      layout.one('layoutstop', () => {
        this.capZoom();
        resolve();
      });
      layout.run();
    });
  }

  /**
   * Fitting a handful of nodes would blow them up, fitting many would shrink their labels to dots: keep the zoom in
   * a readable range, centred on the focus when not everything fits.
   */
  private capZoom(allowSmall = false): void {
    const zoom = this.cy.zoom();
    if (zoom > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    } else if (zoom < MIN_FIT_ZOOM && !allowSmall) {
      this.cy.zoom(MIN_FIT_ZOOM);
      const focus = this.cy.nodes('.focus');
      this.cy.center(focus.nonempty() ? focus : undefined);
    }
  }

  /**
   * Edge labels in the middle pile up around an expanded node, where all its edges meet. An edge from an expanded
   * node to a leaf is labelled near the leaf instead, which spreads the labels around the ring.
   */
  private placeEdgeLabels(): void {
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => {
        const text = relationLabel(e.data('type') as string, this.lang);
        const sourceHub = e.source().hasClass('expanded');
        const targetHub = e.target().hasClass('expanded');
        // Relations between two concepts nobody expanded yet are context: drawn faintly, labelled on hover.
        e.toggleClass('secondary', !sourceHub && !targetHub && !e.hasClass('path'));
        e.data({
          label: sourceHub === targetHub ? text : '',
          sourceLabel: targetHub && !sourceHub ? text : '',
          targetLabel: sourceHub && !targetHub ? text : '',
        });
      });
    });
  }

  private clearMarks(): void {
    this.cy.elements().removeClass('focus path dim');
  }

  /**
   * Puts nodes on a ring around a centre, starting at `startAngle`. More than ten go on two interleaved rings, so
   * neighbouring labels stay a full node apart without the ring growing past the screen.
   */
  private ringRadius(count: number): number {
    const perRing = count > 10 ? Math.ceil(count / 2) : count;
    return Math.max(150, (perRing * NODE_ROOM) / (2 * Math.PI));
  }

  private placeRing(center: { x: number; y: number }, slugs: string[], startAngle = -Math.PI / 2): void {
    const twoRings = slugs.length > 10;
    const inner = this.ringRadius(slugs.length);
    slugs.forEach((slug, i) => {
      const angle = startAngle + (2 * Math.PI * i) / Math.max(1, slugs.length);
      const radius = twoRings && i % 2 === 1 ? inner + 110 : inner;
      this.cy
        .getElementById(slug)
        .position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    });
  }

  /** Neighbours in a stable order: by kind, then name, so similar concepts sit next to each other. */
  private ordered(slugs: string[]): string[] {
    const key = (slug: string) => {
      const node = this.cy.getElementById(slug);
      return `${node.data('kind') as string}|${pick({ ko: node.data('ko') as string, en: node.data('en') as string }, this.lang)}`;
    };
    return [...slugs].sort((a, b) => key(a).localeCompare(key(b)));
  }

  /** Draws a neighbourhood from scratch: `focus` in the middle, its neighbours on a ring around it. */
  async show(subgraph: Subgraph, focus: string): Promise<void> {
    this.cy.elements().remove();
    this.add(subgraph.nodes, subgraph.edges);
    this.cy.getElementById(focus).addClass('focus expanded').position({ x: 0, y: 0 });
    this.placeEdgeLabels();
    this.placeRing({ x: 0, y: 0 }, this.ordered(subgraph.nodes.map((n) => n.slug).filter((slug) => slug !== focus)));
    await this.run({ name: 'preset', fit: true, padding: 32, animate: false });
  }

  /**
   * Adds the neighbourhood of `around` to what is drawn, without moving what the learner already saw: the new nodes
   * go on a ring of their own beside the clicked node, on the side facing away from the rest of the drawing.
   * Returns how many nodes were added.
   */
  async merge(subgraph: Subgraph, around: string): Promise<number> {
    this.clearMarks();
    const anchor = this.cy.getElementById(around);
    const origin = anchor.nonempty() ? { ...anchor.position() } : { x: 0, y: 0 };
    const rest = this.cy.nodes().filter((n) => n.id() !== around);
    const middle = rest.nonempty() ? rest.boundingBox() : { x1: 0, x2: 0, y1: 0, y2: 0 };
    const away = Math.atan2(origin.y - (middle.y1 + middle.y2) / 2, origin.x - (middle.x1 + middle.x2) / 2);
    const added = this.add(subgraph.nodes, subgraph.edges);
    // The new ring sits beside the clicked node, on its far side, instead of on top of what is already drawn.
    const reach = added.length > 0 ? this.ringRadius(added.length) + (added.length > 10 ? 110 : 0) + 90 : 0;
    const center = { x: origin.x + reach * Math.cos(away), y: origin.y + reach * Math.sin(away) };
    this.placeRing(center, this.ordered(added), away);
    this.cy.getElementById(around).addClass('focus expanded');
    this.placeEdgeLabels();
    await this.run({ name: 'preset', fit: true, padding: 32, animate: false });
    return added.length;
  }

  /** Draws one path on its own, left to right (top to bottom on a narrow screen), every step highlighted. */
  async showPath(path: PathResult): Promise<void> {
    this.cy.elements().remove();
    this.add(path.nodes, path.edges);
    const vertical = this.container.clientWidth < this.container.clientHeight;
    path.nodes.forEach((node, i) => {
      this.cy
        .getElementById(node.slug)
        .position(vertical ? { x: (i % 2) * 70, y: i * 180 } : { x: i * 200, y: (i % 2) * 50 });
    });
    this.cy.elements().addClass('path');
    this.placeEdgeLabels();
    const ends = [path.nodes[0], path.nodes[path.nodes.length - 1]].filter((node): node is GraphNode => Boolean(node));
    for (const end of ends) this.cy.getElementById(end.slug).addClass('focus');
    await this.run({ name: 'preset', fit: true, padding: 48, animate: false });
  }

  /** Marks the concept the side panel is about. */
  select(slug: string): void {
    this.cy.nodes().removeClass('focus');
    this.cy.getElementById(slug).addClass('focus');
  }

  markExpanded(slug: string): void {
    this.cy.getElementById(slug).addClass('expanded');
  }

  isExpanded(slug: string): boolean {
    return this.cy.getElementById(slug).hasClass('expanded');
  }

  has(slug: string): boolean {
    return this.cy.getElementById(slug).nonempty();
  }

  clear(): void {
    this.cy.elements().remove();
  }

  /** Shows the whole drawing, however small that makes it (the learner asked for the overview). */
  fit(): void {
    this.cy.fit(this.cy.elements(), 36);
    this.capZoom(true);
  }

  /** Relabels every node and edge; the texts of both languages are already in the elements. */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.data('label', pick({ ko: n.data('ko') as string, en: n.data('en') as string }, lang));
      });
    });
    this.placeEdgeLabels();
  }

  nodes(): GraphNode[] {
    return this.cy.nodes().map((n) => ({
      slug: n.id(),
      kind: n.data('kind') as string,
      name: { ko: n.data('ko') as string, en: n.data('en') as string },
    }));
  }

  node(slug: string): GraphNode | null {
    return this.nodes().find((n) => n.slug === slug) ?? null;
  }

  /** Paints the nodes by the learner's progress (also those drawn later), or back in their kind colours with null. */
  setProgress(progress: ProgressPaint | null): void {
    this.progress = progress;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.data('color', this.nodeColor(n.id(), n.data('kind') as string));
        n.toggleClass('learn-next', progress?.next.has(n.id()) ?? false);
      });
    });
  }

  /** The learner state of a drawn concept while the progress view is on; null when it is off. */
  progressOf(slug: string): string | null {
    return this.progress ? (this.progress.states.get(slug) ?? 'NEW') : null;
  }

  /** Each drawn node's fill as rendered and whether it is ringed as "learn next" (for checks of the progress view). */
  nodeStyles(): { slug: string; color: string; learnNext: boolean }[] {
    return this.cy.nodes().map((n) => ({
      slug: n.id(),
      color: String(n.style('background-color')),
      learnNext: Number.parseFloat(String(n.style('outline-width'))) > 0,
    }));
  }

  /** Hides the edges of the given relation types and shows all others (the legend's checkboxes). */
  setHiddenTypes(types: ReadonlySet<string>): void {
    this.hiddenTypes = new Set(types);
    this.cy.batch(() => {
      this.cy.edges().forEach((edge) => {
        if (this.hiddenTypes.has(edge.data('type') as string)) edge.addClass('type-hidden');
        else edge.removeClass('type-hidden');
      });
    });
  }

  /** Each drawn edge's type and how it is drawn: shown or hidden, and its opacity (for checks of the legend). */
  edgeStyles(): { type: string; visible: boolean; opacity: number }[] {
    return this.cy
      .edges()
      .map((e) => ({ type: e.data('type') as string, visible: e.visible(), opacity: Number(e.style('opacity')) }));
  }

  relationTypes(): string[] {
    return [...new Set(this.cy.edges().map((e) => e.data('type') as string))].sort();
  }

  kinds(): string[] {
    return [...new Set(this.cy.nodes().map((n) => n.data('kind') as string))].sort();
  }

  counts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  /** The drawn edges at `slug`, each with the node at its other end. */
  connections(slug: string): Connection[] {
    const node = this.cy.getElementById(slug);
    if (node.empty()) return [];
    return node.connectedEdges().map((e) => {
      const outgoing = e.source().id() === slug;
      const otherEl = outgoing ? e.target() : e.source();
      const description =
        e.data('descriptionKo') || e.data('descriptionEn')
          ? { ko: e.data('descriptionKo') as string, en: e.data('descriptionEn') as string }
          : null;
      return {
        edge: { type: e.data('type') as string, from: e.source().id(), to: e.target().id(), description },
        outgoing,
        other: {
          slug: otherEl.id(),
          kind: otherEl.data('kind') as string,
          name: { ko: otherEl.data('ko') as string, en: otherEl.data('en') as string },
        },
      };
    });
  }

  /** Where a node is drawn, in page coordinates (for automation: a click there taps the node). */
  pagePosition(slug: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(slug);
    if (node.empty()) return null;
    const rendered = node.renderedPosition();
    const box = this.container.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }

  /** The labels as drawn right now. */
  labels(): string[] {
    return this.cy.nodes().map((n) => n.data('label') as string);
  }

  /** Follows a change of the container's size (panel, legend, window) and fits the drawing again. */
  refit(): void {
    this.cy.resize();
    this.cy.fit(this.cy.elements(), 32);
    this.capZoom();
  }
}
