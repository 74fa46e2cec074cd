import type { Page } from 'playwright-core';

import { CHROMIUM, describeWithTool } from '../support/optional-tools';
import { useTestServer } from '../support/server';
import { expectOnlyOwnRequests, type PageDocument, screenshotPath, useBrowser } from './support/browser';
import { explorerOf, type ExplorerHook, waitForGraph, withExplorerPage } from './support/explorer';

// Only inside page callbacks, which run in the browser.
declare const document: PageDocument;
declare const location: { search: string };
declare const window: { atlasExplorer: ExplorerHook };

/** Moves through a combobox's suggestions with ↓ until `slug` is the active one, then picks it with Enter. */
async function pickWithKeyboard(page: Page, input: string, slug: string): Promise<void> {
  const list = `#${input}-list`;
  await page.locator(`${list} [role="option"][data-slug="${slug}"]`).waitFor();
  for (let presses = 0; presses < 10; presses += 1) {
    if ((await page.locator(`${list} [aria-selected="true"]`).getAttribute('data-slug')) === slug) break;
    await page.locator(`#${input}`).press('ArrowDown');
  }
  await page.locator(`#${input}`).press('Enter');
}

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describeWithTool(CHROMIUM, 'graph explorer', () => {
  const server = useTestServer();
  const browser = useBrowser(() => server.url);

  /** A concept's name in both languages, from the API itself. */
  async function names(slug: string): Promise<{ ko: string; en: string }> {
    const { body } = await server.gql<{ concept: { ko: string; en: string } }>(
      'query($slug: String!) { concept(slug: $slug) { ko: name(lang: KO) en: name(lang: EN) } }',
      { slug },
    );
    if (!body.data?.concept) throw new Error(`The seeded graph has no concept "${slug}"`);
    return body.data.concept;
  }

  async function neighbours(slug: string): Promise<string[]> {
    const { body } = await server.gql<{ neighborhood: { nodes: { slug: string }[] } }>(
      'query($slug: String!) { neighborhood(slug: $slug, depth: 1) { nodes { slug } } }',
      { slug },
    );
    return body.data?.neighborhood.nodes.map((n) => n.slug) ?? [];
  }

  it('searches 유니커널, draws its neighbourhood, expands a node, switches to English and shows a path', () =>
    withExplorerPage(browser, 'lang=ko', async (page) => {
      const explorer = explorerOf(page);
      await page.locator('#search').fill('유니커널');
      await pickWithKeyboard(page, 'search', 'unikernel');
      await waitForGraph(page, 'unikernel');

      const unikernel = await names('unikernel');
      const drawn = await explorer.state();
      expect(drawn.nodes).toBeGreaterThan(1);
      expect(drawn.edges).toBeGreaterThan(0);
      expect(await page.locator('#panel-title').innerText()).toBe(unikernel.ko);
      expect(await page.locator('#legend [data-type]').count()).toBeGreaterThan(0);
      expect(query(page).get('concept')).toBe('unikernel');
      expect(query(page).get('lang')).toBe('ko');
      await page.screenshot({ path: screenshotPath('explorer-neighbourhood-ko') });

      // Expand a neighbour whose own neighbourhood brings concepts that are not drawn yet, by clicking its node.
      const before = new Set(await explorer.slugs());
      const canvas = await page.locator('#graph').boundingBox();
      if (!canvas) throw new Error('#graph is not displayed');
      let target: string | undefined;
      let position: { x: number; y: number } | null = null;
      for (const slug of before) {
        if (slug === 'unikernel') continue;
        position = await explorer.nodePosition(slug);
        const visible =
          position &&
          position.x > canvas.x + 20 &&
          position.x < canvas.x + canvas.width - 20 &&
          position.y > canvas.y + 20 &&
          position.y < canvas.y + canvas.height - 20;
        if (visible && (await neighbours(slug)).some((s) => !before.has(s))) {
          target = slug;
          break;
        }
      }
      if (!target || !position)
        throw new Error(
          'No visible neighbour of unikernel leads anywhere new; the seeded graph is too small for this test.',
        );
      await page.mouse.click(position.x, position.y);
      await waitForGraph(page, target);
      const expanded = await explorer.state();
      expect(expanded.nodes).toBeGreaterThan(before.size);
      expect(await explorer.expanded()).toEqual(expect.arrayContaining(['unikernel', target]));
      expect(query(page).get('concept')).toBe(target);

      // Every label follows the language switch, in the graph and on the page.
      await page.locator('#lang-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const targetNames = await names(target);
      expect(await explorer.labels()).toEqual(expect.arrayContaining([unikernel.en, targetNames.en]));
      expect(await explorer.labels()).not.toContain(unikernel.ko);
      expect(await page.locator('#panel-title').innerText()).toBe(targetNames.en);
      expect(await page.locator('#mode-path').innerText()).toBe('Find a path');
      expect(query(page).get('lang')).toBe('en');
      await page.screenshot({ path: screenshotPath('explorer-expanded-en') });

      // Path mode: how does a unikernel connect to a virtual machine?
      await page.locator('#mode-path').click();
      await page.locator('#path-from').fill('unikernel');
      await page.locator('#path-from-list [data-slug="unikernel"]').click();
      await page.locator('#path-to').fill('virtual machine');
      await page.locator('#path-to-list [data-slug="virtual-machine"]').click();
      await page.waitForFunction(
        () =>
          document.body.dataset.mode === 'path' && new URLSearchParams(location.search).get('to') === 'virtual-machine',
      );
      await page.waitForFunction(
        () =>
          document.getElementById('graph')?.dataset.state === 'ready' &&
          document.querySelector('[data-testid="path-explanation"]') !== null,
      );
      const { body } = await server.gql<{ paths: { explanation: string[]; nodes: { slug: string }[] }[] }>(
        '{ paths(from: "unikernel", to: "virtual-machine", first: 3) { explanation(lang: EN) nodes { slug } } }',
      );
      const shortest = body.data?.paths[0];
      if (!shortest) throw new Error('The API finds no path from unikernel to virtual-machine');
      expect(shortest.explanation.length).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="path-explanation"]').innerText()).toBe(shortest.explanation.join(' '));
      expect((await explorer.slugs()).sort()).toEqual(shortest.nodes.map((n) => n.slug).sort());
      expect(query(page).get('from')).toBe('unikernel');
      await page.screenshot({ path: screenshotPath('explorer-path-en') });
    }));

  it("shows the note's correction beside the truth, draws the learning order lightly and hides a relation type from the legend", () =>
    withExplorerPage(browser, 'concept=docker-pause&lang=en', async (page) => {
      expect(await page.locator('.correction__note').innerText()).toContain('SIGSTOP');
      expect(await page.locator('.correction__truth').innerText()).toContain('No signal is sent');

      const drawn = await explorerOf(page).edgeStyles();
      const ladder = drawn.filter((e) => e.type === 'LEARN_AFTER');
      const facts = drawn.filter((e) => e.type !== 'LEARN_AFTER');
      expect(ladder.length).toBeGreaterThan(0);
      expect(ladder.every((e) => e.visible && e.opacity < 0.5)).toBe(true);
      expect(facts.every((e) => e.visible && e.opacity === 1)).toBe(true);

      await page.locator('#legend input[data-type="LEARN_AFTER"]').uncheck();
      // The legend's change handler restyles the edges; wait for that rather than reading the styles straight away.
      await page
        .waitForFunction(
          () => window.atlasExplorer.edgeStyles().every((e) => e.type !== 'LEARN_AFTER' || !e.visible),
          undefined,
          { timeout: 10000 },
        )
        .catch(() => undefined);
      const after = await explorerOf(page).edgeStyles();
      expect(after.filter((e) => e.type === 'LEARN_AFTER').every((e) => !e.visible)).toBe(true);
      expect(after.filter((e) => e.type !== 'LEARN_AFTER').every((e) => e.visible)).toBe(true);
      await page.locator('#legend input[data-type="LEARN_AFTER"]').check();
      await page
        .waitForFunction(
          () => window.atlasExplorer.edgeStyles().every((e) => e.type !== 'LEARN_AFTER' || e.visible),
          undefined,
          { timeout: 10000 },
        )
        .catch(() => undefined);
      expect(
        (await explorerOf(page).edgeStyles()).filter((e) => e.type === 'LEARN_AFTER').every((e) => e.visible),
      ).toBe(true);
    }));

  it('restores a shared view from its URL', () =>
    withExplorerPage(browser, 'concept=unikernel&lang=ko', async (page) => {
      const unikernel = await names('unikernel');
      expect(await page.locator('#panel-title').innerText()).toBe(unikernel.ko);
      expect(await explorerOf(page).labels()).toContain(unikernel.ko);
      expect(await page.locator('#lang-ko').getAttribute('aria-pressed')).toBe('true');
      expect((await explorerOf(page).state()).nodes).toBeGreaterThan(1);

      await page.goto(`${browser.origin}/explore?from=unikernel&to=virtual-machine&lang=en`);
      await page.waitForFunction(
        () => document.body.dataset.mode === 'path' && document.getElementById('graph')?.dataset.state === 'ready',
      );
      expect(await page.locator('[data-testid="path-explanation"]').innerText()).not.toBe('');
    }));

  it('shows what it searched for instead of a misspelled text, and searches exactly that when clicked', () =>
    withExplorerPage(browser, 'lang=en', async (page) => {
      await page.locator('#search').fill('dokcer');
      const suggestion = page.locator('#search-list .combo__did-you-mean');
      await suggestion.waitFor();
      expect(await suggestion.innerText()).toBe('Showing results for docker');
      expect(await page.locator('#search-list [role="option"]').first().getAttribute('data-slug')).toBe('docker');
      await suggestion.dispatchEvent('mousedown');
      await page.waitForFunction(
        () => (document.getElementById('search') as unknown as { value: string }).value === 'docker',
      );
      await page.locator('#search-list .combo__did-you-mean').waitFor({ state: 'detached' });
      expect(await page.locator('#search-list [role="option"]').first().getAttribute('data-slug')).toBe('docker');
      await page.screenshot({ path: screenshotPath('explorer-did-you-mean') });
    }));

  it('can be used with the keyboard alone: Tab reaches the search box and the panel', () =>
    withExplorerPage(browser, 'concept=unikernel&lang=en', async (page) => {
      const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
      const inPanel = () => page.evaluate(() => Boolean(document.activeElement?.closest('#panel')));

      let presses = 0;
      while ((await activeId()) !== 'search' && presses < 10) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      expect(await activeId()).toBe('search');

      await page.keyboard.type('hypervisor');
      await pickWithKeyboard(page, 'search', 'hypervisor');
      await waitForGraph(page, 'hypervisor');

      presses = 0;
      while (!(await inPanel()) && presses < 40) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      expect(await inPanel()).toBe(true);
    }));

  it('fits a phone screen (390x844) without sideways scrolling', () =>
    withExplorerPage(
      browser,
      'concept=unikernel&lang=ko',
      async (page) => {
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        await page.screenshot({ path: screenshotPath('explorer-phone-ko'), fullPage: true });
      },
      { viewport: { width: 390, height: 844 } },
    ));

  it('made no request to any host but the server under test', () =>
    // A page of its own, so the check holds something when this test runs alone as well as after the others.
    withExplorerPage(browser, 'concept=unikernel&lang=en', async (page) => {
      expectOnlyOwnRequests(browser.network);
      // The watch itself works: a request to another host is caught (and never leaves the browser).
      await page.evaluate(() => fetch('http://elsewhere.invalid/probe').catch(() => undefined));
      expect(() => expectOnlyOwnRequests(browser.network)).toThrow(/elsewhere\.invalid/);
    }));
});
