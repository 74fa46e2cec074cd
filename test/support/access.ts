import { randomUUID } from 'node:crypto';

import { createFrontendKey } from '../../src/access/access.service';
import { signToken } from '../../src/access/access.token';
import { createLogger } from '../../src/logger';
import { connectDatabase } from '../../src/neo4j/database';
import { seedTestConfig } from './seed';
import { startTestServer, TEST_TOKEN_SECRET, type TestServer } from './server';

/**
 * A new frontend and its key in the test database, made by the same code as `npm run keys -- create`. The name gets
 * a random suffix, so test files can use the same name without meeting the rule that active names are unique.
 */
export async function createTestFrontend(name: string): Promise<{ key: string; frontendId: string; name: string }> {
  const logger = createLogger({ logLevel: 'silent', logPretty: false });
  const db = await connectDatabase(seedTestConfig(), logger);
  try {
    const unique = `${name}-${randomUUID().slice(0, 8)}`;
    const { key, frontend } = await createFrontendKey(db.gateway, unique);
    return { key, frontendId: frontend.id, name: unique };
  } finally {
    await db.close();
  }
}

let ownServer: Promise<TestServer> | undefined;

// Registered when a test file imports this module: the server learnerToken started for that file stops with it.
afterAll(async () => {
  const server = ownServer;
  ownServer = undefined;
  if (server) await (await server).stop();
});

/**
 * A learner token from `createLearnerToken`, through the real API: through `via` when given, else through a test
 * server of its own (every test server signs with the same secret, so the token works on any of them).
 */
export async function learnerToken(
  key: string,
  learnerId: string,
  ttlSeconds?: number,
  via?: TestServer,
): Promise<string> {
  const server = via ?? (await (ownServer ??= startTestServer()));
  const response = await server.gql<{ createLearnerToken: { token: string } }>(
    'mutation Token($learnerId: String!, $ttlSeconds: Int) { createLearnerToken(learnerId: $learnerId, ttlSeconds: $ttlSeconds) { token } }',
    { learnerId, ttlSeconds: ttlSeconds ?? null },
    { authorization: `Bearer ${key}` },
  );
  const token = response.body.data?.createLearnerToken.token;
  if (!token)
    throw new Error(`createLearnerToken failed (HTTP ${response.status}): ${JSON.stringify(response.body.errors)}`);
  return token;
}

/** A token with any claim, signed with the server's own secret or another. */
export function minted(
  frontendId: string,
  learnerId: string,
  expiresInSeconds: number,
  secret = TEST_TOKEN_SECRET,
): string {
  return signToken({ frontendId, learnerId, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) }, secret);
}

/** The same token with its payload replaced and the original signature kept. */
export function tampered(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [, body, signature] = token.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `lt1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}
