// A token bucket per key, in this process's memory (the /v1 rate limit: lib/http/v1.ts). Each key
// starts with `burst` tokens and gains `perSecond` a second up to `burst`; a request spends one.
// Several server processes each keep their own buckets, so together they allow that many times
// the limit.

export type Take = { ok: true } | { ok: false; retryAfterMs: number };

/** Buckets idle this long are full again: they are dropped, so the map holds only busy keys. */
const forgetAfter = (perSecond: number, burst: number) => Math.ceil((burst / perSecond) * 1000);

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;

  /** Spends a token of `key`'s bucket, or says how long until one is there. `perSecond` or `burst` 0: no limit. */
  take(key: string, perSecond: number, burst: number, now = Date.now()): Take {
    if (perSecond <= 0 || burst <= 0) return { ok: true };
    this.sweep(now, forgetAfter(perSecond, burst));
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) * perSecond) / 1000);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) * 1000) / perSecond) };
  }

  private sweep(now: number, idleMs: number) {
    if (now - this.sweptAt < idleMs) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= idleMs) this.buckets.delete(key);
  }
}
