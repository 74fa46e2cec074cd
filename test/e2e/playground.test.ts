import type { Page } from 'playwright-core';

import { DEFAULT_DEV_FRONTEND_KEY } from '../../src/config';
import { EXAMPLE_TABS } from '../../web/playground/examples';
import { learnerTabs } from '../../web/playground/examples.learner';
import { CHROMIUM, describeWithTool } from '../support/optional-tools';
import { useTestServer } from '../support/server';
import { expectOnlyOwnRequests, type PageDocument, screenshotPath, useBrowser } from './support/browser';

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
  // A development start, as a developer opens the playground: the learner API tabs come with the development key.
  const server = useTestServer({ DEV_DEMO: 'true', NEO4J_QUERY_TIMEOUT_MS: '60000' });
  const browser = useBrowser(() => server.url);

  it('answers a browser at GET /graphql with the playground, and GraphQL clients still with Apollo', async () => {
    const origin = new URL(server.url).origin;
    const html = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toMatch(/<script type="module"[^>]+src="\/web\/assets\/[^"]+\.js"/);
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'self'/);

    const api = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const anything = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: '*/*' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await anything.json()).toEqual({ data: { __typename: 'Query' } });

    const alias = await fetch(`${origin}/playground`, { redirect: 'manual' });
    expect(alias.status).toBe(302);
    expect(alias.headers.get('location')).toBe('/graphql');

    const script = /src="(\/web\/assets\/[^"]+\.js)"/.exec(page)?.[1] as string;
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it.each(EXAMPLE_TABS.map((tab) => [operationName(tab.query), tab] as const))(
    'example tab %s runs as it is against the real API',
    async (_name, tab) => {
      const { status, body } = await server.gql(tab.query, JSON.parse(tab.variables) as Record<string, unknown>);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      const values = Object.values(body.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toBeNull();
    },
  );

  it('runs each learner API tab as it is, with the development key of its Headers tab', async () => {
    const quiz = await server.gql<{ quiz: { id: string; options: { id: string }[] }[] }>(
      '{ quiz(topic: "docker-kill", count: 1, seed: 1) { id options { id } } }',
    );
    const question = quiz.body.data!.quiz[0];
    const tabs = learnerTabs(
      // A learner of its own: the demo learner's reviews stay as a development start made them.
      { key: DEFAULT_DEV_FRONTEND_KEY, learnerId: `playground-${Date.now()}` },
      { id: question.id, choice: question.options[0].id },
      `playground-${Date.now()}`,
    );
    expect(tabs.map((tab) => operationName(tab.query))).toEqual([
      'LearnerDashboard',
      'ReviewAsLearner',
      'AnswerAsLearner',
    ]);
    for (const tab of tabs) {
      const headers = JSON.parse(tab.headers) as Record<string, string>;
      expect(headers).toEqual({ Authorization: 'Bearer atlas_development-only-key-not-for-production-use' });
      const { status, body } = await server.gql<Record<string, { review?: { slug: string } }>>(
        tab.query,
        JSON.parse(tab.variables) as Record<string, unknown>,
        headers,
      );
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    }
    // The review tab sent twice with its key counts once.
    const review = tabs[1];
    const first = await server.gql<{ reviewConcept: { review: { number: number } } }>(
      review.query,
      JSON.parse(review.variables) as Record<string, unknown>,
      JSON.parse(review.headers) as Record<string, string>,
    );
    const retry = await server.gql<{ reviewConcept: { review: { number: number } } }>(
      review.query,
      JSON.parse(review.variables) as Record<string, unknown>,
      JSON.parse(review.headers) as Record<string, string>,
    );
    expect(retry.body.data?.reviewConcept.review.number).toBe(first.body.data?.reviewConcept.review.number);
  });

  it('loads in Chromium with only local requests, opens with the example tabs and runs one', async () => {
    const page = await browser.newPage();
    try {
      // GraphiQL is ready to run a query once it has the schema, as a user sees from the docs filling in.
      const introspected = page.waitForResponse(
        (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery'),
      );
      await page.goto(server.url);
      await introspected;
      const tabs = page.locator('.graphiql-tab');
      await tabs.nth(EXAMPLE_TABS.length - 1).waitFor();
      const learnerTitles = ['LearnerDashboard', 'ReviewAsLearner', 'AnswerAsLearner'];
      expect(await tabs.count()).toBe(EXAMPLE_TABS.length + learnerTitles.length);
      const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
      expect(titles.map((t) => t.trim())).toEqual([
        ...EXAMPLE_TABS.map((tab) => operationName(tab.query)),
        ...learnerTitles,
      ]);
      // The first tab's query and variables are in the editors (a tab clicked before Monaco is up would not load).
      await page
        .locator('.graphiql-query-editor .view-lines', { hasText: operationName(EXAMPLE_TABS[0].query) })
        .waitFor();
      await page
        .locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines', { hasText: 'container' })
        .waitFor();

      // The search example: Korean and English in one request, the English one misspelled.
      await page.locator('.graphiql-tab', { hasText: 'SearchInKoreanAndEnglish' }).click();
      await page.locator('.graphiql-query-editor .view-lines', { hasText: 'SearchInKoreanAndEnglish' }).waitFor();
      await page
        .locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines', { hasText: '유니커널' })
        .waitFor();
      // GraphiQL takes the operation name from the editor 100 ms (a debounce) after it changes; a run before that goes
      // out with the previous tab's operation name. The same debounced step saves the editor's text under
      // graphiql:query, so once that holds this tab's query the operation name is this tab's too.
      await page.waitForFunction(() =>
        (localStorage.getItem('graphiql:query') ?? '').includes('query SearchInKoreanAndEnglish'),
      );
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('SearchInKoreanAndEnglish'),
      );
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      // On failure this says what was sent and what came back.
      const problem =
        response.status() === 200
          ? null
          : { status: response.status(), body: await response.text(), sent: response.request().postData() };
      expect(problem).toBeNull();
      await page.waitForFunction(() =>
        /"unikernel"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
      );
      const result = await responseText(page);
      expect(result).toContain('"korean"');
      expect(result).toContain('"unikernel"');
      expect(result).toContain('"didYouMean"');
      // The English search is misspelled ("hypervisr"): the answer says what it searched for instead. The editor
      // shows only the lines in view, so this is read from the response the playground received.
      const answer = (await response.json()) as {
        data: { english: { didYouMean: string | null; hits: { concept: { slug: string } }[] } };
      };
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

  it('runs the learner dashboard tab with the development key from its Headers tab and shows the answer', async () => {
    const page = await browser.newPage();
    try {
      // The test above left its tabs in this browser's storage; start as a first visit does.
      await page.goto(server.url);
      await page.evaluate('localStorage.clear()');
      const introspected = page.waitForResponse(
        (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery'),
      );
      await page.reload();
      await introspected;
      // A tab clicked before Monaco is up would not load: wait for the first tab's query in the editor.
      await page
        .locator('.graphiql-query-editor .view-lines', { hasText: operationName(EXAMPLE_TABS[0].query) })
        .waitFor();
      await page.locator('.graphiql-tab', { hasText: 'LearnerDashboard' }).click();
      await page.locator('.graphiql-query-editor .view-lines', { hasText: 'LearnerDashboard' }).waitFor();
      await page.locator('.graphiql-editor-tools button', { hasText: /^Headers$/ }).click();
      await page
        .locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines', {
          hasText: 'atlas_development-only-key',
        })
        .waitFor();
      // As above: once GraphiQL's debounced step has saved this tab's query, a run sends this tab's operation.
      await page.waitForFunction(() =>
        (localStorage.getItem('graphiql:query') ?? '').includes('query LearnerDashboard'),
      );
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('LearnerDashboard'),
      );
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      expect(response.request().headers().authorization).toBe(
        'Bearer atlas_development-only-key-not-for-production-use',
      );
      const answer = (await response.json()) as {
        errors?: unknown;
        data: { learner: { id: string; progress: { summary: { mastered: number } } } };
      };
      expect(answer.errors).toBeUndefined();
      expect(answer.data.learner.id).toBe('demo');
      expect(answer.data.learner.progress.summary.mastered).toBe(2);
      await page.waitForFunction(() =>
        /"mastered"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
      );
      const result = await responseText(page);
      expect(result).toContain('"demo"');
      expect(result).not.toContain('"errors"');
      await page.screenshot({ path: screenshotPath('playground-learner') });
    } finally {
      await page.close();
    }
    expectOnlyOwnRequests(browser.network);
  });
});
