import { AccessLimits, RateLimiter } from './access.rate-limit';

describe('RateLimiter', () => {
  it("allows a minute's budget at once, then one request per 60 s / limit", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i += 1) expect(limiter.take('k')).toEqual({ ok: true });
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 10 });
    now += 9_000;
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(limiter.take('k')).toEqual({ ok: true });
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('keeps one bucket per key', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('b')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  it("never refills past a minute's budget", () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    now += 3_600_000;
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(false);
  });

  it('limits nothing at 0', () => {
    const limiter = new RateLimiter(0, () => 0);
    for (let i = 0; i < 1000; i += 1) expect(limiter.take('k').ok).toBe(true);
  });
});

describe('AccessLimits', () => {
  const limits = new AccessLimits({ readsPerMinute: 1, writesPerMinute: 1 }, () => 0);
  afterAll(() => limits.stop());

  it('gives a frontend key and each of its learner tokens a budget of their own, and reads and writes apart', () => {
    const key = { kind: 'frontend', frontendId: 'f', frontendName: 'n' } as const;
    const u1 = { kind: 'learner', frontendId: 'f', learnerId: 'u1', expiresAt: new Date(0) } as const;
    const u2 = { kind: 'learner', frontendId: 'f', learnerId: 'u2', expiresAt: new Date(0) } as const;
    expect(limits.take(key, 'read').ok).toBe(true);
    expect(limits.take(key, 'read').ok).toBe(false);
    expect(limits.take(key, 'write').ok).toBe(true);
    expect(limits.take(u1, 'read').ok).toBe(true);
    expect(limits.take(u1, 'read').ok).toBe(false);
    expect(limits.take(u2, 'read').ok).toBe(true);
  });

  it('never limits the public caller', () => {
    for (let i = 0; i < 10; i += 1) expect(limits.take({ kind: 'public' }, 'read').ok).toBe(true);
  });
});
