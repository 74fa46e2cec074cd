import { createHmac, timingSafeEqual } from 'node:crypto';

import type { LearnerRef } from './access.types';

/**
 * Learner tokens: `lt1.` + base64url JSON {f: frontend id, l: learner id, e: expiry in Unix seconds} + `.` + an
 * HMAC-SHA256 over both, keyed by LEARNER_TOKEN_SECRET. A token holds no key and reaches one learner; it is checked
 * without the database, except whether its frontend is still active (so revoking the key ends its tokens too).
 */

export const TOKEN_PREFIX = 'lt1.';
const CONTEXT = 'container-atlas/learner-token/v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface TokenClaim extends LearnerRef {
  expiresAt: Date;
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${CONTEXT}\n${body}`).digest();
}

export function looksLikeToken(text: string): boolean {
  return text.startsWith(TOKEN_PREFIX);
}

/** Signs a token for one learner that ends at `expiresAt` (whole seconds). */
export function signToken(claim: TokenClaim, secret: string): string {
  const payload = { f: claim.frontendId, l: claim.learnerId, e: Math.floor(claim.expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${TOKEN_PREFIX}${body}.${mac(secret, body).toString('base64url')}`;
}

export type TokenVerdict =
  { ok: true; claim: TokenClaim } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Reads a token: malformed, not signed with this secret, past its expiry, or the learner it reaches. */
export function readToken(token: string, secret: string, now: Date = new Date()): TokenVerdict {
  if (!looksLikeToken(token)) return { ok: false, reason: 'malformed' };
  const [body, signature, ...rest] = token.slice(TOKEN_PREFIX.length).split('.');
  if (rest.length > 0 || !body || !signature || !BASE64URL.test(body) || !BASE64URL.test(signature))
    return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let payload: { f?: unknown; l?: unknown; e?: unknown };
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof payload.f !== 'string' ||
    typeof payload.l !== 'string' ||
    typeof payload.e !== 'number' ||
    !Number.isInteger(payload.e)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = new Date(payload.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { frontendId: payload.f, learnerId: payload.l, expiresAt } };
}
