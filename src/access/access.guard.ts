import type { AtlasContext } from '../context';
import { BadInputError, ForbiddenError, UnauthenticatedError } from '../errors';
import type { LearnerRef } from './access.types';

export type { LearnerRef } from './access.types';

const MAX_LEARNER_ID = 128;
/** Control, format, surrogate, private-use and unassigned characters: what a log line or a terminal cannot show. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

const NO_CREDENTIAL =
  'This needs a credential: send `Authorization: Bearer <key>` with your frontend key (from `npm run keys -- create NAME`), or `Authorization: Bearer <token>` with a learner token from `createLearnerToken`.';

/**
 * Checks a frontend's own learner id: 1 to 128 printable characters, without spaces at either end. Returns it as
 * given; learner ids are compared exactly, so "U1" and "u1" are two learners.
 */
export function checkLearnerId(learnerId: unknown, argument = 'learnerId'): string {
  if (typeof learnerId !== 'string')
    throw new BadInputError(
      argument,
      `\`${argument}\` must be a string: your own id for the learner, 1 to ${MAX_LEARNER_ID} printable characters.`,
    );
  const length = [...learnerId].length;
  if (length < 1 || length > MAX_LEARNER_ID) {
    throw new BadInputError(
      argument,
      `\`${argument}\` must be 1 to ${MAX_LEARNER_ID} characters long; got ${length}. Use your own stable, opaque id for the learner (not an e-mail address).`,
    );
  }
  if (UNPRINTABLE.test(learnerId) || learnerId.trim() !== learnerId) {
    throw new BadInputError(
      argument,
      `\`${argument}\` holds a control or invisible character, or starts or ends with a space. Use printable characters only, e.g. \`u-1842\`.`,
    );
  }
  return learnerId;
}

/**
 * The learner a request may act for. A frontend key reaches any learner of its own frontend (learner ids are
 * namespaced per frontend); a learner token reaches its one learner; without a credential nothing is reached.
 * Throws UNAUTHENTICATED (no credential), BAD_USER_INPUT naming `argument` (malformed id) or FORBIDDEN (a token for
 * another learner).
 */
export function requireLearner(
  context: Pick<AtlasContext, 'caller'>,
  learnerId: string,
  argument = 'learnerId',
): LearnerRef {
  const caller = context.caller;
  if (caller.kind === 'public') throw new UnauthenticatedError(NO_CREDENTIAL);
  const id = checkLearnerId(learnerId, argument);
  if (caller.kind === 'learner' && caller.learnerId !== id) {
    throw new ForbiddenError(
      `This learner token reaches its own learner only, not \`${argument}\` "${id}". Ask your frontend's server for a token for that learner, or call with the frontend key.`,
    );
  }
  return { frontendId: caller.frontendId, learnerId: id };
}

/**
 * The frontend a request acts for: only a frontend key may do what reaches all its learners (tokens, erasure,
 * export). Throws UNAUTHENTICATED without a credential and FORBIDDEN for a learner token.
 */
export function requireFrontend(context: Pick<AtlasContext, 'caller'>): { frontendId: string } {
  const caller = context.caller;
  if (caller.kind === 'public') throw new UnauthenticatedError(NO_CREDENTIAL);
  if (caller.kind === 'learner') {
    throw new ForbiddenError(
      "A learner token cannot do this: it needs the frontend key, which only your frontend's server should hold.",
    );
  }
  return { frontendId: caller.frontendId };
}
