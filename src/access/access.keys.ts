import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Frontend keys: `atlas_` and 43 characters of base64url (256 random bits). Only the SHA-256 of a key is stored: a
 * key is random enough that no slow hash is needed to keep a stolen hash from being reversed. The first 14 characters
 * are stored as they are (the key prefix) to find the frontend and to tell keys apart in `keys list`.
 */

export const KEY_PREFIX = 'atlas_';
const KEY_BODY = /^[A-Za-z0-9_-]{43}$/;
export const KEY_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export interface NewKey {
  key: string;
  keyHash: string;
  keyPrefix: string;
}

/** A fresh key with what is stored of it. */
export function generateKey(): NewKey {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, keyHash: hashKey(key), keyPrefix: key.slice(0, KEY_PREFIX_LENGTH) };
}

/** A new frontend id: opaque, never reused. */
export function newFrontendId(): string {
  return randomUUID();
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True when the text has the shape of a key (it may still be wrong or revoked). */
export function looksLikeKey(text: string): boolean {
  return text.startsWith(KEY_PREFIX) && KEY_BODY.test(text.slice(KEY_PREFIX.length));
}

/** Compares a presented key with a stored hash in time that does not depend on where they differ. */
export function keyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A frontend name: what an operator types and reads in `keys list`. Returns an explanation when it is not valid. */
export function frontendNameProblem(name: string): string | undefined {
  if (NAME.test(name)) return undefined;
  return `the frontend name "${name}" is not valid: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit (e.g. flashcards-web)`;
}
