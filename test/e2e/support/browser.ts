import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type BrowserContext, chromium, type Page } from 'playwright-core';

import { CHROMIUM } from '../../support/optional-tools';

/**
 * The little of the DOM that test callbacks read inside the page. Test code is type-checked without the DOM library
 * (it would change Node's own fetch types for every test), so each test file declares `document` with these.
 */
export interface PageElement {
  id: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  closest(selector: string): PageElement | null;
}

export interface PageDocument {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  activeElement: PageElement | null;
  documentElement: { lang: string; scrollWidth: number; clientWidth: number };
  body: { dataset: Record<string, string | undefined> };
}

/** Screenshots for a reviewer to look at (git-ignored). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What the pages asked the network for, beyond the server under test. Requests to any other host are aborted before
 * they leave the browser (so a failing test sends nothing anywhere) and recorded; so are requests the page's content
 * security policy refused, error statuses from our own server and uncaught page errors.
 */
export interface NetworkLog {
  foreign: string[];
  refusedByPolicy: string[];
  httpErrors: string[];
  pageErrors: string[];
}

export interface TestBrowser {
  /** The origin of the server under test: the only one the pages may reach. */
  origin: string;
  context: BrowserContext;
  network: NetworkLog;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

function isOwn(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Starts headless Chromium with a fresh profile, allowed to talk to `origin` only.
 */
export async function launchBrowser(origin: string): Promise<TestBrowser> {
  const executablePath = CHROMIUM.find();
  if (!executablePath)
    throw new Error(`The browser tests need chromium on PATH. Install Debian's package: ${CHROMIUM.install}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    timeout: 30_000,
  });
  context.setDefaultTimeout(15_000);
  const network: NetworkLog = { foreign: [], refusedByPolicy: [], httpErrors: [], pageErrors: [] };
  await context.route(
    (url) => !isOwn(url.toString(), origin),
    (route) => {
      network.foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) network.refusedByPolicy.push(text);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) network.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  context.on('weberror', (error) => network.pageErrors.push(error.error().message));
  return {
    origin,
    context,
    network,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium for the tests of one suite: launched in a `beforeAll` for the server whose URL `serverUrl` gives (read
 * then, so a server the suite starts in an earlier `beforeAll` works too), closed in an `afterAll`. Read it inside a
 * test or a hook.
 */
export function useBrowser(serverUrl: () => string): TestBrowser {
  let running: TestBrowser | undefined;
  beforeAll(async () => {
    running = await launchBrowser(new URL(serverUrl()).origin);
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return new Proxy({} as TestBrowser, {
    get(_target, property) {
      if (!running) {
        throw new Error(
          `The browser is not running: read browser.${String(property)} inside a test or a hook of the suite that called useBrowser().`,
        );
      }
      return running[property as keyof TestBrowser];
    },
  });
}

/** Fails with the offending URLs when a page reached beyond the server under test or broke. */
export function expectOnlyOwnRequests(network: NetworkLog): void {
  const problems = [
    ...network.foreign.map((url) => `request to another host: ${url}`),
    ...network.refusedByPolicy.map((text) => `refused by the content security policy: ${text}`),
    ...network.httpErrors.map((line) => `error status: ${line}`),
    ...network.pageErrors.map((message) => `page error: ${message}`),
  ];
  if (problems.length > 0) throw new Error(`The pages must use only the server under test:\n${problems.join('\n')}`);
}

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS, `${name}.png`);
}
