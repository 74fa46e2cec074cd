import type { Response, Router } from 'express';
import express from 'express';

import { callerOf } from '../access/access.credential';
import { AccessRepository } from '../access/access.repository';
import { issueLearnerToken } from '../access/access.service';
import type { AccessConfig, DemoConfig } from '../config';
import { AtlasError } from '../errors';
import type { Neo4jGateway } from '../neo4j/gateway';
import { DEVELOPMENT_FRONTEND } from './demo.startup';

function sendError(res: Response, error: AtlasError): void {
  const { http: head, ...extensions } = error.extensions as {
    http?: { status: number; headers?: Map<string, string> };
  };
  for (const [name, value] of head?.headers ?? []) res.setHeader(name, value);
  res
    .status(head?.status ?? (error.code.startsWith('DATABASE_') ? 503 : 500))
    .json({ errors: [{ message: error.message, extensions }] });
}

/**
 * Mounted only when the development frontend exists (never in production).
 *
 * `GET /dev/demo`: the key and the demo learner's id, for the playground's Headers tab (a developer's tool, where the
 * key is what the examples show).
 *
 * `POST /dev/demo/token`: what a learning frontend's own server does for its page, standing in for one: it holds the
 * key, asks for a learner token for the demo learner (the key is checked and the token signed by the same code as
 * `Mutation.createLearnerToken`) and hands the page the token only. The explorer's progress view calls the API with
 * it, so the key never reaches the explorer's script.
 */
export function demoRouter(demo: DemoConfig, gateway: Neo4jGateway, access: AccessConfig): Router {
  const router = express.Router();
  const repo = new AccessRepository(gateway);
  router.get('/dev/demo', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ frontend: DEVELOPMENT_FRONTEND, key: demo.frontendKey, learnerId: demo.learnerId });
  });
  router.post('/dev/demo/token', async (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const caller = await callerOf(`Bearer ${demo.frontendKey}`, repo, access.tokenSecret);
      if (caller.kind !== 'frontend') throw new Error('the development key did not authenticate as a frontend');
      const { token, expiresAt } = issueLearnerToken(
        { frontendId: caller.frontendId, learnerId: demo.learnerId },
        null,
        access,
      );
      res.json({ learnerId: demo.learnerId, token, expiresAt: expiresAt.toISOString() });
    } catch (error) {
      if (error instanceof AtlasError) sendError(res, error);
      else next(error);
    }
  });
  return router;
}
