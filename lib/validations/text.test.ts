import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerInput, emptyCustomerForm } from './customer';
import { pricePlanInput } from './price-plan';
import { charCount, lengthProblem, text, utf8Length } from './text';
import { userInput } from './user';
import { tooManyBytes } from '@/test/schemas';

// Counting characters with Intl.Segmenter costs time and memory with the square of the text on
// Node 20 (100,000 characters run out of memory). These tests watch what is handed to the
// segmenter: text over its byte cap must be refused by its length, never segmented whole.

const originalSegment = Intl.Segmenter.prototype.segment;
let segmented: number[];

beforeEach(() => {
  segmented = [];
  vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input?: string) {
    const units = String(input).length;
    segmented.push(units);
    // Fail at once, rather than run out of memory as the old check did.
    if (units > 4096) throw new Error(`segmented ${units.toLocaleString('en-US')} UTF-16 units in one go`);
    return originalSegment.call(this, String(input));
  });
});

afterEach(() => vi.restoreAllMocks());

const totalSegmented = () => segmented.reduce((a, b) => a + b, 0);

describe('text limits: refused by length before any character is counted', () => {
  it('refuses a 100,000-character Name, segmenting no more than its byte cap', () => {
    const result = customerInput.safeParse({ ...emptyCustomerForm, name: 'acme', displayName: 'n'.repeat(100_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Name must be at most 160 characters']);
    expect(totalSegmented()).toBeLessThanOrEqual(1600);
  });

  it('refuses a letter with 2 million combining marks (one character, 4 MB) without segmenting it', () => {
    const description = `a${'\u0301'.repeat(2_000_000)}`;
    const result = customerInput.safeParse({ ...emptyCustomerForm, name: 'acme', description });
    expect(result.error?.issues.map((i) => i.message)).toEqual([tooManyBytes('Description', '20,000')]);
    expect(segmented).toEqual([]);
  });

  it('refuses the 80 KB name of the public setup action by its length', () => {
    const result = userInput.safeParse({
      email: 'a@example.com',
      name: 'x'.repeat(80_000),
      role: 'admin',
      password: 'long enough password',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Name must be at most 100 characters'],
    ]);
    expect(totalSegmented()).toBeLessThanOrEqual(400);
  });

  it('stops the checks after an oversized value (a 5 MB ID is not matched against its pattern)', () => {
    const result = customerInput.safeParse({ ...emptyCustomerForm, name: `_${'a'.repeat(5_000_000)}` });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['ID must be at most 128 characters']);
  });

  it('still gives every message for text merely over its character limit', () => {
    const result = pricePlanInput.safeParse({ name: `_${'a'.repeat(64)}`, displayName: 'Growth', description: '' });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Key must be at most 64 characters',
      'Start with a letter or digit; then use only letters, digits, _ - .',
    ]);
  });

  it('does not segment text with no more code points than its limit allows characters', () => {
    expect(text('Name', 160).safeParse('😀'.repeat(160)).success).toBe(true);
    expect(text('Name', 160).safeParse(`${'e\u0301'.repeat(160)}`).success).toBe(true);
    expect(segmented).toEqual([]);
  });

  it('segments long text in short pieces, whatever its length', () => {
    // 5,000 Hangul syllables written as jamo (two code points each): only segmenting counts them.
    const jamo = '\u1100\u1161'.repeat(3000);
    expect(lengthProblem(jamo, 5000, 20_000)).toBeNull();
    expect(lengthProblem(jamo, 2999, 20_000)).toBe('characters');
    expect(Math.max(...segmented)).toBeLessThanOrEqual(512);
  });
});

describe('text limits: bytes, below what the indexes hold', () => {
  const marks = `a${'\u0301'.repeat(1500)}`; // one character, 3,001 bytes: more than a B-tree entry holds

  it.each([
    ['displayName', 'Name', '1,600'],
    ['externalId', 'External ID', '512'],
    ['legalName', 'Legal name', '800'],
    ['pricePlanName', 'Price plan', '512'],
  ])('refuses 1,500 combining marks in %s', (field, label, bytes) => {
    const result = customerInput.safeParse({ ...emptyCustomerForm, name: 'acme', [field]: marks });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [field, tooManyBytes(label, bytes)],
    ]);
  });

  it('refuses 1,500 combining marks in a tag, a custom field and a mapping', () => {
    const result = customerInput.safeParse({
      ...emptyCustomerForm,
      name: 'acme',
      tags: [marks],
      customFields: [{ key: 'k', value: marks }],
      measurementMappings: [{ label: marks, valueRegex: marks }],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tags.0', tooManyBytes('Tag', '256')],
      ['customFields.0.value', tooManyBytes('Value', '800')],
      ['measurementMappings.0.label', tooManyBytes('Label', '512')],
      ['measurementMappings.0.valueRegex', tooManyBytes('Value regex', '1,024')],
    ]);
  });

  it('refuses 1,500 combining marks in a user name and a price plan name', () => {
    const user = userInput.safeParse({
      email: 'a@example.com',
      name: marks,
      role: 'viewer',
      password: 'long enough 1',
    });
    expect(user.error?.issues.map((i) => i.message)).toEqual([tooManyBytes('Name', '400')]);
    const plan = pricePlanInput.safeParse({ name: 'growth', displayName: marks, description: '' });
    expect(plan.error?.issues.map((i) => i.message)).toEqual([tooManyBytes('Display name', '480')]);
  });
});

describe('charCount and utf8Length', () => {
  const pieces = [
    'a',
    ' ',
    '\r',
    '\n',
    '\u0301',
    '\u200d',
    '\u200c',
    '\ufe0f',
    '\u20e3',
    '#',
    '😀',
    '👨',
    '🏽',
    '🇺',
    '🇸',
    'क',
    '्',
    'ष',
    '\u0e33',
    '\u1100',
    '\u1161',
    '\u11a8',
    '가',
    '\u0600',
    '\ud800',
    '\udc00',
    '\u0007',
    '中',
  ];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 1200 }).map((a) => a.join(''));

  it('counts characters as segmenting the whole text at once does', () => {
    vi.restoreAllMocks();
    const whole = new Intl.Segmenter('en', { granularity: 'grapheme' });
    fc.assert(
      fc.property(texts, (s) => charCount(s) === Array.from(whole.segment(s)).length),
      { numRuns: 300 },
    );
  });

  it('finds the same problem as counting everything would', () => {
    vi.restoreAllMocks();
    const whole = new Intl.Segmenter('en', { granularity: 'grapheme' });
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 3000 }), (s, max, bytes) => {
        const chars = Array.from(whole.segment(s)).length;
        const size = Buffer.byteLength(s);
        const expected =
          chars > max && (size <= bytes || charCount(s.slice(0, bytes)) > max)
            ? 'characters'
            : size > bytes
              ? 'bytes'
              : null;
        return lengthProblem(s, max, bytes) === expected;
      }),
      { numRuns: 300 },
    );
  });

  it('counts UTF-8 bytes as Node does (a lone surrogate is stored as U+FFFD)', () => {
    fc.assert(
      fc.property(texts, (s) => utf8Length(s) === Buffer.byteLength(s)),
      { numRuns: 300 },
    );
  });
});
