import type { Router } from 'express';
import express from 'express';

import type { Neo4jGateway } from '../neo4j/gateway';
import { StatsRepository } from '../stats/stats.repository';

/**
 * Liveness says the process answers; readiness says it can serve correct answers: the database is reachable and
 * holds a seeded graph. A load balancer should route only to ready replicas.
 */
export function healthRouter(gateway: Neo4jGateway): Router {
  const router = express.Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req, res) => {
    let database: 'up' | 'down' = 'down';
    let seeded = false;
    try {
      const state = await new StatsRepository(gateway).seedState();
      database = 'up';
      seeded = state !== null;
    } catch {
      database = 'down';
    }
    const ready = database === 'up' && seeded;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', database, seeded });
  });
  return router;
}
