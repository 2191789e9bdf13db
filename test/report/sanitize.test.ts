import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeBlock, sanitizeLine } from '../../src/report/sanitize.js';
import { HOSTILE } from './sample-results.js';

// Anything a terminal would act on, and anything XML 1.0 forbids.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

test('removes whole escape sequences, leaving no parameters behind', () => {
  assert.equal(sanitizeLine(HOSTILE.ansi), 'RED ');
  assert.equal(sanitizeLine('\x1b]0;pwned title\x07after'), 'after');
  assert.equal(sanitizeLine('a\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\b'), 'alinkb');
  assert.equal(sanitizeLine(`x${HOSTILE.eightBitCsi}y`), 'xy');
});

test('removes control characters, bidirectional overrides and lone surrogates', () => {
  assert.equal(sanitizeLine(HOSTILE.controls), 'abcdef');
  assert.equal(sanitizeLine(HOSTILE.bidi), 'abcevilx');
  assert.equal(sanitizeLine(HOSTILE.loneSurrogate), 'x\ufffdy');
  for (const value of Object.values(HOSTILE)) {
    assert.doesNotMatch(sanitizeBlock(value), UNSAFE);
    assert.doesNotMatch(sanitizeLine(value), UNSAFE);
  }
});

test('an unterminated escape loses its ESC, so the terminal cannot act on it', () => {
  assert.equal(sanitizeLine('\x1b]0;title with no end'), '0;title with no end');
});

test('keeps printable text as it is: emoji, quotes, markup, non-ASCII', () => {
  const text = `${HOSTILE.emoji} ${HOSTILE.markup} ${HOSTILE.cdataEnd} Zürich`;
  assert.equal(sanitizeLine(text), text);
});

test('sanitizeLine puts everything on one line; sanitizeBlock keeps line breaks and tabs', () => {
  assert.equal(sanitizeLine(HOSTILE.forgedLine), 'bad   ✔ PASS      4/4  forged next');
  assert.equal(sanitizeBlock('one\r\ntwo\rthree\n\tfour'), 'one\ntwo\nthree\n\tfour');
});
