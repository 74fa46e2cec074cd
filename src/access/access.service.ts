import { type AccessConfig, MIN_LEARNER_TOKEN_TTL_SECONDS } from '../config';
import { BadInputError } from '../errors';
import type { CypherRunner } from '../neo4j/gateway';
import { frontendNameProblem, generateKey, newFrontendId } from './access.keys';
import { AccessRepository } from './access.repository';
import { signToken } from './access.token';
import type { FrontendRecord, LearnerRef } from './access.types';

/** A name is refused (malformed, or an active frontend has it already); the message says why. */
export class FrontendNameError extends Error {}

/**
 * Creates a frontend and its key: what `npm run keys -- create NAME` does. The key is returned once and never stored:
 * only its hash and its first characters are.
 */
export async function createFrontendKey(
  db: CypherRunner,
  name: string,
): Promise<{ key: string; frontend: FrontendRecord }> {
  const problem = frontendNameProblem(name);
  if (problem) throw new FrontendNameError(problem);
  const { key, keyHash, keyPrefix } = generateKey();
  const frontend = await new AccessRepository(db).createFrontend({ id: newFrontendId(), name, keyHash, keyPrefix });
  if (!frontend)
    throw new FrontendNameError(
      `an active frontend is already named "${name}": pick another name, or revoke that one first (npm run keys -- revoke ${name})`,
    );
  return { key, frontend };
}

/** A signed token for one learner of the frontend, valid for `ttlSeconds` (checked against the configured bounds). */
export function issueLearnerToken(
  ref: LearnerRef,
  ttlSeconds: number | null | undefined,
  config: AccessConfig,
  now = new Date(),
): { token: string; expiresAt: Date } {
  const ttl = ttlSeconds ?? config.defaultTokenTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < MIN_LEARNER_TOKEN_TTL_SECONDS || ttl > config.maxTokenTtlSeconds) {
    throw new BadInputError(
      'ttlSeconds',
      `\`ttlSeconds\` must be from ${MIN_LEARNER_TOKEN_TTL_SECONDS} to ${config.maxTokenTtlSeconds}; got ${ttl}. Ask for a new token when one runs out instead of a long-lived one.`,
    );
  }
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + ttl) * 1000);
  return { token: signToken({ ...ref, expiresAt }, config.tokenSecret), expiresAt };
}
