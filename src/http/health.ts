import type { Router } from 'express';
import express from 'express';

import type { Neo4jGateway } from '../neo4j/gateway';
import { StatsRepository } from '../stats/stats.repository';

/**
 * Liveness says the process answers; readiness says it can serve correct answers: the database is reachable and
 * holds a seeded graph. A load balancer should route only to ready replicas.
 */
export function healthRouter(gateway: Neo4jGateway, pingTimeoutMs: number): Router {
  // Its own short deadline: a database that hangs must turn the service unready long before a query would time out.
  const probe = new StatsRepository(gateway.withTimeout(pingTimeoutMs));
  const router = express.Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req, res) => {
    let database: 'up' | 'down';
    let seeded = false;
    try {
      const state = await probe.seedState();
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
