import { z } from 'zod';

// Text limits have two sides: characters as a person counts them (an emoji, even one built of
// several code points, is one), and bytes, which is what the database stores and indexes. A letter
// with a million combining marks is one character and megabytes; a B-tree index entry holds at
// most 2,704 bytes. So every text field has a byte cap as well as a character limit, and the byte
// cap is checked first, by cheap means (`.length`, then a UTF-8 count that stops at the cap).
//
// Counting characters needs Intl.Segmenter, and on Node 20 (V8's ICU binding) a segment iterator
// costs time with the square of the segments it has walked: 20,000 characters take ~0.5 s, and
// `Array.from` over them ~480 MB. So characters are only counted in text already under its byte
// cap, only when it has more code points than the limit, in short chunks, and no further than
// one past the limit.

/** Bytes allowed per character when a field names no byte cap: any single code point fits. */
export const BYTES_PER_CHARACTER = 4;

const CHUNK = 256;

let graphemes: Intl.Segmenter | undefined;
const segmenter = () => (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

const isHighSurrogate = (unit: number) => (unit & 0xfc00) === 0xd800;
const isLowSurrogate = (unit: number) => (unit & 0xfc00) === 0xdc00;

/**
 * The UTF-8 length of `value` (a lone surrogate is stored as U+FFFD: 3 bytes). Stops counting
 * once past `stopAbove`, so the answer is then some number above it.
 */
export function utf8Length(value: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < value.length && bytes <= stopAbove; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && i + 1 < value.length && isLowSurrogate(value.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// A nonspacing or enclosing mark, ZWNJ, ZWJ or an emoji skin tone never starts a character when it
// follows a letter, digit, mark, symbol, punctuation or space (Unicode's grapheme rule GB9).
const JOINER = /^[\p{Mn}\p{Me}\u200c\u200d\u{1f3fb}-\u{1f3ff}]$/u;
const ORDINARY = /^[\p{L}\p{N}\p{M}\p{S}\p{P}\p{Zs}]$/u;
const KNOWN = 1;
const JOINS = 2;
const JOINABLE = 4;
let bmpKinds: Uint8Array | undefined;
const astralKinds = new Map<number, number>();

function kindOf(codePoint: number): number {
  const cached = codePoint < 0x10000 ? (bmpKinds ??= new Uint8Array(0x10000))[codePoint] : astralKinds.get(codePoint);
  if (cached) return cached;
  const c = String.fromCodePoint(codePoint);
  const kind = KNOWN | (JOINER.test(c) ? JOINS : 0) | (ORDINARY.test(c) ? JOINABLE : 0);
  if (codePoint < 0x10000) bmpKinds![codePoint] = kind;
  else if (astralKinds.size < 10_000) astralKinds.set(codePoint, kind);
  return kind;
}

/**
 * At least as many as the characters in `value`, found without segmenting it: its code points,
 * less those that always join the one before (combining accents, ZWJ, skin tones, LF after CR).
 */
function charCountUpperBound(value: string): number {
  let count = 0;
  let previous = 0;
  let previousKind = 0;
  for (let i = 0; i < value.length; i++) {
    let codePoint = value.charCodeAt(i);
    if (isHighSurrogate(codePoint) && i + 1 < value.length && isLowSurrogate(value.charCodeAt(i + 1))) {
      codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (value.charCodeAt(++i) - 0xdc00);
    }
    // Printable ASCII neither joins nor is a control: no need to look it up.
    const kind = codePoint >= 0x20 && codePoint < 0x7f ? KNOWN | JOINABLE : kindOf(codePoint);
    const joins = (kind & JOINS && previousKind & JOINABLE) || (codePoint === 0x0a && previous === 0x0d);
    if (!joins) count++;
    previous = codePoint;
    previousKind = kind;
  }
  return count;
}

/**
 * Characters as a person counts them: an emoji, even one built of several code points, is one.
 * Stops counting once past `stopAbove`, so the answer is then some number above it.
 *
 * Segments the text in chunks of a few hundred units: each chunk starts at a character boundary
 * found by the chunk before, and a chunk's last character may run on into the next chunk, so it
 * is counted there. (Grapheme rules look only backwards from a boundary, so boundaries found this
 * way are the same as in one pass.) A character longer than a chunk doubles the chunk.
 */
export function charCount(value: string, stopAbove = Infinity): number {
  let count = 0;
  let start = 0;
  let size = CHUNK;
  while (start < value.length) {
    let end = Math.min(value.length, start + size);
    if (end < value.length && isLowSurrogate(value.charCodeAt(end))) end++;
    let segments = 0;
    let lastStart = 0;
    for (const segment of segmenter().segment(value.slice(start, end))) {
      segments++;
      lastStart = segment.index;
      if (count + segments - 1 > stopAbove) return count + segments - 1;
    }
    if (end === value.length) return count + segments;
    if (lastStart === 0) {
      size *= 2;
      continue;
    }
    count += segments - 1;
    start += lastStart;
    size = CHUNK;
  }
  return count;
}

export type LengthProblem = 'characters' | 'bytes';

/** Does `value` fit in `max` characters and `maxBytes` bytes? At most a few passes over `maxBytes` units. */
function measure(value: string, max: number, maxBytes: number) {
  // Every UTF-16 unit is at least one byte, so a long string is too long without looking at it.
  const tooManyBytes = value.length > maxBytes || utf8Length(value, maxBytes) > maxBytes;
  // Characters are counted in no more than the byte cap's worth of units: a prefix has no more
  // characters than the whole, so "too many characters" in it is true of the whole.
  const counted = tooManyBytes ? value.slice(0, maxBytes) : value;
  const tooManyCharacters = counted.length > max && charCountUpperBound(counted) > max && charCount(counted, max) > max;
  return { tooManyBytes, tooManyCharacters };
}

/** Why `value` does not fit in `max` characters and `maxBytes` bytes, or null when it does. */
export function lengthProblem(value: string, max: number, maxBytes: number): LengthProblem | null {
  const { tooManyBytes, tooManyCharacters } = measure(value, max, maxBytes);
  if (tooManyCharacters) return 'characters';
  return tooManyBytes ? 'bytes' : null;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

export function lengthMessage(label: string, problem: LengthProblem, max: number, maxBytes: number): string {
  return problem === 'characters'
    ? `${label} must be at most ${formatNumber(max)} characters`
    : `${label} is too long: at most ${formatNumber(maxBytes)} bytes (emoji and accented letters take several each)`;
}

/**
 * A zod check: at most `max` characters and `maxBytes` bytes. Text over its byte cap stops the
 * checks after this one (they would only be slow on it); text merely over its character limit,
 * and so under its byte cap, lets them run, so every message is shown at once.
 */
export function withinLength(label: string, max: number, maxBytes = max * BYTES_PER_CHARACTER) {
  return (value: string, ctx: z.RefinementCtx) => {
    const { tooManyBytes, tooManyCharacters } = measure(value, max, maxBytes);
    if (!tooManyBytes && !tooManyCharacters) return;
    const message = lengthMessage(label, tooManyCharacters ? 'characters' : 'bytes', max, maxBytes);
    ctx.addIssue({ code: 'custom', message, continue: !tooManyBytes });
  };
}

/** Trimmed text with no NUL characters, at most `max` characters and at most `maxBytes` bytes. */
export function text(label: string, max: number, maxBytes = max * BYTES_PER_CHARACTER) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((v) => !v.includes('\0'), `${label} must not contain NUL characters`)
    .superRefine(withinLength(label, max, maxBytes));
}

/** Like `text`, but required. */
export function requiredText(label: string, max: number, maxBytes?: number) {
  return text(label, max, maxBytes).refine((v) => v.length > 0, `${label} is required`);
}

/** Optional text: blank becomes null. */
export function optionalText(label: string, max: number, maxBytes?: number) {
  return text(label, max, maxBytes).transform((v) => (v === '' ? null : v));
}

/** An optional string that, when given, must also pass `check` (an email, a URL…). */
export function optionalFormatted(label: string, max: number, check: (v: string) => boolean, message: string) {
  return text(label, max)
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v === '' ? null : v));
}

/**
 * A filter from a search box or a URL: control characters (NUL included) become spaces, then it is
 * trimmed and cut to `max`. Blank, missing or not text is no filter (`undefined`), never an error.
 */
export const filterText = (max: number) =>
  z
    .string()
    .transform(
      (v) =>
        v
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim()
          .slice(0, max) || undefined,
    )
    .optional()
    .catch(undefined);
