import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('token buckets', () => {
  it('allows the burst at once, then one request per 1/rate seconds', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 5; i++) expect(buckets.take('a', 2, 5, 1_000)).toEqual({ ok: true });
    expect(buckets.take('a', 2, 5, 1_000)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(buckets.take('a', 2, 5, 1_300)).toEqual({ ok: false, retryAfterMs: 200 });
    expect(buckets.take('a', 2, 5, 1_500)).toEqual({ ok: true });
    expect(buckets.take('a', 2, 5, 1_500)).toEqual({ ok: false, retryAfterMs: 500 });
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets();
    expect(buckets.take('a', 1, 1, 0)).toEqual({ ok: true });
    expect(buckets.take('a', 1, 1, 0).ok).toBe(false);
    expect(buckets.take('b', 1, 1, 0)).toEqual({ ok: true });
  });

  it('refills no further than the burst', () => {
    const buckets = new TokenBuckets();
    buckets.take('a', 100, 3, 0);
    for (let i = 0; i < 3; i++) expect(buckets.take('a', 100, 3, 60_000).ok).toBe(true);
    expect(buckets.take('a', 100, 3, 60_000).ok).toBe(false);
  });

  it('is off when the rate or the burst is 0', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 10; i++) {
      expect(buckets.take('a', 0, 1, 0)).toEqual({ ok: true });
      expect(buckets.take('b', 1, 0, 0)).toEqual({ ok: true });
    }
  });
});
