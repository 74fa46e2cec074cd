import crypto from 'node:crypto';

/**
 * Keyset cursors. A cursor carries the sort-key values of one item (ending with its slug, so it is unique) and a tag
 * naming the connection and order it belongs to, signed with an HMAC. Positions are values, not offsets, so a cursor
 * keeps its meaning when concepts are added or removed.
 *
 * The key is built in because the signature guards integrity, not secrecy: a cursor only holds sort values the
 * client has already seen, and every value reaches Cypher as a parameter, so a forged cursor gains nothing. What
 * the signature buys is a clear BAD_USER_INPUT for an edited, truncated or foreign cursor instead of a wrong page.
 */

export type KeyValue = string | number | null;
export type CursorKey = KeyValue[];

const SIGNING_KEY = 'container-atlas keyset cursor v1';
const SIGNATURE_LENGTH = 16;

function sign(payload: string): string {
  return crypto.createHmac('sha256', SIGNING_KEY).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

/** An opaque cursor for `key` in the connection/order named by `tag`. */
export function encodeCursor(tag: string, key: CursorKey): string {
  const payload = Buffer.from(JSON.stringify({ t: tag, k: key }), 'utf8').toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export type CursorProblem = 'malformed' | 'foreign';

/** The key of a cursor made by encodeCursor with the same tag and key length, or why it cannot be used. */
export function decodeCursor(cursor: string, tag: string, keyLength: number): CursorKey | CursorProblem {
  const dot = cursor.indexOf('.');
  if (dot <= 0) return 'malformed';
  const payload = cursor.slice(0, dot);
  const signature = Buffer.from(cursor.slice(dot + 1));
  const expected = Buffer.from(sign(payload));
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) return 'malformed';
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  const { t, k } = (parsed ?? {}) as { t?: unknown; k?: unknown };
  if (typeof t !== 'string' || !Array.isArray(k)) return 'malformed';
  if (t !== tag || k.length !== keyLength) return 'foreign';
  if (!k.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return 'malformed';
  return k as CursorKey;
}

/** Lexicographic comparison of two keys; null sorts after every value (so unordered items come last). */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
