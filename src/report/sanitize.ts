// Strings in a report can come from the graded account (names, tags, observed values), so a learner's
// account must not be able to drive the reader's terminal, forge report lines, or break an XML file.
// Every writer that emits text passes account-derived strings through here.

// ECMA-48 sequences, 7-bit (ESC ...) and 8-bit (C1) forms: CSI, OSC/DCS/SOS/PM/APC strings with their
// terminators, and the remaining two-character escapes. Removed whole, so no parameter residue is left.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\x1b\\[|\\x9b)[0-?]*[ -/]*[@-~]',
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[\\s\\S]*?(?:\\x07|\\x1b\\\\|\\x9c)',
    '\\x1b[ -/]*[0-~]',
  ].join('|'),
  'g',
);

// C0 and C1 controls and DEL; bidirectional overrides (they reorder what the reader sees: "Trojan Source");
// U+FFFE/U+FFFF, which XML forbids.
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that may span lines (a CLI command, a fix): escapes and controls removed; keeps newlines and tabs. */
export function sanitizeBlock(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

/** Text shown on one line (a name, a message): as sanitizeBlock, and line breaks and tabs become spaces. */
export function sanitizeLine(value: string): string {
  return sanitizeBlock(value).replace(/[\n\t\u2028\u2029]+/g, ' ');
}
