import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';

import type { GraphEdge, GraphNode, PathResult, Subgraph } from './api';
import { type Lang, pick, relationLabel } from './i18n';
import { kindStyle, relationColor, SYMMETRIC_RELATIONS } from './palette';

const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", sans-serif';

const MAX_FIT_ZOOM = 1.25;
/** Below this, labels are too small to read: show the part around the focus at this zoom instead of everything. */
const MIN_FIT_ZOOM = 0.75;

function edgeId(edge: GraphEdge): string {
  return `${edge.from}|${edge.type}|${edge.to}`;
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
  private readonly cy: Core;
  private lang: Lang;

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
        { selector: 'node.focus', style: { width: 44, height: 44, 'font-size': 15, 'font-weight': 'bold', 'border-width': 4, 'border-color': '#f59e0b' } },
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
        { selector: '.dim', style: { opacity: 0.25 } },
      ],
    });
    this.cy.on('tap', 'node', (event) => onTap((event.target as NodeSingular).id()));
    this.cy.on('mouseover', 'node', () => container.classList.add('is-pointing'));
    this.cy.on('mouseout', 'node', () => container.classList.remove('is-pointing'));
  }

  private nodeElement(node: GraphNode): ElementDefinition {
    const style = kindStyle(node.kind);
    return {
      group: 'nodes',
      data: { id: node.slug, kind: node.kind, ko: node.name.ko, en: node.name.en, label: pick(node.name, this.lang), color: style.color, shape: style.shape },
    };
  }

  private edgeElement(edge: GraphEdge): ElementDefinition {
    return {
      group: 'edges',
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
  private capZoom(): void {
    const zoom = this.cy.zoom();
    if (zoom > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    } else if (zoom < MIN_FIT_ZOOM) {
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

  /** Draws a neighbourhood from scratch with `focus` in the middle and its neighbours around it. */
  async show(subgraph: Subgraph, focus: string): Promise<void> {
    this.cy.elements().remove();
    this.add(subgraph.nodes, subgraph.edges);
    this.cy.getElementById(focus).addClass('focus expanded');
    this.placeEdgeLabels();
    await this.rings(focus, false);
  }

  /**
   * Adds the neighbourhood of `around` to what is drawn and re-centres the drawing on it. New nodes start where
   * `around` is, so the animation shows them coming out of the node that was clicked.
   * Returns how many nodes were added.
   */
  async merge(subgraph: Subgraph, around: string): Promise<number> {
    this.clearMarks();
    const anchor = this.cy.getElementById(around);
    const origin = anchor.nonempty() ? { ...anchor.position() } : { x: 0, y: 0 };
    const added = this.add(subgraph.nodes, subgraph.edges);
    // Start new nodes on a small circle around the clicked one (a force layout cannot separate identical points).
    added.forEach((slug, i) => {
      const angle = (2 * Math.PI * i) / added.length;
      this.cy.getElementById(slug).position({ x: origin.x + 40 * Math.cos(angle), y: origin.y + 40 * Math.sin(angle) });
    });
    this.cy.getElementById(around).addClass('focus expanded');
    this.placeEdgeLabels();
    if (added.length > 0) {
      await this.run({
        name: 'cose',
        randomize: false,
        animate: false,
        fit: true,
        padding: 28,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 60_000,
        idealEdgeLength: () => 60,
        edgeElasticity: () => 100,
        nestingFactor: 1.2,
        gravity: 60,
        nodeOverlap: 20,
        numIter: 1500,
        initialTemp: 200,
        coolingFactor: 0.95,
        minTemp: 1,
      } as LayoutOptions);
    } else {
      this.cy.animate({ center: { eles: anchor } }, { duration: 200 });
    }
    return added.length;
  }

  /**
   * Concentric rings by distance from `center` in the drawn graph: its neighbours on the first ring, theirs on the
   * second. It reads like the question a learner asks ("what is next to this?") and never lets labels overlap.
   */
  private async rings(center: string, animate: boolean): Promise<void> {
    const distance = new Map<string, number>([[center, 0]]);
    let frontier = [center];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const slug of frontier) {
        this.cy.getElementById(slug).neighborhood('node').forEach((n) => {
          if (distance.has(n.id())) return;
          distance.set(n.id(), (distance.get(slug) ?? 0) + 1);
          next.push(n.id());
        });
      }
      frontier = next;
    }
    const far = Math.max(...distance.values()) + 1;
    await this.run({
      name: 'concentric',
      concentric: (node: NodeSingular) => far - (distance.get(node.id()) ?? far),
      levelWidth: () => 1,
      minNodeSpacing: 28,
      avoidOverlap: true,
      nodeDimensionsIncludeLabels: true,
      fit: true,
      padding: 28,
      animate,
      animationDuration: 350,
    } as LayoutOptions);
  }

  /** Draws one path on its own, left to right (top to bottom on a narrow screen), every step highlighted. */
  async showPath(path: PathResult): Promise<void> {
    this.cy.elements().remove();
    this.add(path.nodes, path.edges);
    const vertical = this.container.clientWidth < this.container.clientHeight;
    path.nodes.forEach((node, i) => {
      this.cy.getElementById(node.slug).position(vertical ? { x: (i % 2) * 60, y: i * 120 } : { x: i * 190, y: (i % 2) * 50 });
    });
    this.cy.elements().addClass('path');
    this.placeEdgeLabels();
    const ends = [path.nodes[0], path.nodes[path.nodes.length - 1]].filter(Boolean) as GraphNode[];
    for (const end of ends) this.cy.getElementById(end.slug).addClass('focus');
    await this.run({ name: 'preset', fit: true, padding: 48, animate: false } as LayoutOptions);
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

  fit(): void {
    this.cy.fit(this.cy.elements(), 36);
    this.capZoom();
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
    return this.cy.nodes().map((n) => ({ slug: n.id(), kind: n.data('kind') as string, name: { ko: n.data('ko') as string, en: n.data('en') as string } }));
  }

  node(slug: string): GraphNode | null {
    return this.nodes().find((n) => n.slug === slug) ?? null;
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
      const description = e.data('descriptionKo') || e.data('descriptionEn') ? { ko: e.data('descriptionKo') as string, en: e.data('descriptionEn') as string } : null;
      return {
        edge: { type: e.data('type') as string, from: e.source().id(), to: e.target().id(), description },
        outgoing,
        other: { slug: otherEl.id(), kind: otherEl.data('kind') as string, name: { ko: otherEl.data('ko') as string, en: otherEl.data('en') as string } },
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
    this.fit();
  }
}
