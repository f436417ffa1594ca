import { describe, expect, it } from 'vitest';
import { COUNTRIES, COUNTRY_CODES, countryName } from './countries';

describe('the country list', () => {
  it('has the 249 ISO 3166-1 codes, each named', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) {
      expect(COUNTRIES[code], code).toMatch(/\S/);
      expect(COUNTRIES[code], code).not.toBe(code);
    }
  });

  it('names countries in English, the names Chromium shows too', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('AX')).toBe('Åland Islands');
    expect(countryName('BA')).toBe('Bosnia & Herzegovina');
    expect(countryName('HK')).toBe('Hong Kong SAR China');
    expect(countryName('PS')).toBe('Palestinian Territories');
  });

  it('returns an unknown code as it is, and nothing for nothing', () => {
    expect(countryName('ZZ')).toBe('ZZ');
    expect(countryName('')).toBeNull();
    expect(countryName(null)).toBeNull();
  });
});
