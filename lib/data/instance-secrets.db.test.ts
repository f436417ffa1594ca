import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { sharedSecret } from './instance-secrets';

describe('sharedSecret', () => {
  it('keeps the first proposal: instances starting together agree on one secret', async () => {
    const db = await getDb();
    const name = `test-${randomUUID()}`;
    const answers = await Promise.all(['first', 'second', 'third'].map((p) => sharedSecret(db, name, p)));
    expect(new Set(answers).size).toBe(1);
    expect(['first', 'second', 'third']).toContain(answers[0]);
    expect(await sharedSecret(db, name, 'later')).toBe(answers[0]);
  });
});
