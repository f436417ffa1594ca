import { describe, expect, it } from 'vitest';
import { invalid } from '@/lib/action-result';
import { formChecks } from '@/test/schemas';
import { MIN_PASSWORD, roleInput, signInInput, userInput, type UserFormValues } from './user';

/** A valid new user, plus whatever the test changes. */
function form(overrides: Partial<UserFormValues> | Record<string, unknown> = {}): UserFormValues {
  return { email: 'ops@example.com', name: 'Ops', role: 'editor', password: 'a-long-password', ...overrides };
}

const { accepted, refused } = formChecks(userInput, form);

describe('userInput: a new user', () => {
  it('accepts an email, a name, a role and a password, the email trimmed and in lower case', () => {
    expect(accepted({ email: '  Ops@Example.COM ', name: ' Ops Team ' })).toEqual({
      email: 'ops@example.com',
      name: 'Ops Team',
      role: 'editor',
      password: 'a-long-password',
    });
  });

  it('refuses the empty form with a message for each field, not only the first', () => {
    expect(refused({ email: '', name: '', role: '', password: '' })).toEqual({
      email: ['Email is required'],
      name: ['Name is required'],
      role: ['Choose a role'],
      password: [`Use at least ${MIN_PASSWORD} characters`],
    });
  });

  it('refuses an address that is not one', () => {
    expect(refused({ email: 'ops@' }).email).toEqual(['Enter a valid email address, like ops@example.com']);
    expect(refused({ email: 'ops example.com' }).email).toEqual(['Enter a valid email address, like ops@example.com']);
  });

  it('takes an email of up to 254 characters', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(at254).toHaveLength(254);
    expect(accepted({ email: at254 }).email).toBe(at254);
    expect(refused({ email: `a${at254}` }).email).toContain('Email must be at most 254 characters');
  });

  it('takes a name of up to 100 characters, counting an emoji as one, within its byte cap', () => {
    const wave = '👋';
    expect(accepted({ name: wave.repeat(100) }).name).toBe(wave.repeat(100));
    // A family emoji is one character of 25 bytes: 100 of them are over the 400-byte cap.
    const family = '👨‍👩‍👧‍👦';
    expect(refused({ name: family.repeat(100) }).name?.[0]).toMatch(/^Name is too long: at most 400 bytes/);
    expect(refused({ name: 'n'.repeat(101) }).name).toEqual(['Name must be at most 100 characters']);
    expect(refused({ name: 'Ops\0' }).name).toEqual(['Name must not contain NUL characters']);
  });

  it(`takes a password of ${MIN_PASSWORD} to 128 characters, as typed (spaces kept)`, () => {
    expect(accepted({ password: 'p'.repeat(MIN_PASSWORD) }).password).toBe('p'.repeat(MIN_PASSWORD));
    expect(accepted({ password: ' '.repeat(128) }).password).toBe(' '.repeat(128));
    expect(refused({ password: 'p'.repeat(MIN_PASSWORD - 1) }).password).toEqual([
      `Use at least ${MIN_PASSWORD} characters`,
    ]);
    expect(refused({ password: 'p'.repeat(129) }).password).toEqual(['Use at most 128 characters']);
  });

  it('takes the three roles and nothing else', () => {
    for (const role of ['viewer', 'editor', 'admin'] as const) expect(accepted({ role }).role).toBe(role);
    expect(refused({ role: 'owner' }).role).toEqual(['Choose a role']);
    expect(roleInput.safeParse('Admin').success).toBe(false);
  });

  it('refuses what a form cannot send', () => {
    expect(refused({ email: 42 }).email).toEqual(['Email must be text']);
    expect(Object.keys(refused({ password: null }))).toEqual(['password']);
  });
});

describe('signInInput', () => {
  it('takes an email and any password that is not empty', () => {
    expect(signInInput.parse({ email: ' ops@example.com ', password: 'x' })).toEqual({
      email: 'ops@example.com',
      password: 'x',
    });
  });

  it('asks for both', () => {
    const result = signInInput.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    expect(invalid(result.error!).fieldErrors).toEqual({
      email: ['Email is required'],
      password: ['Enter your password'],
    });
  });
});
