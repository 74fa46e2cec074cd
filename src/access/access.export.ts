import { type Response, Router } from 'express';
import neo4j from 'neo4j-driver';

import type { AccessConfig } from '../config';
import { AtlasError, BadInputError, RateLimitedError } from '../errors';
import type { Neo4jGateway } from '../neo4j/gateway';
import { checkLearnerId, requireFrontend } from './access.guard';
import { authenticate } from './access.middleware';
import { type AccessLimits, rateLimitMessage } from './access.rate-limit';
import { LearnerDataRepository } from './access.repository';
import { type Caller, PUBLIC_CALLER } from './access.types';

/** Learners read per round trip: a page of learners with all their data stays well inside one transaction's time. */
const PAGE = 200;

/** A stored value as JSON: Neo4j integers as numbers, temporal values as ISO 8601 text, lists and maps within. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const temporal = value as { toString(): string };
    if (
      neo4j.isDateTime(value) ||
      neo4j.isDate(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isDuration(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value)
    ) {
      return temporal.toString();
    }
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function sendError(res: Response, error: AtlasError): void {
  const { http: head, ...extensions } = error.extensions as {
    http?: { status: number; headers?: Map<string, string> };
  };
  for (const [name, value] of head?.headers ?? []) res.setHeader(name, value);
  res.status(head?.status ?? 400).json({ errors: [{ message: error.message, extensions }] });
}

/**
 * `GET /learners/export`: every learner of the calling frontend with all their data, as one JSON document streamed
 * page by page (so a frontend with many learners costs bounded memory). `?learnerId=ID` exports one learner. Needs
 * the frontend key; counts as one read against its rate limit.
 */
export function exportRouter(gateway: Neo4jGateway, config: AccessConfig, limits: AccessLimits): Router {
  const router = Router();
  const repo = new LearnerDataRepository(gateway);
  router.get('/learners/export', authenticate(gateway, config), async (req, res, next) => {
    res.setHeader('cache-control', 'private, no-store');
    let frontendId: string;
    let only: string | null = null;
    try {
      frontendId = requireFrontend({ caller: req.atlas?.caller ?? PUBLIC_CALLER }).frontendId;
      if (req.query.learnerId !== undefined) {
        if (typeof req.query.learnerId !== 'string')
          throw new BadInputError('learnerId', '`learnerId` must be given once, as text.');
        only = checkLearnerId(req.query.learnerId);
      }
      const verdict = limits.take(req.atlas?.caller ?? PUBLIC_CALLER, 'read');
      if (!verdict.ok)
        throw new RateLimitedError(
          rateLimitMessage('read', config.readsPerMinute, verdict.retryAfterSeconds),
          verdict.retryAfterSeconds,
        );
    } catch (error) {
      if (error instanceof AtlasError) return sendError(res, error);
      return next(error);
    }
    const caller = req.atlas?.caller as Extract<Caller, { kind: 'frontend' }>;
    let started = false;
    try {
      let after: string | null = null;
      for (;;) {
        const page = await repo.exportPage(frontendId, after, PAGE, only);
        if (!started) {
          res.status(200).type('application/json');
          res.write(
            `{"frontend":${JSON.stringify({ id: frontendId, name: caller.frontendName })},"exportedAt":${JSON.stringify(new Date().toISOString())},"learners":[`,
          );
        }
        page.forEach((learner, i) => {
          const text = JSON.stringify({
            learnerId: learner.learnerId,
            createdAt: plain(learner.createdAt),
            data: plain(learner.data),
          });
          res.write(started || i > 0 ? `,${text}` : text);
        });
        started = true;
        if (page.length < PAGE) break;
        after = page[page.length - 1].learnerId;
      }
      res.end(']}');
    } catch (error) {
      req.atlas?.logger.error({ err: error }, 'learner export failed');
      // Once the body has started, the status is sent: cutting the connection is what tells the client it is incomplete.
      if (started) res.destroy();
      else if (error instanceof AtlasError) sendError(res, error);
      else next(error);
    }
  });
  return router;
}
