import { describe, expect, it } from 'vitest';
import {
  MAX_PROPERTIES_BYTES,
  MAX_PROPERTIES_DEPTH,
  ingestBody,
  invalidEvents,
  parseRfc3339,
  searchEventsBody,
  usageEventInput,
} from './usage';

const DAY = 24 * 60 * 60 * 1000;
const event = (values: Record<string, unknown> = {}) => ({
  transaction_id: 'tx-1',
  customer_id: 'team@example.com',
  event_type: 'api_request',
  timestamp: new Date().toISOString(),
  ...values,
});
const problems = (values: Record<string, unknown>) => {
  const parsed = usageEventInput.safeParse(event(values));
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('an ingested event', () => {
  it('is trimmed, takes 128 code points (emoji count one) and refuses the 129th', () => {
    const parsed = usageEventInput.parse(event({ customer_id: '  acct  ', transaction_id: '😀'.repeat(128) }));
    expect(parsed.customer_id).toBe('acct');
    expect(parsed.properties).toEqual({});
    expect(problems({ transaction_id: '😀'.repeat(129) })).toEqual(['transaction_id: at most 128 characters']);
    expect(problems({ event_type: '   ' })).toEqual(['event_type: must not be blank']);
  });

  it('refuses NUL characters and broken Unicode in its text and its properties', () => {
    expect(problems({ customer_id: 'a\u0000b' })).toEqual(['customer_id: must not contain NUL characters']);
    expect(problems({ customer_id: 'a\ud800b' })).toEqual([
      'customer_id: must be valid Unicode text (a lone surrogate such as \\ud800 is not)',
    ]);
    expect(problems({ properties: { deep: [{ note: 'a\u0000' }] } })).toEqual([
      'properties: must not contain NUL characters',
    ]);
    expect(problems({ properties: { ['k\u0000']: 1 } })).toEqual(['properties: must not contain NUL characters']);
    expect(problems({ properties: { k: '\udc00' } })).toEqual([
      'properties: must be valid Unicode text (a lone surrogate such as \\ud800 is not)',
    ]);
  });

  it('takes properties as a JSON object up to its size and depth, and nothing else', () => {
    expect(problems({ properties: { region: 'eu', n: 1, ok: true, none: null, list: [1, 'a'] } })).toEqual([]);
    expect(problems({ properties: [] })).toHaveLength(1);
    expect(problems({ properties: 'eu' })).toHaveLength(1);
    expect(problems({ properties: null })).toHaveLength(1);
    expect(problems({ properties: { v: 'x'.repeat(MAX_PROPERTIES_BYTES - 10) } })).toEqual([]);
    expect(problems({ properties: { v: 'x'.repeat(MAX_PROPERTIES_BYTES) } })).toEqual([
      'properties: must be at most 64 KiB as JSON',
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_PROPERTIES_DEPTH; i++) deep = { d: deep };
    expect(problems({ properties: deep as Record<string, unknown> })).toEqual([]);
    expect(problems({ properties: { d: deep } })).toEqual([
      `properties: may nest at most ${MAX_PROPERTIES_DEPTH} levels`,
    ]);
  });

  it('takes an RFC 3339 timestamp with Z or an offset, within 34 days before and 1 day after now', () => {
    const at = new Date(Date.now() - DAY);
    expect(usageEventInput.parse(event({ timestamp: at.toISOString() })).timestamp).toEqual(at);
    const offset = at.toISOString().replace('Z', '+02:00');
    expect(usageEventInput.parse(event({ timestamp: offset })).timestamp.getTime()).toBe(at.getTime() - 2 * 3600_000);
    expect(problems({ timestamp: at.toISOString().replace('Z', '') })).toEqual([
      'timestamp: must be an RFC 3339 timestamp with Z or an offset',
    ]);
    expect(problems({ timestamp: new Date(Date.now() - 35 * DAY).toISOString() })).toEqual([
      'timestamp: must not be more than 34 days in the past',
    ]);
    expect(problems({ timestamp: new Date(Date.now() + 2 * DAY).toISOString() })).toEqual([
      'timestamp: must not be more than 1 day in the future',
    ]);
    expect(problems({ timestamp: 1_700_000_000 })).toHaveLength(1);
  });

  it('reads RFC 3339 exactly: fractions, lower-case t and z, offsets; no impossible dates', () => {
    expect(parseRfc3339('2026-11-29T15:28:00.123456Z')?.toISOString()).toBe('2026-11-29T15:28:00.123Z');
    expect(parseRfc3339('2026-11-29t15:28:00z')?.toISOString()).toBe('2026-11-29T15:28:00.000Z');
    expect(parseRfc3339('2026-11-29T15:28:00-05:30')?.toISOString()).toBe('2026-11-29T20:58:00.000Z');
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-11-29T24:00:00Z',
      '2026-11-29T15:28Z',
      '2026-11-29 15:28:00Z',
      '2026-11-29T15:28:00+24:00',
      '2026-11-29',
    ]) {
      expect(parseRfc3339(bad), bad).toBeNull();
    }
  });
});

describe('the ingest body', () => {
  it('is an array of 0–100 events; anything else is validation_failed', () => {
    expect(ingestBody.parse([])).toEqual([]);
    const notArray = ingestBody.safeParse({ usage: [] });
    expect(notArray.success).toBe(false);
    expect(invalidEvents(notArray.error!)).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'the body must be a JSON array of events',
    });
    const tooMany = ingestBody.safeParse(Array.from({ length: 101 }, (_, i) => event({ transaction_id: `t${i}` })));
    expect(invalidEvents(tooMany.error!)).toMatchObject({ code: 'validation_failed', message: 'at most 100 events' });
  });

  it('lists every problem of every bad event as invalid_events, by index and field', () => {
    const parsed = ingestBody.safeParse([
      event(),
      event({ customer_id: '' }),
      event({ timestamp: 'yesterday', event_type: undefined }),
      'not an event',
    ]);
    const err = invalidEvents(parsed.error!);
    expect(err.code).toBe('invalid_events');
    expect(err.errors).toEqual([
      { index: 1, field: 'customer_id', message: 'must not be blank' },
      { index: 2, field: 'event_type', message: 'is required' },
      { index: 2, field: 'timestamp', message: 'must be an RFC 3339 timestamp with Z or an offset' },
      { index: 3, message: expect.stringMatching(/expected object/) },
    ]);
    expect(err.message).toBe('Event 1: customer_id must not be blank (and 2 more events); nothing was stored.');
  });
});

describe('the search body', () => {
  it('takes 1–100 transaction IDs', () => {
    expect(searchEventsBody.parse({ transactionIds: [' a '] })).toEqual({ transactionIds: ['a'] });
    expect(searchEventsBody.safeParse({ transactionIds: [] }).success).toBe(false);
    expect(searchEventsBody.safeParse({}).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expect(searchEventsBody.safeParse({ transactionIds: many }).success).toBe(false);
  });
});
