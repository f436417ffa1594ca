import { describe, expect, it } from 'vitest';
import { canonical, sameValue } from './same-value';

describe('sameValue', () => {
  it('ignores the order of object keys, at any depth', () => {
    const form = {
      billingProvider: 'aws_marketplace',
      deliveryMethod: 'aws_sqs',
      configuration: {
        aws_customer_id: 'c-1',
        aws_product_code: 'p-1',
        aws_region: 'us-east-1',
        aws_is_subscription_product: true,
      },
    };
    // JSONB gives keys back shortest first.
    const stored = {
      configuration: {
        aws_region: 'us-east-1',
        aws_customer_id: 'c-1',
        aws_product_code: 'p-1',
        aws_is_subscription_product: true,
      },
      deliveryMethod: 'aws_sqs',
      billingProvider: 'aws_marketplace',
    };
    expect(JSON.stringify(form)).not.toBe(JSON.stringify(stored));
    expect(sameValue([form], [stored])).toBe(true);
    expect(sameValue({ b: '2', a: '1' }, { a: '1', b: '2' })).toBe(true);
  });

  it('sees a changed value, a changed type and a changed array order', () => {
    expect(sameValue({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(sameValue({ a: true }, { a: 'true' })).toBe(false);
    expect(sameValue(['x', 'y'], ['y', 'x'])).toBe(false);
    expect(sameValue({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameValue('', null)).toBe(false);
  });

  it('treats undefined as null, and a key holding undefined as no key', () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(canonical(new Date('2026-11-29T16:07:00Z'))).toBe('2026-11-29T16:07:00.000Z');
  });
});
