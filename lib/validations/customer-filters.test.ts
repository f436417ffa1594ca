import { describe, expect, it } from 'vitest';
import { customerFiltersToSearch, parseCustomerFilters, type CustomerFilters } from './customer-filters';

describe('parseCustomerFilters', () => {
  const defaults: CustomerFilters = {
    q: undefined,
    status: 'active',
    plan: undefined,
    provider: undefined,
    tag: undefined,
    sort: 'created',
    order: 'desc',
    cursor: undefined,
    dir: 'next',
    limit: 50,
  };

  it('defaults to the newest 50 active customers', () => {
    expect(parseCustomerFilters({})).toEqual(defaults);
    expect(parseCustomerFilters(new URLSearchParams())).toEqual(defaults);
  });

  it.each([25, 50, 100])('allows a page size of %i', (limit) => {
    expect(parseCustomerFilters({ limit: String(limit) }).limit).toBe(limit);
    expect(parseCustomerFilters(new URLSearchParams({ limit: String(limit) })).limit).toBe(limit);
  });

  it.each(['', '0', '-25', '10', '51', '1000', '50.5', 'abc', 'NaN', 'Infinity', '1e2x'])(
    'falls back to 50 for the limit %j',
    (limit) => {
      expect(parseCustomerFilters({ limit }).limit).toBe(50);
    },
  );

  it('reads the first value of a repeated param', () => {
    expect(parseCustomerFilters({ limit: ['100', '25'], dir: ['prev', 'next'], cursor: ['c1', 'c2'] })).toEqual({
      ...defaults,
      cursor: 'c1',
      dir: 'prev',
      limit: 100,
    });
    expect(parseCustomerFilters(new URLSearchParams('limit=25&limit=100')).limit).toBe(25);
  });

  it('reads dir, falling back to next', () => {
    expect(parseCustomerFilters({ dir: 'prev' }).dir).toBe('prev');
    expect(parseCustomerFilters({ dir: 'next' }).dir).toBe('next');
    expect(parseCustomerFilters({ dir: 'sideways' }).dir).toBe('next');
    expect(parseCustomerFilters({ dir: 'PREV' }).dir).toBe('next');
    expect(parseCustomerFilters({ dir: '' }).dir).toBe('next');
  });

  it('reads the cursor, dropping one longer than 2048 characters', () => {
    expect(parseCustomerFilters({ cursor: 'abc' }).cursor).toBe('abc');
    expect(parseCustomerFilters({ cursor: 'c'.repeat(2048) }).cursor).toBe('c'.repeat(2048));
    expect(parseCustomerFilters({ cursor: 'c'.repeat(2049) }).cursor).toBeUndefined();
  });

  it('sorts by Created and Last usage newest first, ID and Name A to Z, unless the order is given', () => {
    expect(parseCustomerFilters({ sort: 'usage' })).toMatchObject({ sort: 'usage', order: 'desc' });
    expect(parseCustomerFilters({ sort: 'usage', order: 'asc' })).toMatchObject({ sort: 'usage', order: 'asc' });
    expect(parseCustomerFilters({ sort: 'id' })).toMatchObject({ sort: 'id', order: 'asc' });
    expect(parseCustomerFilters({ sort: 'name' })).toMatchObject({ sort: 'name', order: 'asc' });
    expect(parseCustomerFilters({ sort: 'name', order: 'desc' })).toMatchObject({ sort: 'name', order: 'desc' });
    expect(parseCustomerFilters({ sort: 'created', order: 'asc' })).toMatchObject({ sort: 'created', order: 'asc' });
    expect(parseCustomerFilters({ sort: 'email', order: 'up' })).toMatchObject({ sort: 'created', order: 'desc' });
  });

  it('trims the search, drops control characters and cuts it at 200 characters', () => {
    expect(parseCustomerFilters({ q: '  acme  ' }).q).toBe('acme');
    expect(parseCustomerFilters({ q: 'ac\nme\t' }).q).toBe('ac me');
    expect(parseCustomerFilters({ q: '   ' }).q).toBeUndefined();
    expect(parseCustomerFilters({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });

  it('reads the price plan, billing provider and tag filters', () => {
    expect(parseCustomerFilters({ plan: 'growth', provider: 'stripe', tag: 'vip' })).toMatchObject({
      plan: 'growth',
      provider: 'stripe',
      tag: 'vip',
    });
    expect(parseCustomerFilters({ provider: 'paypal' }).provider).toBeUndefined();
  });

  it('never throws on junk', () => {
    expect(
      parseCustomerFilters({
        status: 'active',
        cursor: 'x'.repeat(10_000),
        dir: '??',
        limit: '??',
        sort: '??',
        order: '??',
        provider: '??',
      }),
    ).toEqual(defaults);
  });
});

describe('customerFiltersToSearch', () => {
  const base = parseCustomerFilters({});

  it('is empty for the defaults', () => {
    expect(customerFiltersToSearch(base)).toBe('');
  });

  it('writes a non-default limit', () => {
    expect(customerFiltersToSearch({ ...base, limit: 100 })).toBe('?limit=100');
    expect(customerFiltersToSearch({ ...base, limit: 25 })).toBe('?limit=25');
  });

  it('writes the cursor, and dir only when it is prev', () => {
    expect(customerFiltersToSearch({ ...base, cursor: 'abc' })).toBe('?cursor=abc');
    expect(customerFiltersToSearch({ ...base, cursor: 'abc', dir: 'prev' })).toBe('?cursor=abc&dir=prev');
    expect(customerFiltersToSearch({ ...base, cursor: 'abc', dir: 'prev', limit: 25 })).toBe(
      '?cursor=abc&dir=prev&limit=25',
    );
  });

  it('drops dir without a cursor (the first page has no direction)', () => {
    expect(customerFiltersToSearch({ ...base, dir: 'prev' })).toBe('');
  });

  it('writes the order only when it is not the sort’s default', () => {
    expect(customerFiltersToSearch({ ...base, sort: 'name', order: 'asc' })).toBe('?sort=name');
    expect(customerFiltersToSearch({ ...base, sort: 'name', order: 'desc' })).toBe('?sort=name&order=desc');
    expect(customerFiltersToSearch({ ...base, order: 'asc' })).toBe('?order=asc');
  });

  it.each<Partial<CustomerFilters>>([
    {},
    { limit: 25 },
    { limit: 100 },
    { cursor: 'abc' },
    { cursor: 'abc', dir: 'prev', limit: 100 },
    { cursor: 'a b&c=d/é?#+%', dir: 'prev', limit: 25 },
    { cursor: 'eyJpZCI6IjEyMyJ9==' },
    { q: 'acme & co/é?#', status: 'all', plan: 'growth', provider: 'netsuite', tag: 'vip tier' },
    { sort: 'id', order: 'desc', status: 'archived' },
    { sort: 'name', order: 'asc', q: 'a' },
    { sort: 'created', order: 'asc', cursor: 'c', dir: 'prev' },
  ])('round-trips %j through the URL', (change) => {
    const filters = { ...base, ...change };
    const search = customerFiltersToSearch(filters);
    expect(parseCustomerFilters(new URLSearchParams(search))).toEqual(filters);
    // and through a Next-style searchParams object
    expect(parseCustomerFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(filters);
  });
});
