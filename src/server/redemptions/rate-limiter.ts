// A token bucket per device: bursts of uploads are fine (a device catching up after a day offline), a loop is not.

export type RateLimit = { capacity: number; refillPerSecond: number };

export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 30, refillPerSecond: 1 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT, private readonly clock: () => number = () => performance.now()) {}

  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: now };
    bucket.tokens = Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.refillPerSecond)) };
  }

  /** Buckets that have refilled say nothing a fresh bucket would not: drop them so memory stays bounded. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond >= this.limit.capacity) this.buckets.delete(key);
    }
  }
}
