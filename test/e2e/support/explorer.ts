import type { Page } from 'playwright-core';

import type { PageDocument, TestBrowser } from './browser';

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

/**
 * A new page of `browser` on the explorer at `/explore?<query>`, drawn around the query's `concept` when it names one,
 * handed to `use` and closed afterwards whatever `use` did. `prepare` runs on the page before it loads: listeners and
 * routes that must see its first requests.
 */
export async function withExplorerPage(
  browser: TestBrowser,
  query: string,
  use: (page: Page) => Promise<void>,
  options: { viewport?: { width: number; height: number }; prepare?: (page: Page) => Promise<void> | void } = {},
): Promise<void> {
  const page = await browser.newPage(options.viewport);
  try {
    await options.prepare?.(page);
    await page.goto(`${browser.origin}/explore?${query}`);
    const concept = new URLSearchParams(query).get('concept');
    if (concept) await waitForGraph(page, concept);
    await use(page);
  } finally {
    await page.close();
  }
}
