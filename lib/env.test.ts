import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('the environment', () => {
  it('runs with nothing set: embedded PGlite, a pool of 10, every switch off', () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
      PGLITE_DIR: undefined,
      BETTER_AUTH_SECRET: undefined,
      BETTER_AUTH_URL: undefined,
      BETTER_AUTH_TRUSTED_ORIGINS: [],
      TRUSTED_PROXY: false,
      SEED_DEMO: false,
      METERLINE_BENCH: false,
      V1_RATE_LIMIT_PER_SECOND: 100,
      V1_RATE_LIMIT_BURST: 1000,
      SHUTDOWN_TIMEOUT_MS: 25_000,
    });
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', DATABASE_POOL_SIZE: ' ', TRUSTED_PROXY: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.TRUSTED_PROXY).toBe(false);
  });

  it('reads the values it is given', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/meterline',
      DATABASE_POOL_SIZE: '4',
      BETTER_AUTH_TRUSTED_ORIGINS: 'https://portal.example.com, http://localhost:3000',
      TRUSTED_PROXY: '1',
      SEED_DEMO: '0',
    });
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/meterline');
    expect(env.DATABASE_POOL_SIZE).toBe(4);
    expect(env.BETTER_AUTH_TRUSTED_ORIGINS).toEqual(['https://portal.example.com', 'http://localhost:3000']);
    expect(env.TRUSTED_PROXY).toBe(true);
    expect(env.SEED_DEMO).toBe(false);
    expect(parseEnv({ V1_RATE_LIMIT_PER_SECOND: '0', V1_RATE_LIMIT_BURST: '50' })).toMatchObject({
      V1_RATE_LIMIT_PER_SECOND: 0,
      V1_RATE_LIMIT_BURST: 50,
    });
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/meterline', 'postgres://'],
    ['DATABASE_POOL_SIZE', 'ten', 'whole number'],
    ['DATABASE_POOL_SIZE', '0', 'whole number'],
    ['BETTER_AUTH_SECRET', 'short', '32 characters'],
    ['BETTER_AUTH_URL', 'portal.example.com', 'http://'],
    ['BETTER_AUTH_TRUSTED_ORIGINS', 'https://ok.example.com,nope', 'http://'],
    ['TRUSTED_PROXY', 'true', 'use 1 (on) or 0 (off)'],
    ['METERLINE_BENCH', 'yes', 'use 1 (on) or 0 (off)'],
    ['V1_RATE_LIMIT_PER_SECOND', '-1', '0 or more'],
    ['V1_RATE_LIMIT_BURST', 'lots', '0 or more'],
  ])('stops on a bad %s (%j), naming it', (name, value, hint) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}.*${hint.replace(/[()]/g, '\\$&')}`));
  });
});
