import { requireFrontend, requireLearner } from './access.guard';
import type { Caller } from './access.types';

const frontend: Caller = { kind: 'frontend', frontendId: 'f-1', frontendName: 'web' };
const learner: Caller = { kind: 'learner', frontendId: 'f-1', learnerId: 'u1', expiresAt: new Date(0) };

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return 'no error';
}

describe('requireLearner', () => {
  it('lets a frontend key reach any of its own learners, namespaced by the frontend', () => {
    expect(requireLearner({ caller: frontend }, 'anyone')).toEqual({ frontendId: 'f-1', learnerId: 'anyone' });
  });

  it('lets a token reach its own learner and no other', () => {
    expect(requireLearner({ caller: learner }, 'u1')).toEqual({ frontendId: 'f-1', learnerId: 'u1' });
    expect(codeOf(() => requireLearner({ caller: learner }, 'u2'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses the public caller before looking at the id', () => {
    expect(codeOf(() => requireLearner({ caller: { kind: 'public' } }, ''))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([[''], ['x'.repeat(129)], ['a\u0000b'], ['zero\u200bwidth'], ['end ']])(
    'refuses the id %j, naming the argument',
    (id) => {
      expect(codeOf(() => requireLearner({ caller: frontend }, id, 'learner'))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'learner',
      });
    },
  );

  it('accepts 128 characters, spaces inside and any script', () => {
    expect(requireLearner({ caller: frontend }, '학'.repeat(128)).learnerId).toHaveLength(128);
    expect(requireLearner({ caller: frontend }, 'a b').learnerId).toBe('a b');
  });
});

describe('requireFrontend', () => {
  it('needs the frontend key', () => {
    expect(requireFrontend({ caller: frontend })).toEqual({ frontendId: 'f-1' });
    expect(codeOf(() => requireFrontend({ caller: learner }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(() => requireFrontend({ caller: { kind: 'public' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
