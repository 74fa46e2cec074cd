import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

import type { Response, Router } from 'express';
import express from 'express';

import type { Config } from '../config';
import type { Logger } from '../logger';
import { wantsHtml } from './media-type';

/** The pages `npm run build` bundles into dist/web (see web/vite.config.ts). */
const PAGES = {
  playground: path.join('playground', 'index.html'),
  explorer: path.join('explorer', 'index.html'),
} as const;

type Page = keyof typeof PAGES;

/** A request for the playground page rather than for GraphQL: a browser's GET (or HEAD) of /graphql. */
export function isPageRequest(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && wantsHtml(req);
}

/**
 * The GraphQL playground (GET /graphql for browsers; /playground redirects there) and the graph explorer (/explore),
 * served from the bundles in dist/web. Every script, style, font and Monaco worker they load is under /web/, so the
 * pages make no request to another host. Mount it before the GraphQL middleware.
 */
export function webRouter(config: Pick<Config, 'rootDir' | 'demo'>, logger: Logger): Router {
  const webDir = path.join(config.rootDir, 'dist', 'web');
  const router = express.Router();
  if (!fs.existsSync(path.join(webDir, PAGES.playground))) {
    logger.warn({ webDir }, 'the playground and explorer are not built; run `npm run build` to serve them');
  }

  const sendPage = (page: Page, res: Response): void => {
    const file = path.join(webDir, PAGES[page]);
    // Pages are small and name hashed assets, so they are revalidated every time; the assets are cached for good.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file, (error) => {
      if (!error || res.headersSent) return;
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '이 페이지는 아직 빌드되지 않았습니다. `npm run build` 를 실행하세요.\nThis page is not built yet. Run `npm run build`.\n',
        );
    });
  };

  router.get('/graphql', (req, res, next) => {
    if (wantsHtml(req)) sendPage('playground', res);
    else next();
  });
  router.get('/playground', (_req, res) => res.redirect(302, '/graphql'));
  router.get('/explore', (_req, res) => {
    if (!config.demo) {
      sendPage('explorer', res);
      return;
    }
    // A development start has a demo learner: the page is told so in its markup, so it offers the progress view
    // without probing a route that production does not have.
    fs.readFile(path.join(webDir, PAGES.explorer), 'utf8', (error, html) => {
      if (error) {
        sendPage('explorer', res);
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(html.replace('<body ', '<body data-dev-demo="on" '));
    });
  });
  router.use(
    '/web/assets',
    express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  return router;
}
