import { UnauthenticatedError } from '../errors';
import { KEY_PREFIX_LENGTH, keyMatches, looksLikeKey } from './access.keys';
import type { AccessRepository } from './access.repository';
import { looksLikeToken, readToken } from './access.token';
import { type Caller, PUBLIC_CALLER } from './access.types';

const HOW =
  'Send `Authorization: Bearer <key>` with a frontend key from `npm run keys -- create NAME`, or `Authorization: Bearer <token>` with a learner token from `createLearnerToken`; leave the header out for the public graph.';

/**
 * The caller an `Authorization` header stands for. No header: the public caller. Anything else that is not a valid,
 * current key or token of an active frontend: UNAUTHENTICATED, with a message that says which check failed but
 * nothing about other frontends.
 */
export async function callerOf(
  header: string | undefined,
  repo: AccessRepository,
  tokenSecret: string,
  now: Date = new Date(),
): Promise<Caller> {
  if (header === undefined) return PUBLIC_CALLER;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw new UnauthenticatedError(`The Authorization header must be \`Bearer <credential>\`. ${HOW}`);
  const credential = match[1];
  if (looksLikeKey(credential)) {
    const candidates = await repo.keysWithPrefix(credential.slice(0, KEY_PREFIX_LENGTH));
    // Every candidate is compared, so the time taken does not tell which one matched.
    const found = candidates.filter((stored) => keyMatches(credential, stored.keyHash));
    // One key can match two frontends only when a development start made its fixed key again after a revocation:
    // the active one is the caller.
    const frontend = found.find((stored) => !stored.revokedAt) ?? found[0];
    if (!frontend)
      throw new UnauthenticatedError(
        `This frontend key is not known. Check that it was copied whole, or create a new one. ${HOW}`,
      );
    if (frontend.revokedAt)
      throw new UnauthenticatedError(
        'This frontend key was revoked. Ask the operator for a new key (`npm run keys -- create NAME`).',
      );
    return { kind: 'frontend', frontendId: frontend.id, frontendName: frontend.name };
  }
  if (looksLikeToken(credential)) {
    const verdict = readToken(credential, tokenSecret, now);
    if (!verdict.ok) {
      const why = {
        malformed: 'This learner token is malformed: it was cut or changed.',
        signature:
          "This learner token was not issued by this API (or was changed, or the server's LEARNER_TOKEN_SECRET changed).",
        expired: 'This learner token has expired.',
      }[verdict.reason];
      throw new UnauthenticatedError(`${why} Ask your frontend's server for a new one (\`createLearnerToken\`).`);
    }
    const frontend = await repo.frontendById(verdict.claim.frontendId);
    if (!frontend || frontend.revokedAt) {
      throw new UnauthenticatedError(
        'This learner token belongs to a frontend whose key was revoked, so it no longer works.',
      );
    }
    return { kind: 'learner', ...verdict.claim };
  }
  throw new UnauthenticatedError(
    `The bearer credential is neither a frontend key (\`atlas_...\`) nor a learner token (\`lt1....\`). ${HOW}`,
  );
}
