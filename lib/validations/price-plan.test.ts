import { describe, expect, it } from 'vitest';
import { formChecks, tooManyBytes } from '@/test/schemas';
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

describe.each([
  { field: 'name', label: 'Key', value: 'growth' },
  { field: 'displayName', label: 'Display name', value: 'Growth — 2026 🚀' },
] as const)('pricePlanInput: $label', ({ field, label, value }) => {
  it('is required; blank or only spaces is refused', () => {
    for (const blank of ['', '   \t ', '  \n '])
      expect(refused({ [field]: blank })).toEqual({ [field]: [`${label} is required`] });
  });

  it('is trimmed and keeps what is inside', () => {
    expect(accepted({ [field]: `  ${value}  ` })[field]).toBe(value);
  });
});

describe('pricePlanInput: Key', () => {
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
});

describe.each([
  { field: 'name', label: 'Key' },
  { field: 'displayName', label: 'Display name' },
  { field: 'description', label: 'Description' },
] as const)('pricePlanInput: $label', ({ field, label }) => {
  it('refuses a NUL character', () => {
    expect(refused({ [field]: 'growth\0' })[field]).toContain(`${label} must not contain NUL characters`);
  });
});

describe.each([
  { field: 'displayName', label: 'Display name', max: MAX_PRICE_PLAN_NAME_LENGTH },
  { field: 'description', label: 'Description', max: MAX_PRICE_PLAN_DESCRIPTION_LENGTH },
] as const)('pricePlanInput: $label', ({ field, label, max }) => {
  it(`takes at most ${max.toLocaleString('en-US')} characters, counting an emoji as one`, () => {
    const tooLong = { [field]: [`${label} must be at most ${max.toLocaleString('en-US')} characters`] };
    expect(accepted({ [field]: 'n'.repeat(max) })[field]).toHaveLength(max);
    expect(refused({ [field]: 'n'.repeat(max + 1) })).toEqual(tooLong);
    expect(accepted({ [field]: GRINNING.repeat(max) })[field]).toBe(GRINNING.repeat(max));
    expect(refused({ [field]: GRINNING.repeat(max + 1) })).toEqual(tooLong);
  });
});

describe('pricePlanInput: Display name', () => {
  it('holds 480 bytes: 4 bytes a character at most, so 19 family emoji fit, 20 do not', () => {
    expect(accepted({ displayName: FAMILY.repeat(19) }).displayName).toBe(FAMILY.repeat(19));
    expect(refused({ displayName: FAMILY.repeat(20) })).toEqual({
      displayName: [tooManyBytes('Display name', '480')],
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
});
