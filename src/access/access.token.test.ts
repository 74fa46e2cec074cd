import { readToken, signToken } from './access.token';

const SECRET = 'unit-test-secret-of-at-least-32-characters';
const NOW = new Date('2030-01-01T00:00:00Z');
const claim = { frontendId: 'f-1', learnerId: 'learner 7', expiresAt: new Date('2030-01-01T00:15:00Z') };

describe('learner tokens', () => {
  it('read back what they were signed with', () => {
    expect(readToken(signToken(claim, SECRET), SECRET, NOW)).toEqual({ ok: true, claim });
  });

  it('expire at their expiry, to the second', () => {
    const token = signToken(claim, SECRET);
    expect(readToken(token, SECRET, new Date('2030-01-01T00:14:59Z')).ok).toBe(true);
    expect(readToken(token, SECRET, new Date('2030-01-01T00:15:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('fail with another secret', () => {
    expect(readToken(signToken(claim, SECRET), `${SECRET}!`, NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it.each([['lt1.'], ['lt1.abc'], ['lt1.abc.def.ghi'], ['lt1.a b.c'], ['atlas_x'], ['']])(
    'reject the malformed %j',
    (token) => {
      expect(readToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    },
  );

  it('reject a signed payload of the wrong shape', () => {
    const body = Buffer.from(JSON.stringify({ f: 'f-1', l: 7, e: 1 })).toString('base64url');
    const signed = signToken(claim, SECRET);
    // A correct signature over a different body does not carry over.
    expect(readToken(`lt1.${body}.${signed.split('.')[2]}`, SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
  });
});
