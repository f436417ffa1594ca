import { describe, expect, it } from 'vitest';
import { invalid } from '@/lib/action-result';
import { formChecks, tooManyBytes } from '@/test/schemas';
import { customerInput, emptyCustomerForm, emptyCustomerRecord, type CustomerFormValues } from './customer';
import { charCount } from './text';

// ---------------------------------------------------------------- helpers

/** A valid form: the empty form with an ID, plus whatever the test changes. */
function form(overrides: Partial<CustomerFormValues> = {}): CustomerFormValues {
  return { ...emptyCustomerForm, name: 'acme', ...overrides };
}

const { accepted, refused } = formChecks(customerInput, form);

const rows = (...values: string[]) => values.map((value) => ({ value }));

const GRINNING = '😀'; // 2 UTF-16 units, 1 code point
const THUMBS_UP_MEDIUM = '👍🏽'; // 4 UTF-16 units, 2 code points (emoji + skin tone)
const FAMILY = '👨‍👩‍👧‍👦'; // 11 UTF-16 units, 7 code points joined by ZWJ
const FLAG = '🇺🇸'; // 2 regional indicators
const E_ACUTE_COMBINING = 'e\u0301'; // e + combining acute accent

// ---------------------------------------------------------------- charCount

describe('charCount', () => {
  it('counts plain text one per character', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('a')).toBe(1);
    expect(charCount('hello world')).toBe(11);
    expect(charCount('ä')).toBe(1);
  });

  it('counts an emoji as one character, however many code points it is built of', () => {
    expect(charCount(GRINNING)).toBe(1);
    expect(charCount(THUMBS_UP_MEDIUM)).toBe(1);
    expect(charCount(FAMILY)).toBe(1);
    expect(charCount(FLAG)).toBe(1);
    expect(charCount(E_ACUTE_COMBINING)).toBe(1);
  });

  it('counts mixed text as a person would', () => {
    expect(charCount(`a${GRINNING}b${FAMILY}c${THUMBS_UP_MEDIUM}`)).toBe(6);
    expect(charCount(FAMILY.repeat(3))).toBe(3);
  });
});

// ---------------------------------------------------------------- the valid base

describe('customerInput: the base form', () => {
  it('accepts the empty form with an ID, and turns blanks into nulls', () => {
    expect(accepted()).toEqual({
      name: 'acme',
      displayName: 'acme',
      description: null,
      email: null,
      website: null,
      addressLine1: null,
      addressLine2: null,
      city: null,
      state: null,
      zipcode: null,
      country: null,
      secondaryEmails: [],
      phone: null,
      logoUrl: null,
      legalName: null,
      vatId: null,
      externalId: null,
      salesforceAccountId: null,
      pricePlanName: null,
      tags: [],
      customFields: {},
      measurementMappings: [],
      billingProviders: [],
      ingestAliases: [],
    });
  });

  it('emptyCustomerRecord is that record (a fresh one each time: a caller may fill its lists)', () => {
    expect({ ...emptyCustomerRecord(), name: 'acme', displayName: 'acme' }).toEqual(accepted());
    expect(emptyCustomerRecord().tags).not.toBe(emptyCustomerRecord().tags);
  });

  it('refuses the empty form as is (no ID)', () => {
    const result = customerInput.safeParse(emptyCustomerForm);
    expect(result.success).toBe(false);
    if (!result.success) expect(invalid(result.error).fieldErrors).toEqual({ name: ['ID is required'] });
  });
});

// ---------------------------------------------------------------- ID (name)

describe('customerInput: ID (name)', () => {
  it.each(['', ' ', '   ', '\t\n', '\u00a0'])('is required: %j -> "ID is required"', (name) => {
    expect(refused({ name })).toEqual({ name: ['ID is required'] });
  });

  it('is trimmed', () => {
    expect(accepted({ name: '  acme-1  ' }).name).toBe('acme-1');
  });

  it('accepts 1 character', () => {
    expect(accepted({ name: 'a' }).name).toBe('a');
  });

  it('accepts 128 characters', () => {
    const name = 'a'.repeat(128);
    expect(accepted({ name }).name).toBe(name);
  });

  it('accepts 128 characters surrounded by spaces (counted after trimming)', () => {
    const name = 'a'.repeat(128);
    expect(accepted({ name: `  ${name}  ` }).name).toBe(name);
  });

  it('refuses 129 characters', () => {
    expect(refused({ name: 'a'.repeat(129) })).toEqual({ name: ['ID must be at most 128 characters'] });
  });

  it.each(['customer_1', 'A.b-c_9', '9lives', 'a', 'Z', '0', 'a-', 'a.', 'a_', 'a..b', 'ACME-Corp.eu_2'])(
    'accepts %j',
    (name) => {
      expect(accepted({ name }).name).toBe(name);
    },
  );

  it.each(['_x', '-x', '.x', 'a b', 'a/b', 'ä', 'aä', 'a@b', 'a+b', 'a:b', 'a\\b', `a${GRINNING}`])(
    'refuses %j with the pattern message',
    (name) => {
      expect(refused({ name })).toEqual({
        name: ['Start with a letter or digit; then use only letters, digits, _ - .'],
      });
    },
  );

  it('refuses a NUL character with a message mentioning NUL', () => {
    const errors = refused({ name: 'a\0b' });
    expect(Object.keys(errors)).toEqual(['name']);
    expect(errors.name).toContain('ID must not contain NUL characters');
    expect(errors.name?.some((m) => m.includes('NUL'))).toBe(true);
  });
});

// ---------------------------------------------------------------- Name (displayName)

describe('customerInput: Name (displayName)', () => {
  it.each(['', '   ', '\t'])('is optional: %j defaults to the ID', (displayName) => {
    expect(accepted({ name: 'acme', displayName }).displayName).toBe('acme');
  });

  it('defaults to the trimmed ID', () => {
    expect(accepted({ name: '  acme  ', displayName: '' }).displayName).toBe('acme');
  });

  it('keeps a given Name, trimmed', () => {
    expect(accepted({ displayName: '  Acme Corp.  ' }).displayName).toBe('Acme Corp.');
  });

  it('accepts 160 characters', () => {
    const displayName = 'n'.repeat(160);
    expect(accepted({ displayName }).displayName).toBe(displayName);
  });

  it('refuses 161 characters', () => {
    expect(refused({ displayName: 'n'.repeat(161) })).toEqual({
      displayName: ['Name must be at most 160 characters'],
    });
  });

  it('is trimmed before counting: 160 characters with spaces around are accepted', () => {
    const displayName = 'n'.repeat(160);
    expect(accepted({ displayName: `   ${displayName}   ` }).displayName).toBe(displayName);
  });

  it.each([
    ['a simple emoji', GRINNING],
    ['an emoji with a skin tone', THUMBS_UP_MEDIUM],
    ['a flag', FLAG],
    ['a letter with a combining accent', E_ACUTE_COMBINING],
  ])('counts %s as one character: 160 accepted, 161 refused', (_label, char) => {
    const ok = char.repeat(160);
    expect(ok.length).toBeGreaterThan(160); // more UTF-16 units than characters
    expect(accepted({ displayName: ok }).displayName).toBe(ok);
    expect(refused({ displayName: char.repeat(161) })).toEqual({
      displayName: ['Name must be at most 160 characters'],
    });
  });

  it('counts a ZWJ family emoji as one character, but its 25 bytes count against the 1,600-byte cap', () => {
    expect(accepted({ displayName: FAMILY.repeat(64) }).displayName).toBe(FAMILY.repeat(64)); // 1,600 bytes
    expect(refused({ displayName: FAMILY.repeat(65) })).toEqual({
      displayName: [tooManyBytes('Name', '1,600')],
    });
  });

  it('refuses a letter with 1,500 combining marks: one character, but 3,001 bytes (more than its index holds)', () => {
    expect(refused({ displayName: `a${'\u0301'.repeat(1500)}` })).toEqual({
      displayName: [tooManyBytes('Name', '1,600')],
    });
  });

  it('counts a mix of emoji and letters as a person sees them', () => {
    const mixed = `${'a'.repeat(100)}${FAMILY.repeat(30)}${THUMBS_UP_MEDIUM.repeat(30)}`; // 160
    expect(accepted({ displayName: mixed }).displayName).toBe(mixed);
    expect(refused({ displayName: `${mixed}${GRINNING}` })).toEqual({
      displayName: ['Name must be at most 160 characters'],
    });
  });

  it('refuses a NUL character with a message mentioning NUL', () => {
    expect(refused({ displayName: 'Acme\0' })).toEqual({
      displayName: ['Name must not contain NUL characters'],
    });
  });
});

// ---------------------------------------------------------------- Description

describe('customerInput: Description', () => {
  it('is optional: blank becomes null', () => {
    expect(accepted({ description: '' }).description).toBeNull();
    expect(accepted({ description: '  \n ' }).description).toBeNull();
  });

  it('is trimmed', () => {
    expect(accepted({ description: '  Big customer.\n' }).description).toBe('Big customer.');
  });

  it('accepts 5,000 characters', () => {
    const description = 'd'.repeat(5000);
    expect(accepted({ description }).description).toBe(description);
  });

  it('accepts 5,000 emoji (counted as characters)', () => {
    const description = GRINNING.repeat(5000);
    expect(accepted({ description }).description).toBe(description);
  });

  it('holds at most 20,000 bytes: 800 family emoji (25 bytes each) fit, 801 do not', () => {
    expect(accepted({ description: FAMILY.repeat(800) }).description).toBe(FAMILY.repeat(800));
    expect(refused({ description: FAMILY.repeat(801) })).toEqual({
      description: [tooManyBytes('Description', '20,000')],
    });
  });

  it('refuses a letter with 2 million combining marks (one character, 4 MB)', () => {
    expect(refused({ description: `a${'\u0301'.repeat(2_000_000)}` })).toEqual({
      description: [tooManyBytes('Description', '20,000')],
    });
  });

  it('refuses 5,001 characters', () => {
    expect(refused({ description: 'd'.repeat(5001) })).toEqual({
      description: ['Description must be at most 5,000 characters'],
    });
  });

  it('refuses a NUL character with a message mentioning NUL', () => {
    expect(refused({ description: 'line 1\0line 2' })).toEqual({
      description: ['Description must not contain NUL characters'],
    });
  });
});

// ---------------------------------------------------------------- Email

describe('customerInput: Email', () => {
  it.each(['', '   '])('is optional: %j becomes null', (email) => {
    expect(accepted({ email }).email).toBeNull();
  });

  it.each(['ops@example.com', 'first.last+billing@sub.example.co.uk', 'a_b-c@example.io'])('accepts %j', (email) => {
    expect(accepted({ email }).email).toBe(email);
  });

  it('is trimmed', () => {
    expect(accepted({ email: '  ops@example.com  ' }).email).toBe('ops@example.com');
  });

  it.each(['not-an-email', 'a@', 'a@b', '@example.com', 'a b@example.com', 'a@@example.com', 'a@example.'])(
    'refuses %j',
    (email) => {
      const errors = refused({ email });
      expect(errors).toEqual({ email: ['Enter a valid email address, like ops@example.com'] });
      expect(errors.email?.[0]).toMatch(/^Enter a valid email address/);
    },
  );
});

// ---------------------------------------------------------------- Website

describe('customerInput: Website', () => {
  it.each(['', '  '])('is optional: %j becomes null', (website) => {
    expect(accepted({ website }).website).toBeNull();
  });

  it.each([
    'http://example.com',
    'https://example.com',
    'https://www.example.com/path?q=1#top',
    'http://localhost:3000',
  ])('accepts %j', (website) => {
    expect(accepted({ website }).website).toBe(website);
  });

  it('is trimmed', () => {
    expect(accepted({ website: ' https://example.com ' }).website).toBe('https://example.com');
  });

  it.each([
    'ftp://x.com',
    'javascript:alert(1)',
    'customer1.com',
    'www.customer1.com',
    'http://',
    'mailto:ops@example.com',
    'file:///etc/passwd',
  ])('refuses %j', (website) => {
    expect(refused({ website })).toEqual({ website: ['Enter a full URL starting with http:// or https://'] });
  });
});

// ---------------------------------------------------------------- Country

describe('customerInput: Country', () => {
  it('is optional: "" becomes null', () => {
    expect(accepted({ country: '' }).country).toBeNull();
  });

  it.each(['US', 'DE', 'JP', 'AX'])('accepts the alpha-2 code %j', (country) => {
    expect(accepted({ country }).country).toBe(country);
  });

  it.each(['XX', 'us', 'USA', 'United States', 'toString', 'constructor', '__proto__'])('refuses %j', (country) => {
    expect(refused({ country })).toEqual({ country: ['Choose a country from the list'] });
  });
});

// ---------------------------------------------------------------- the other address fields

describe('customerInput: address fields', () => {
  it('are optional, trimmed, blank -> null', () => {
    const out = accepted({
      addressLine1: ' 1 Main St ',
      addressLine2: '',
      city: ' Springfield',
      state: 'IL ',
      zipcode: ' 62701 ',
    });
    expect(out).toMatchObject({
      addressLine1: '1 Main St',
      addressLine2: null,
      city: 'Springfield',
      state: 'IL',
      zipcode: '62701',
    });
  });

  it('keep their limits', () => {
    expect(accepted({ zipcode: '9'.repeat(20) }).zipcode).toBe('9'.repeat(20));
    expect(refused({ zipcode: '9'.repeat(21) })).toEqual({ zipcode: ['Zipcode must be at most 20 characters'] });
    expect(refused({ addressLine1: 'x'.repeat(201) })).toEqual({
      addressLine1: ['Address line 1 must be at most 200 characters'],
    });
    expect(refused({ city: 'x'.repeat(101) })).toEqual({ city: ['City must be at most 100 characters'] });
  });
});

// ---------------------------------------------------------------- Ingest aliases

describe('customerInput: Ingest aliases', () => {
  it('accepts none', () => {
    expect(accepted({ ingestAliases: [] }).ingestAliases).toEqual([]);
  });

  it('outputs a plain array of strings, in order', () => {
    const out = accepted({ ingestAliases: rows('acme-prod', 'acme-staging', 'ACME') });
    expect(out.ingestAliases).toEqual(['acme-prod', 'acme-staging', 'ACME']);
    expect(out.ingestAliases.every((a) => typeof a === 'string')).toBe(true);
  });

  it('trims every alias', () => {
    expect(accepted({ ingestAliases: rows('  a  ', '\tb\n', 'c') }).ingestAliases).toEqual(['a', 'b', 'c']);
  });

  it('accepts a 128-character alias', () => {
    const long = 'x'.repeat(128);
    expect(accepted({ ingestAliases: rows('a', long) }).ingestAliases).toEqual(['a', long]);
  });

  it('accepts a 128-character alias with spaces around (counted after trimming)', () => {
    const long = 'x'.repeat(128);
    expect(accepted({ ingestAliases: rows(` ${long} `) }).ingestAliases).toEqual([long]);
  });

  it('accepts 128 emoji in an alias (counted as characters)', () => {
    const long = GRINNING.repeat(128);
    expect(accepted({ ingestAliases: rows(long) }).ingestAliases).toEqual([long]);
  });

  it('refuses an alias over 512 bytes (its unique index), at its row', () => {
    expect(refused({ ingestAliases: rows('ok', THUMBS_UP_MEDIUM.repeat(65), `a${'\u0301'.repeat(1500)}`) })).toEqual({
      'ingestAliases.1.value': [tooManyBytes('Alias', '512')],
      'ingestAliases.2.value': [tooManyBytes('Alias', '512')],
    });
  });

  it('refuses a 129-character alias at its row', () => {
    expect(refused({ ingestAliases: rows('a', 'b', 'c', 'x'.repeat(129)) })).toEqual({
      'ingestAliases.3.value': ['Alias must be at most 128 characters'],
    });
  });

  it.each(['', '   ', '\t'])('refuses a blank row (%j) at its row', (blank) => {
    expect(refused({ ingestAliases: rows('a', blank, 'b') })).toEqual({
      'ingestAliases.1.value': ['Enter an alias or remove this row'],
    });
  });

  it('reports every blank row, and does not call blank rows repeats', () => {
    expect(refused({ ingestAliases: rows('', 'a', '  ') })).toEqual({
      'ingestAliases.0.value': ['Enter an alias or remove this row'],
      'ingestAliases.2.value': ['Enter an alias or remove this row'],
    });
  });

  it('refuses a NUL character with a message mentioning NUL', () => {
    expect(refused({ ingestAliases: rows('ok', 'bad\0alias') })).toEqual({
      'ingestAliases.1.value': ['Alias must not contain NUL characters'],
    });
  });

  it('accepts 2,000 aliases', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `alias-${i}`);
    const out = accepted({ ingestAliases: rows(...many) });
    expect(out.ingestAliases).toHaveLength(2000);
    expect(out.ingestAliases).toEqual(many);
  });

  it('refuses 2,001 aliases, on the list itself', () => {
    const many = Array.from({ length: 2001 }, (_, i) => `alias-${i}`);
    expect(refused({ ingestAliases: rows(...many) })).toEqual({
      ingestAliases: ['At most 2,000 ingest aliases'],
    });
  });

  it('refuses a repeated alias at the later row, naming the first (1-based)', () => {
    expect(refused({ ingestAliases: rows('a', 'b', 'c', 'b') })).toEqual({
      'ingestAliases.3.value': ['Repeats alias 2'],
    });
  });

  it('refuses every later copy, each naming the first', () => {
    expect(refused({ ingestAliases: rows('x', 'y', 'x', 'z', 'x') })).toEqual({
      'ingestAliases.2.value': ['Repeats alias 1'],
      'ingestAliases.4.value': ['Repeats alias 1'],
    });
  });

  it('compares aliases after trimming', () => {
    expect(refused({ ingestAliases: rows('acme', '  acme  ') })).toEqual({
      'ingestAliases.1.value': ['Repeats alias 1'],
    });
  });

  it('reports a repeat together with other row errors', () => {
    expect(refused({ ingestAliases: rows('a', '', 'a', 'x'.repeat(129)) })).toEqual({
      'ingestAliases.1.value': ['Enter an alias or remove this row'],
      'ingestAliases.2.value': ['Repeats alias 1'],
      'ingestAliases.3.value': ['Alias must be at most 128 characters'],
    });
  });
});

// ---------------------------------------------------------------- every issue at once

describe('customerInput: reports every issue, not just the first', () => {
  it('bad ID + bad email + long Name in one result', () => {
    expect(refused({ name: '_bad', email: 'not-an-email', displayName: 'n'.repeat(161) })).toEqual({
      name: ['Start with a letter or digit; then use only letters, digits, _ - .'],
      email: ['Enter a valid email address, like ops@example.com'],
      displayName: ['Name must be at most 160 characters'],
    });
  });

  it('every field wrong at once', () => {
    const errors = refused({
      name: '',
      displayName: `x${'\0'}`,
      description: 'd'.repeat(5001),
      email: 'a@b',
      website: 'customer1.com',
      country: 'XX',
      ingestAliases: rows('dup', 'dup', ''),
    });
    expect(errors).toEqual({
      name: ['ID is required'],
      displayName: ['Name must not contain NUL characters'],
      description: ['Description must be at most 5,000 characters'],
      email: ['Enter a valid email address, like ops@example.com'],
      website: ['Enter a full URL starting with http:// or https://'],
      country: ['Choose a country from the list'],
      'ingestAliases.1.value': ['Repeats alias 1'],
      'ingestAliases.2.value': ['Enter an alias or remove this row'],
    });
  });

  it('a too-long ID that also breaks the pattern gets both messages', () => {
    expect(refused({ name: `_${'a'.repeat(128)}` })).toEqual({
      name: ['ID must be at most 128 characters', 'Start with a letter or digit; then use only letters, digits, _ - .'],
    });
  });

  it("too many aliases: the list message, alongside the other fields' errors", () => {
    const many = Array.from({ length: 2001 }, (_, i) => `alias-${i}`);
    expect(refused({ name: '_x', email: 'a@', ingestAliases: rows(...many) })).toEqual({
      name: ['Start with a letter or digit; then use only letters, digits, _ - .'],
      email: ['Enter a valid email address, like ops@example.com'],
      ingestAliases: ['At most 2,000 ingest aliases'],
    });
  });

  it('too many aliases: the rows are not checked one by one until the list fits (zod caps oversized arrays)', () => {
    const many = Array.from({ length: 2001 }, (_, i) => `alias-${i}`);
    many[1] = '';
    many[2000] = 'alias-0';
    expect(refused({ ingestAliases: rows(...many) })).toEqual({
      ingestAliases: ['At most 2,000 ingest aliases'],
    });
  });

  it('a wrong type is a message on the field, not a crash', () => {
    const result = customerInput.safeParse({ ...form(), name: 42 });
    expect(result.success).toBe(false);
    if (!result.success) expect(invalid(result.error).fieldErrors).toEqual({ name: ['ID must be text'] });
  });
});
