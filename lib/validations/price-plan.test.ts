import { describe, expect, it } from 'vitest';
import { formChecks } from '@/test/schemas';
import {
  emptyPricePlanForm,
  MAX_PRICE_PLAN_DESCRIPTION_LENGTH,
  MAX_PRICE_PLAN_KEY_LENGTH,
  MAX_PRICE_PLAN_NAME_LENGTH,
  pricePlanInput,
  type PricePlanFormValues,
} from './price-plan';

/** A valid form, plus whatever the test changes. */
function form(overrides: Partial<PricePlanFormValues> = {}): PricePlanFormValues {
  return { ...emptyPricePlanForm, name: 'growth_2026', displayName: 'Growth 2026', ...overrides };
}

const { accepted, refused } = formChecks(pricePlanInput, form);

const PATTERN_MESSAGE = 'Start with a letter or digit; then use only letters, digits, _ - .';
const GRINNING = '😀'; // one character, 2 UTF-16 units, 4 bytes
const FAMILY = '👨‍👩‍👧‍👦'; // one character a person sees, 11 UTF-16 units, 25 bytes

describe('pricePlanInput: the whole form', () => {
  it('accepts a key and a display name, with the description blank becoming null', () => {
    expect(accepted()).toEqual({ name: 'growth_2026', displayName: 'Growth 2026', description: null });
  });

  it('refuses the empty form with a message for each required field, not only the first', () => {
    expect(pricePlanInput.safeParse(emptyPricePlanForm).success).toBe(false);
    expect(refused(emptyPricePlanForm)).toEqual({
      name: ['Key is required'],
      displayName: ['Display name is required'],
    });
  });

  it('refuses values that are not text', () => {
    expect(refused({ name: 42, displayName: null, description: ['x'] })).toEqual({
      name: ['Key must be text'],
      displayName: ['Display name must be text'],
      description: ['Description must be text'],
    });
  });
});

describe('pricePlanInput: Key', () => {
  it('is required; blank or only spaces is refused', () => {
    expect(refused({ name: '' })).toEqual({ name: ['Key is required'] });
    expect(refused({ name: '   \t ' })).toEqual({ name: ['Key is required'] });
  });

  it('is trimmed', () => {
    expect(accepted({ name: '  growth  ' }).name).toBe('growth');
  });

  it(`takes 1 to ${MAX_PRICE_PLAN_KEY_LENGTH} characters`, () => {
    expect(accepted({ name: 'g' }).name).toBe('g');
    expect(accepted({ name: 'g'.repeat(64) }).name).toBe('g'.repeat(64));
    expect(refused({ name: 'g'.repeat(65) })).toEqual({ name: ['Key must be at most 64 characters'] });
    // Spaces around do not count.
    expect(accepted({ name: ` ${'g'.repeat(64)} ` }).name).toHaveLength(64);
  });

  it('starts with a letter or digit, then letters, digits, _ - .', () => {
    for (const ok of ['growth', 'Growth', '2026', '2026_growth', 'a.b-c_d', 'A9', 'x.', 'x-']) {
      expect(accepted({ name: ok }).name).toBe(ok);
    }
    for (const bad of ['_growth', '-growth', '.growth', 'growth 2026', 'growth/2026', 'grüne', 'growth🚀', 'a+b']) {
      expect(refused({ name: bad })).toEqual({ name: [PATTERN_MESSAGE] });
    }
  });

  it('refuses a NUL character', () => {
    expect(refused({ name: 'growth\0' }).name).toContain('Key must not contain NUL characters');
  });
});

describe('pricePlanInput: Display name', () => {
  it('is required; blank or only spaces is refused', () => {
    expect(refused({ displayName: '' })).toEqual({ displayName: ['Display name is required'] });
    expect(refused({ displayName: '  \n ' })).toEqual({ displayName: ['Display name is required'] });
  });

  it('is trimmed and keeps any characters inside', () => {
    expect(accepted({ displayName: '  Growth — 2026 🚀  ' }).displayName).toBe('Growth — 2026 🚀');
  });

  it(`takes at most ${MAX_PRICE_PLAN_NAME_LENGTH} characters, counting an emoji as one`, () => {
    expect(accepted({ displayName: 'n'.repeat(120) }).displayName).toHaveLength(120);
    expect(refused({ displayName: 'n'.repeat(121) })).toEqual({
      displayName: ['Display name must be at most 120 characters'],
    });
    expect(accepted({ displayName: GRINNING.repeat(120) }).displayName).toBe(GRINNING.repeat(120));
    expect(refused({ displayName: GRINNING.repeat(121) })).toEqual({
      displayName: ['Display name must be at most 120 characters'],
    });
    // 4 bytes a character at most: 19 family emoji fit, 20 do not.
    expect(accepted({ displayName: FAMILY.repeat(19) }).displayName).toBe(FAMILY.repeat(19));
    expect(refused({ displayName: FAMILY.repeat(20) })).toEqual({
      displayName: ['Display name is too long: at most 480 bytes (emoji and accented letters take several each)'],
    });
  });

  it('refuses a NUL character', () => {
    expect(refused({ displayName: 'Growth\0' })).toEqual({
      displayName: ['Display name must not contain NUL characters'],
    });
  });
});

describe('pricePlanInput: Description', () => {
  it('is optional: blank or only spaces becomes null', () => {
    expect(accepted({ description: '' }).description).toBeNull();
    expect(accepted({ description: ' \n\t ' }).description).toBeNull();
  });

  it('is trimmed and keeps its line breaks', () => {
    expect(accepted({ description: '  $500 a month.\nThen $0.0015 per call.  ' }).description).toBe(
      '$500 a month.\nThen $0.0015 per call.',
    );
  });

  it(`takes at most ${MAX_PRICE_PLAN_DESCRIPTION_LENGTH.toLocaleString('en-US')} characters, counting an emoji as one`, () => {
    expect(accepted({ description: 'd'.repeat(1000) }).description).toHaveLength(1000);
    expect(refused({ description: 'd'.repeat(1001) })).toEqual({
      description: ['Description must be at most 1,000 characters'],
    });
    expect(accepted({ description: GRINNING.repeat(1000) }).description).toBe(GRINNING.repeat(1000));
    expect(refused({ description: GRINNING.repeat(1001) })).toEqual({
      description: ['Description must be at most 1,000 characters'],
    });
  });

  it('refuses a NUL character', () => {
    expect(refused({ description: 'a\0b' })).toEqual({ description: ['Description must not contain NUL characters'] });
  });
});
