import { z } from 'zod';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a person counts them: an emoji, even one built of several code points, is one. */
export function charCount(value: string): number {
  return Array.from(graphemes.segment(value)).length;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Trimmed text with no NUL characters and at most `max` characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((v) => !v.includes('\0'), `${label} must not contain NUL characters`)
    .refine((v) => charCount(v) <= max, `${label} must be at most ${formatNumber(max)} characters`);
}

/** Like `text`, but required. */
export function requiredText(label: string, max: number) {
  return text(label, max).refine((v) => v.length > 0, `${label} is required`);
}

/** Optional text: blank becomes null. */
export function optionalText(label: string, max: number) {
  return text(label, max).transform((v) => (v === '' ? null : v));
}

/** An optional string that, when given, must also pass `check` (an email, a URL…). */
export function optionalFormatted(label: string, max: number, check: (v: string) => boolean, message: string) {
  return text(label, max)
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v === '' ? null : v));
}
