import type { Page, Request } from 'playwright-core';

import { readToken, signToken } from '../../src/access/access.token';
import { DEFAULT_DEV_FRONTEND_KEY } from '../../src/config';
import { CHROMIUM, describeWithTool } from '../support/optional-tools';
import { startTestServer, TEST_TOKEN_SECRET, testConfig, type TestServer, useTestServer } from '../support/server';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay';
import { expectOnlyOwnRequests, type PageDocument, screenshotPath, useBrowser } from './support/browser';
import { explorerOf, waitForGraph, withExplorerPage } from './support/explorer';

// Only inside page callbacks, which run in the browser.
declare const document: PageDocument;

/**
 * The fills the progress view must paint, written out by hand from the palette (hex to rgb), one per learner state.
 * Cytoscape reports a node's computed fill as `rgb(r,g,b)`.
 */
const FILL = {
  NEW: 'rgb(138,138,138)',
  LEARNING: 'rgb(213,94,0)',
  REVIEW: 'rgb(0,114,178)',
  MASTERED: 'rgb(0,122,90)',
};

async function styles(page: Page): Promise<Record<string, { color: string; learnNext: boolean }>> {
  const list = await explorerOf(page).nodeStyles();
  return Object.fromEntries(list.map((n) => [n.slug, { color: n.color, learnNext: n.learnNext }]));
}

async function waitForProgress(page: Page, state: 'ready' | 'error'): Promise<void> {
  await page.waitForFunction((s) => document.getElementById('progress')?.dataset.state === s, state);
}

/** Whether the server marked the page as having a demo learner (development with DEV_DEMO). */
function devDemo(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.body.dataset.devDemo);
}

/** Every request the page sends to /graphql with a credential, and every one to the demo routes. */
function recordCredentials(page: Page) {
  const seen = { graphqlWithCredential: [] as string[], demoRoutes: [] as string[], authorizations: [] as string[] };
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    const authorization = request.headers()['authorization'];
    if (authorization) seen.authorizations.push(authorization);
    if (url.pathname === '/graphql' && authorization) seen.graphqlWithCredential.push(request.postData() ?? '');
    if (url.pathname.startsWith('/dev/demo')) seen.demoRoutes.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}

interface ApiDashboard {
  dueReviews: { edges: { node: { slug: string } }[] };
  nextConcepts: { edges: { node: { concept: { slug: string } } }[] };
  sections: { edges: { node: { section: string; review: number; mastered: number; percent: number } }[] };
}

/** What the API itself says of the demo learner, asked with the development key as a frontend's server would. */
async function apiDashboard(server: TestServer): Promise<ApiDashboard> {
  const { body } = await server.gql<{ learner: ApiDashboard }>(
    `{ learner(id: "demo") {
      dueReviews(first: 20) { edges { node { slug } } }
      nextConcepts(first: 10) { edges { node { concept { slug } } } }
      sections(first: 100) { edges { node { section review mastered percent } } }
    } }`,
    {},
    { authorization: `Bearer ${DEFAULT_DEV_FRONTEND_KEY}` },
  );
  if (!body.data) throw new Error(`the API refused the dashboard: ${JSON.stringify(body.errors)}`);
  return body.data.learner;
}

describeWithTool(CHROMIUM, 'explorer: my progress (development demo learner)', () => {
  const server = useTestServer({ DEV_DEMO: 'true', NEO4J_QUERY_TIMEOUT_MS: '60000' });
  const browser = useBrowser(() => server.url);

  it('paints every node by the demo learner state, lists due reviews and what to learn next, and restores the colours when off', async () => {
    let seen!: ReturnType<typeof recordCredentials>;
    const prepare = (page: Page) => {
      seen = recordCredentials(page);
    };
    await withExplorerPage(
      browser,
      'concept=operating-system&lang=en',
      async (page) => {
        expect(await devDemo(page)).toBe('on');
        const toggle = page.locator('#progress-toggle');
        expect(await toggle.isVisible()).toBe(true);
        expect(await toggle.evaluate((el) => el.tagName)).toBe('BUTTON');
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        const before = await styles(page);
        expect(Object.values(before).some((p) => Object.values(FILL).includes(p.color))).toBe(false);
        expect(await explorerOf(page).progressOf('kernel')).toBeNull();
        expect(seen.demoRoutes).toEqual([]);

        await toggle.click();
        await waitForProgress(page, 'ready');
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        // One GraphQL request for the whole dashboard, with the learner token; the frontend key never leaves the server.
        expect(seen.graphqlWithCredential).toHaveLength(1);
        expect(seen.authorizations.every((a) => /^Bearer lt1\./.test(a))).toBe(true);
        expect(seen.authorizations.some((a) => a.includes(DEFAULT_DEV_FRONTEND_KEY))).toBe(false);
        expect(seen.demoRoutes).toEqual(['POST /dev/demo/token']);

        // By hand, from the seven demo reviews and the rules in memory.model.ts: kernel was rated EASY twice (stability
        // far past 21 days): MASTERED; operating-system once EASY five days ago (graduated, stability under 21 days):
        // REVIEW; user-space and unikernel were never reviewed: NEW.
        const progressOf = explorerOf(page).progressOf;
        const states = await Promise.all(['kernel', 'operating-system', 'user-space', 'unikernel'].map(progressOf));
        expect(states).toEqual(['MASTERED', 'REVIEW', 'NEW', 'NEW']);
        const painted = await styles(page);
        expect(painted['kernel']).toEqual({ color: FILL.MASTERED, learnNext: false });
        expect(painted['operating-system']).toEqual({ color: FILL.REVIEW, learnNext: false });
        // user-space is learned after kernel only, which is known: open to learn next. unikernel needs container
        // (still learning) first: not open.
        expect(painted['user-space']).toEqual({ color: FILL.NEW, learnNext: true });
        expect(painted['unikernel']).toEqual({ color: FILL.NEW, learnNext: false });
        // Every drawn node has one of the four state fills, none its kind colour.
        expect(Object.values(painted).every((p) => Object.values(FILL).includes(p.color))).toBe(true);

        // The lists are what the API says, in its order.
        const api = await apiDashboard(server);
        const due = await page.locator('#due-list button').evaluateAll((els) => els.map((el) => el.dataset.slug));
        expect(due).toEqual(api.dueReviews.edges.map((e) => e.node.slug));
        // By hand: container (AGAIN yesterday, relearning) and isolation (EASY 30 days ago, about 8 days' stability).
        expect([...due].sort()).toEqual(['container', 'isolation']);
        const next = await page.locator('#next-list button').evaluateAll((els) => els.map((el) => el.dataset.slug));
        expect(next).toEqual(api.nextConcepts.edges.map((e) => e.node.concept.slug));
        // By hand: each is learned after kernel or process only, both mastered.
        expect(next).toEqual(expect.arrayContaining(['user-space', 'linux-kernel', 'application', 'signal']));
        expect(next).not.toContain('unikernel');
        expect(next).not.toContain('kernel');

        // Per section: kernel and isolation are known in "Container 란?", process in "Application Container",
        // operating-system in "OS Container"; container (learning) does not count.
        const shares = Object.fromEntries(
          await page
            .locator('#section-list li')
            .evaluateAll((els) =>
              els.map((el) => [el.dataset.section, el.querySelector('.progress__section-share')?.textContent ?? '']),
            ),
        ) as Record<string, string>;
        expect(Object.keys(shares)).toHaveLength(api.sections.edges.length);
        for (const { node } of api.sections.edges)
          expect(shares[node.section]).toMatch(new RegExp(`^${node.percent} % `));
        const known = (section: string) => /\((\d+)\//.exec(shares[section] ?? '')?.[1];
        expect(known('Container and Docker > Container 란?')).toBe('2');
        expect(known('Container and Docker > Application Container')).toBe('1');
        expect(known('Container and Docker > OS Container')).toBe('1');
        expect(known('유니커널 (Unikernel)')).toBe('0');

        // The legend names each state in words; so does the list of drawn concepts.
        const legend = page.locator('[data-testid="progress-legend"] li');
        expect(await legend.allInnerTexts()).toEqual([
          'New',
          'Learning',
          'Review',
          'Mastered',
          'Learn next (violet ring)',
        ]);
        expect(await page.locator('#legend [data-kind]').count()).toBe(0);
        expect(await page.locator('#node-list button[data-slug="kernel"]').textContent()).toMatch(/· Mastered$/);
        await page.screenshot({ path: screenshotPath('explorer-progress-en') });

        // A due review is a button that moves to its concept: container, learning, drawn in the learning fill.
        await page.locator('#due-list button[data-slug="container"]').click();
        await waitForGraph(page, 'container');
        expect(await explorerOf(page).progressOf('container')).toBe('LEARNING');
        const afterMove = await styles(page);
        expect(afterMove['container']?.color).toBe(FILL.LEARNING);
        // Concepts drawn after the view was switched on are painted too: hypervisor was never reviewed.
        expect(afterMove['hypervisor']?.color).toBe(FILL.NEW);

        // Korean: the legend and the lists change language, the colours stay.
        await page.locator('#lang-ko').click();
        await page.waitForFunction(() => document.documentElement.lang === 'ko');
        expect(await legend.allInnerTexts()).toEqual([
          '처음',
          '익히는 중',
          '복습 단계',
          '숙달',
          '다음에 배울 개념 (보라색 테두리)',
        ]);
        expect(await page.locator('#progress-title').innerText()).toBe('내 학습 현황 (데모 학습자)');
        expect(seen.graphqlWithCredential).toHaveLength(1);
        await page.screenshot({ path: screenshotPath('explorer-progress-ko') });

        // Off: the kind colours come back, the kinds legend too, and the progress column goes away.
        await page.locator('#lang-en').click();
        await page.locator('#progress-toggle').click();
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        expect(await page.locator('#progress').isVisible()).toBe(false);
        expect(await explorerOf(page).progressOf('container')).toBeNull();
        const restored = await styles(page);
        // By hand from the palette's kind colours: container is a TECHNOLOGY (#2563eb), isolation a CONCEPT (#64748b).
        expect(restored['container']).toEqual({ color: 'rgb(37,99,235)', learnNext: false });
        expect(restored['isolation']).toEqual({ color: 'rgb(100,116,139)', learnNext: false });
        expect(Object.values(restored).every((p) => !p.learnNext)).toBe(true);
        expect(await page.locator('[data-testid="progress-legend"]').count()).toBe(0);
        expect(await page.locator('#legend [data-kind]').count()).toBeGreaterThan(0);
        expectOnlyOwnRequests(browser.network);
      },
      { prepare },
    );
  });

  /**
   * A page whose token route (standing in for a frontend's server) hands out tokens already past their expiry, signed
   * with the server's real secret so the API refuses them for their age alone; the next `expired` ones are stale.
   */
  function withStaleTokens(
    expired: number,
    use: (page: Page, seen: ReturnType<typeof recordCredentials>) => Promise<void>,
  ): Promise<void> {
    let seen!: ReturnType<typeof recordCredentials>;
    let stale = expired;
    const prepare = async (page: Page) => {
      seen = recordCredentials(page);
      await page.route('**/dev/demo/token', async (route) => {
        const response = await route.fetch();
        const issued = (await response.json()) as { learnerId: string; token: string; expiresAt: string };
        if (stale <= 0) return route.fulfill({ response, json: issued });
        stale -= 1;
        const verdict = readToken(issued.token, TEST_TOKEN_SECRET);
        if (!verdict.ok) throw new Error(`the server issued a token it would not accept: ${verdict.reason}`);
        const expiresAt = new Date(Date.now() - 60_000);
        const token = signToken({ ...verdict.claim, expiresAt }, TEST_TOKEN_SECRET);
        return route.fulfill({ response, json: { ...issued, token, expiresAt: expiresAt.toISOString() } });
      });
    };
    return withExplorerPage(browser, 'concept=kernel&lang=en', (page) => use(page, seen), { prepare });
  }

  it('renews an expired learner token once and shows the dashboard', () =>
    withStaleTokens(1, async (page, seen) => {
      await page.locator('#progress-toggle').click();
      await waitForProgress(page, 'ready');
      expect(seen.demoRoutes).toEqual(['POST /dev/demo/token', 'POST /dev/demo/token']);
      expect(seen.graphqlWithCredential).toHaveLength(2);
      expect(await explorerOf(page).progressOf('kernel')).toBe('MASTERED');
    }));

  it('says in the panel that the token was refused when the renewed one is refused too, and asks no more', () =>
    withStaleTokens(2, async (page, seen) => {
      await page.locator('#progress-toggle').click();
      await waitForProgress(page, 'error');
      const error = page.locator('[data-testid="progress-error"]');
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.getAttribute('data-code')).toBe('UNAUTHENTICATED');
      expect(await error.innerText()).toContain('The learner token was refused, and so was a new one');
      expect(await error.innerText()).toContain('This learner token has expired.');
      // One renewal, then the answer: two tokens, two requests.
      expect(seen.demoRoutes).toHaveLength(2);
      expect(seen.graphqlWithCredential).toHaveLength(2);
      // No colours from an answer that never came.
      expect(await explorerOf(page).progressOf('kernel')).toBeNull();
      await page.screenshot({ path: screenshotPath('explorer-progress-token-refused') });

      // The route hands out good tokens again: "Try again" loads the dashboard.
      await page.locator('[data-testid="progress-retry"]').click();
      await waitForProgress(page, 'ready');
      expect(await explorerOf(page).progressOf('kernel')).toBe('MASTERED');
    }));
});

describeWithTool(CHROMIUM, 'explorer: my progress while the database is away', () => {
  let relay: TcpRelay;
  let server: TestServer;

  beforeAll(async () => {
    const target = new URL(testConfig().neo4j.uri!.replace(/^\w+:/, 'http:'));
    relay = await startTcpRelay({ host: target.hostname, port: Number(target.port) });
    server = await startTestServer({ DEV_DEMO: 'true', NEO4J_URI: relay.uri, NEO4J_QUERY_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    relay?.thaw();
    await server?.stop();
    await relay?.close();
  });

  const browser = useBrowser(() => server.url);

  it('shows what failed and loads again once the database is back', () =>
    withExplorerPage(browser, 'concept=kernel&lang=en', async (page) => {
      expect(await devDemo(page)).toBe('on');

      relay.freeze();
      await page.locator('#progress-toggle').click();
      await waitForProgress(page, 'error');
      const error = page.locator('[data-testid="progress-error"]');
      expect(['DATABASE_TIMEOUT', 'DATABASE_UNAVAILABLE']).toContain(await error.getAttribute('data-code'));
      expect(await error.innerText()).toContain('The database is not answering right now. Try again in a moment.');
      await page.screenshot({ path: screenshotPath('explorer-progress-database-away') });
      await page.locator('#lang-ko').click();
      expect(await error.innerText()).toContain('데이터베이스가 지금 응답하지 않습니다.');

      relay.thaw();
      await page.locator('[data-testid="progress-retry"]').click();
      await waitForProgress(page, 'ready');
      expect(await explorerOf(page).progressOf('kernel')).toBe('MASTERED');
    }));
});

describeWithTool(CHROMIUM, 'explorer without the demo learner', () => {
  const server = useTestServer({ DEV_DEMO: 'false' });
  const browser = useBrowser(() => server.url);

  it('shows no progress control at all', async () => {
    const origin = new URL(server.url).origin;
    expect((await fetch(`${origin}/dev/demo/token`, { method: 'POST' })).status).toBe(404);
    await withExplorerPage(browser, 'concept=kernel&lang=en', async (page) => {
      expect(await devDemo(page)).toBeUndefined();
      expect(await page.locator('#progress-toggle').isVisible()).toBe(false);
      expect(await page.locator('#progress').isVisible()).toBe(false);
      expect(await explorerOf(page).progressOf('kernel')).toBeNull();
      expectOnlyOwnRequests(browser.network);
    });
  });
});
