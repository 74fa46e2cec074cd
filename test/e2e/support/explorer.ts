import type { Page } from 'playwright-core';

import type { PageDocument } from './browser';

/** What the explorer page exposes for automation (`inspect()` in web/explorer/main.ts). */
export interface ExplorerHook {
  state(): {
    lang: 'KO' | 'EN';
    concept: string | null;
    from: string | null;
    to: string | null;
    nodes: number;
    edges: number;
  };
  labels(): string[];
  slugs(): string[];
  nodePosition(slug: string): { x: number; y: number } | null;
  expanded(): string[];
  edgeStyles(): { type: string; visible: boolean; opacity: number }[];
  nodeStyles(): { slug: string; color: string; learnNext: boolean }[];
  progressOf(slug: string): string | null;
}

// Only inside page callbacks, which run in the browser.
declare const document: PageDocument;
declare const window: { atlasExplorer: ExplorerHook };

/** The explorer's automation hook on `page`, each call read from the page as it is now. */
export function explorerOf(page: Page) {
  return {
    state: () => page.evaluate(() => window.atlasExplorer.state()),
    labels: () => page.evaluate(() => window.atlasExplorer.labels()),
    slugs: () => page.evaluate(() => window.atlasExplorer.slugs()),
    expanded: () => page.evaluate(() => window.atlasExplorer.expanded()),
    nodePosition: (slug: string) => page.evaluate((s) => window.atlasExplorer.nodePosition(s), slug),
    edgeStyles: () => page.evaluate(() => window.atlasExplorer.edgeStyles()),
    nodeStyles: () => page.evaluate(() => window.atlasExplorer.nodeStyles()),
    progressOf: (slug: string) => page.evaluate((s) => window.atlasExplorer.progressOf(s), slug),
  };
}

/** Waits until the graph has drawn around `focus` (the page marks #graph with data-state and data-focus). */
export async function waitForGraph(page: Page, focus: string): Promise<void> {
  await page.waitForFunction((slug) => {
    const graph = document.getElementById('graph');
    return graph?.dataset.state === 'ready' && graph.dataset.focus === slug;
  }, focus);
}
