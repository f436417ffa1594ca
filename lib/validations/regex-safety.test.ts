import { describe, expect, it } from 'vitest';
import { invalid } from '@/lib/action-result';
import { customerInput, emptyCustomerForm } from './customer';
import { catastrophicRegexError, MAX_REPEATS } from './regex-safety';

/** The field errors of a customer form with one measurement mapping of this regex (none: accepted). */
function mappingErrors(valueRegex: string): string[] {
  const result = customerInput.safeParse({
    ...emptyCustomerForm,
    name: 'acme',
    measurementMappings: [{ label: 'region', valueRegex }],
  });
  return result.success ? [] : (invalid(result.error).fieldErrors['measurementMappings.0.valueRegex'] ?? ['(other)']);
}

// Each takes exponential time on some value in a backtracking engine: `(a+)+$` froze the tester for
// minutes on 36 a's and "!".
const CATASTROPHIC = [
  '(a+)+$',
  '^(a+)+b',
  '(a*)*b',
  '([a-z]+)*$',
  '(\\w+\\s?)*$',
  '(x+x+)+y',
  '(\\d+)+\\.',
  '(.*a){20}',
  '(a+){10}',
  '(a{1,9}){1,30}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a|a)*$',
  '(a|aa)+$',
  '(\\w|\\d)+',
  '(.|\\s)*',
  '((a|a)b)*',
  `${'a?'.repeat(MAX_REPEATS + 1)}${'a'.repeat(MAX_REPEATS + 1)}`,
];

const ORDINARY = [
  '^acme-.*$',
  '[0-9]{3}',
  'us-(east|west)-\\d',
  'us(-\\d+)?',
  '([a-z]+-)?\\d+',
  '(\\d+\\.){3}\\d+',
  '(-[a-z]+)*',
  '(foo|bar)+',
  'eu-\\w+-\\d{1,2}',
  '[A-Z]{2}\\d{4}',
  '\\p{L}+',
  '(?<=a)b',
  '(?<zone>us)-\\k<zone>',
  '[^/]+/[^/]+',
];

describe('measurement mapping regex: catastrophic backtracking', () => {
  it.each(CATASTROPHIC)('refuses %s with a message on the regex field', (pattern) => {
    const errors = mappingErrors(pattern);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/can take hours on some values/);
  });

  it.each(ORDINARY)('accepts %s', (pattern) => {
    expect(mappingErrors(pattern)).toEqual([]);
    expect(catastrophicRegexError(pattern)).toBeNull();
  });

  it('leaves a pattern that does not compile to the compile check', () => {
    expect(mappingErrors('(a')).toEqual([expect.stringMatching(/^Not a valid regular expression/)]);
  });

  it('answers quickly for the longest patterns the field allows', () => {
    const patterns = [
      `(?:${Array.from({ length: 60 }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('|')})+`,
      `(?:${Array.from({ length: 19 }, (_, i) => `(?:[a-${String.fromCharCode(98 + i)}]+-)`).join('')})+`,
      `${'('.repeat(19)}a${')+'.repeat(19)}`,
    ];
    const start = performance.now();
    for (const p of patterns) catastrophicRegexError(p);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
