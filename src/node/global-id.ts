/**
 * Opaque Relay global ids: base64url of "<Type>:<key>". Clients must treat them as opaque; decoding only checks the
 * shape, so a malformed id is a client error and an unknown but well-formed one simply finds nothing.
 */

export interface GlobalId {
  type: string;
  key: string;
}

export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const DECODED = /^([A-Z][A-Za-z]*):(.+)$/s;

/** The type and key of a global id, or null when the text is not one of ours. */
export function fromGlobalId(id: string): GlobalId | null {
  if (!BASE64URL.test(id)) return null;
  const decoded = Buffer.from(id.replace(/=+$/, ''), 'base64url').toString('utf8');
  // A round trip that does not reproduce the input means the text was not produced by toGlobalId.
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== id.replace(/=+$/, '')) return null;
  const match = DECODED.exec(decoded);
  return match ? { type: match[1], key: match[2] } : null;
}
