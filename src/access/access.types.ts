/**
 * Who sends a request, as the credential in its `Authorization: Bearer` header says. Every request has one: without
 * the header the caller is public and sees the public graph only.
 */
export type Caller =
  | { kind: 'public' }
  | { kind: 'frontend'; frontendId: string; frontendName: string }
  | { kind: 'learner'; frontendId: string; learnerId: string; expiresAt: Date };

/** One learner of one frontend: learner ids are the frontend's own, so the pair is what names a person. */
export interface LearnerRef {
  frontendId: string;
  learnerId: string;
}

/** The caller of a request that sends no credential. */
export const PUBLIC_CALLER: Caller = Object.freeze({ kind: 'public' });

/** A frontend as stored, without its key hash. */
export interface FrontendRecord {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}
