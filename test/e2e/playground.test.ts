import type { Page } from 'playwright-core';

import { EXAMPLE_TABS } from '../../web/playground/examples';
import { CHROMIUM, describeWithTool } from '../support/optional-tools';
import { useTestServer } from '../support/server';
import { expectOnlyOwnRequests, launchBrowser, type PageDocument, screenshotPath, type TestBrowser } from './support/browser';

// Only inside page callbacks, which run in the browser.
declare const document: PageDocument;
declare const localStorage: { getItem(key: string): string | null };

/** The operation name of an example, which GraphiQL shows as its tab title. */
function operationName(query: string): string {
  const match = /^\s*(?:query|mutation)\s+(\w+)/m.exec(query);
  if (!match?.[1]) throw new Error(`An example has no operation name:\n${query}`);
  return match[1];
}

/** The text of the response editor (Monaco renders only visible lines, enough for the first part of the result). */
async function responseText(page: Page): Promise<string> {
  return page.locator('.graphiql-response').innerText();
}

describeWithTool(CHROMIUM, 'GraphQL playground', () => {
  const server = useTestServer();
  let browser: TestBrowser;
  let origin: string;

  beforeAll(async () => {
    origin = new URL(server.url).origin;
    browser = await launchBrowser(origin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('answers a browser at GET /graphql with the playground, and GraphQL clients still with Apollo', async () => {
    const html = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toMatch(/<script type="module"[^>]+src="\/web\/assets\/[^"]+\.js"/);
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'self'/);

    const api = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const anything = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: '*/*' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await anything.json()).toEqual({ data: { __typename: 'Query' } });

    const alias = await fetch(`${origin}/playground`, { redirect: 'manual' });
    expect(alias.status).toBe(302);
    expect(alias.headers.get('location')).toBe('/graphql');

    const script = /src="(\/web\/assets\/[^"]+\.js)"/.exec(page)?.[1] as string;
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it.each(EXAMPLE_TABS.map((tab) => [operationName(tab.query), tab] as const))('example tab %s runs as it is against the real API', async (_name, tab) => {
    const { status, body } = await server.gql(tab.query, JSON.parse(tab.variables) as Record<string, unknown>);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const values = Object.values(body.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).not.toBeNull();
  });

  it('loads in Chromium with only local requests, opens with the example tabs and runs one', async () => {
    const page = await browser.newPage();
    try {
      // GraphiQL is ready to run a query once it has the schema, as a user sees from the docs filling in.
      const introspected = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery'));
      await page.goto(server.url);
      await introspected;
      const tabs = page.locator('.graphiql-tab');
      await tabs.nth(EXAMPLE_TABS.length - 1).waitFor();
      expect(await tabs.count()).toBe(EXAMPLE_TABS.length);
      const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
      expect(titles.map((t) => t.trim())).toEqual(EXAMPLE_TABS.map((tab) => operationName(tab.query)));
      // The first tab's query and variables are in the editors (a tab clicked before Monaco is up would not load).
      await page.locator('.graphiql-query-editor .view-lines', { hasText: operationName(EXAMPLE_TABS[0].query) }).waitFor();
      await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines', { hasText: 'container' }).waitFor();

      // The search example: Korean and English in one request, the English one misspelled.
      await page.locator('.graphiql-tab', { hasText: 'SearchInKoreanAndEnglish' }).click();
      await page.locator('.graphiql-query-editor .view-lines', { hasText: 'SearchInKoreanAndEnglish' }).waitFor();
      await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines', { hasText: '유니커널' }).waitFor();
      // GraphiQL takes the operation name from the editor 100 ms (a debounce) after it changes; a run before that goes
      // out with the previous tab's operation name. The same debounced step saves the editor's text under
      // graphiql:query, so once that holds this tab's query the operation name is this tab's too.
      await page.waitForFunction(() => (localStorage.getItem('graphiql:query') ?? '').includes('query SearchInKoreanAndEnglish'));
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('SearchInKoreanAndEnglish'));
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      // On failure this says what was sent and what came back.
      const problem = response.status() === 200 ? null : { status: response.status(), body: await response.text(), sent: response.request().postData() };
      expect(problem).toBeNull();
      await page.waitForFunction(() => /"unikernel"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''));
      const result = await responseText(page);
      expect(result).toContain('"korean"');
      expect(result).toContain('"unikernel"');
      expect(result).toContain('"didYouMean"');
      // The English search is misspelled ("hypervisr"): the answer says what it searched for instead. The editor
      // shows only the lines in view, so this is read from the response the playground received.
      const answer = (await response.json()) as { data: { english: { didYouMean: string | null; hits: { concept: { slug: string } }[] } } };
      expect(answer.data.english.didYouMean).toBe('hypervisor');
      expect(answer.data.english.hits[0]?.concept.slug).toBe('hypervisor');
      expect(result).not.toContain('"errors"');
      await page.screenshot({ path: screenshotPath('playground') });

      // The history plugin remembers the run; the explorer plugin builds queries from the introspected schema.
      await page.locator('.graphiql-sidebar button[aria-label="Show History"]').click();
      await page.locator('.graphiql-history', { hasText: 'SearchInKoreanAndEnglish' }).waitFor();
      await page.locator('.graphiql-sidebar button[aria-label="Show GraphiQL Explorer"]').click();
      await page.locator('.graphiql-plugin', { hasText: 'learningPath' }).waitFor();
      await page.screenshot({ path: screenshotPath('playground-explorer-plugin') });
    } finally {
      await page.close();
    }
    expectOnlyOwnRequests(browser.network);
  });
});
