import type { AccessConfig } from '../config';
import type { Caller } from './access.types';

export type Traffic = 'read' | 'write';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets, one per credential and kind of traffic: a frontend key has one, and each learner has one that all of
 * its tokens share (so one busy browser cannot spend its frontend's budget). A bucket holds a minute's worth of
 * requests and refills continuously, so a burst of a full minute's budget is allowed, then one request per
 * (60 s / limit). The buckets live in this process: with several instances behind a load balancer each counts alone.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the bucket of `key`: allowed, or how many whole seconds until one would be. */
  take(key: string): Verdict {
    if (this.perMinute <= 0) return { ok: true };
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Forgets full buckets, which behave exactly as absent ones, so the map holds only credentials in use. */
  prune(): void {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** The read and write limiters of one server. */
export class AccessLimits {
  readonly read: RateLimiter;
  readonly write: RateLimiter;
  private readonly timer: NodeJS.Timeout;

  constructor(config: Pick<AccessConfig, 'readsPerMinute' | 'writesPerMinute'>, now?: () => number) {
    this.read = new RateLimiter(config.readsPerMinute, now);
    this.write = new RateLimiter(config.writesPerMinute, now);
    this.timer = setInterval(() => {
      this.read.prune();
      this.write.prune();
    }, 60_000);
    this.timer.unref();
  }

  /** Counts one request of a caller; the public caller is never limited here (the query limits bound it). */
  take(caller: Caller, traffic: Traffic): Verdict {
    if (caller.kind === 'public') return { ok: true };
    const key =
      caller.kind === 'frontend'
        ? `f\u0000${caller.frontendId}`
        : `l\u0000${caller.frontendId}\u0000${caller.learnerId}`;
    return this[traffic].take(key);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The message of a 429: which budget ran out and when to come back. */
export function rateLimitMessage(traffic: Traffic, perMinute: number, retryAfterSeconds: number): string {
  const what = traffic === 'write' ? 'mutations' : 'queries';
  return `Too many ${what} for this credential: the limit is ${perMinute} per minute. Try again in ${retryAfterSeconds} s (see Retry-After), and spread requests out or batch reads into one query.`;
}
