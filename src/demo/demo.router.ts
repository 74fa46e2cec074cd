import type { Router } from 'express';
import express from 'express';

import type { DemoConfig } from '../config';
import { DEVELOPMENT_FRONTEND } from './demo.startup';

/**
 * `GET /dev/demo`, mounted only when the development frontend exists (never in production): the key and the demo
 * learner's id, for the playground's headers and the explorer's progress view. The explorer then asks for a learner
 * token with the key and calls the API with that token, as a real frontend's browser would.
 */
export function demoRouter(demo: DemoConfig): Router {
  const router = express.Router();
  router.get('/dev/demo', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ frontend: DEVELOPMENT_FRONTEND, key: demo.frontendKey, learnerId: demo.learnerId });
  });
  return router;
}
