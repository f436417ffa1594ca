import { driver } from '@/test/data';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { takeAttempt } from './rate-limits';

describe(`rate limits on ${driver}`, () => {
  it('allows max attempts in a window, counted by the database even when they arrive at once', async () => {
    const key = `test:${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => takeAttempt(key, { window: 60, max: 5 })));
    expect(answers.filter(Boolean)).toHaveLength(5);
    expect(await takeAttempt(key, { window: 60, max: 5 })).toBe(false);
    // Another client's key has its own count.
    expect(await takeAttempt(`test:${randomUUID()}`, { window: 60, max: 5 })).toBe(true);
  });

  it('starts counting again once the window has passed', async () => {
    const key = `test:${randomUUID()}`;
    expect(await takeAttempt(key, { window: 0.05, max: 1 })).toBe(true);
    expect(await takeAttempt(key, { window: 0.05, max: 1 })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await takeAttempt(key, { window: 0.05, max: 1 })).toBe(true);
  });
});
