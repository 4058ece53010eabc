// A token bucket per key: wrong admin passwords per client address and per account name.

export type RateLimit = { capacity: number; refillPerSecond: number };

export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 30, refillPerSecond: 1 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT, private readonly clock: () => number = () => performance.now()) {}

  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: now };
    bucket.tokens = this.tokensAt(bucket, now);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: this.secondsUntilOne(bucket.tokens) };
  }

  /** Whether a token is there, without taking it (the admin login takes one only for a wrong password). */
  check(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const bucket = this.buckets.get(key);
    if (!bucket) return { ok: true };
    const tokens = this.tokensAt(bucket, this.clock());
    return tokens >= 1 ? { ok: true } : { ok: false, retryAfter: this.secondsUntilOne(tokens) };
  }

  private tokensAt(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond);
  }

  private secondsUntilOne(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.limit.refillPerSecond));
  }

  /** Buckets that have refilled say nothing a fresh bucket would not: drop them so memory stays bounded. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, now) >= this.limit.capacity) this.buckets.delete(key);
    }
  }
}
