// What must hold of every report a writer emits, whatever the account held: each format parses, validates, and
// carries nothing a terminal, a browser, a spreadsheet or an XML reader would act on.
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCsv } from '../../src/batch/csv.js';
import type { GradeResult } from '../../src/engine/types.js';
import { renderConsole } from '../../src/report/console.js';
import { renderGradescope, type GradescopeResults } from '../../src/report/gradescope.js';
import { renderJson, validateReport } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Characters a terminal acts on or that reorder text: ESC and every control but \n and \t, C1, bidi overrides. */
const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/** Not characters in XML 1.0, raw or as a character reference. */
const XML_ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|&#x0*(?:[0-8bcef]|1[0-9a-f]|fffe|ffff);|&#0*(?:[0-8]|1[124-9]|2\d|3[01]);/i;
/** The only escapes the console writes itself: its palette's SGR colours. */
const OWN_SGR = /\x1b\[(?:1|2|22|31|32|33|35|39)m/g;

/** Text a person reads in a terminal: no escape, control (but newline and tab), C1, bidi override or lone surrogate. */
export function assertTerminalSafe(text: string, what: string): void {
  const unsafe = TERMINAL_UNSAFE.exec(text) ?? LONE_SURROGATE.exec(text);
  assert.equal(unsafe, null, `${what} holds U+${unsafe?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${unsafe?.index}`);
}

/** Console text: without colour no escape at all; with it, only the palette's own colours. */
export function assertConsoleTextSafe(text: string, color: boolean): void {
  if (!color) assert.doesNotMatch(text, /\x1b/, 'no escape at all without colour');
  assertTerminalSafe(text.replace(OWN_SGR, ''), `the console report (color ${color})`);
  // Account values are clipped: a 1 MB name must not flood the learner's terminal.
  assert.ok(text.length < 200_000, `the console report is ${text.length} characters`);
}

function assertConsoleSafe(result: GradeResult): void {
  for (const color of [false, true]) assertConsoleTextSafe(renderConsole(result, { color, width: 80 }), color);
}

export function assertJsonReportValid(result: GradeResult): void {
  const text = renderJson(result);
  // `cat report.json` must be as safe as the console; the data itself is unchanged (JSON escapes).
  assertTerminalSafe(text, 'report.json');
  const parsed: unknown = JSON.parse(text);
  assert.deepEqual(validateReport(parsed), []);
  assert.deepEqual(parsed, JSON.parse(JSON.stringify(result)));
}

export function assertJunitValid(xml: string, what: string): Record<string, unknown> {
  const illegal = XML_ILLEGAL.exec(xml) ?? LONE_SURROGATE.exec(xml);
  assert.equal(illegal, null, `${what} holds ${JSON.stringify(illegal?.[0])}, illegal in XML 1.0, at ${illegal?.index}`);
  assertTerminalSafe(xml, what);
  assert.equal(XMLValidator.validate(xml), true, `${what} is not well-formed: ${JSON.stringify(XMLValidator.validate(xml))}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(xml) as Record<string, unknown>;
}

function assertStudentJunitValid(result: GradeResult): void {
  const doc = assertJunitValid(renderJunit(result), 'junit.xml') as { testsuites: { testsuite: { tests: string; failures: string; testcase: unknown[] }[] } };
  const [suite] = doc.testsuites.testsuite;
  assert.equal(suite?.testcase.length, result.checks.length);
  assert.equal(Number(suite?.failures), result.counts.FAIL);
}

function assertGradescopeValid(result: GradeResult): void {
  const text = renderGradescope(result);
  assertTerminalSafe(text, 'results.json');
  const parsed = JSON.parse(text) as GradescopeResults;
  assert.equal(parsed.tests.length, result.checks.length);
  assert.equal(parsed.score, result.score);
  assert.equal(parsed.tests.reduce((sum, test) => sum + test.score, 0), result.score);
  assert.equal(parsed.tests.reduce((sum, test) => sum + test.max_score, 0), result.maxScore);
  for (const value of [parsed.output, ...parsed.tests.flatMap((test) => [test.name, test.output])]) {
    assertTerminalSafe(value, 'a results.json string');
  }
}

/** Every per-student writer: console (both colour settings), report.json, junit.xml, results.json. */
export function assertEveryReportValid(result: GradeResult): void {
  assertConsoleSafe(result);
  assertJsonReportValid(result);
  assertStudentJunitValid(result);
  assertGradescopeValid(result);
}

/** Tags summary.html writes itself; anything else in angle brackets came from a roster or an account. */
const OWN_HTML_TAGS = /<!DOCTYPE html>|<\/?(?:html|head|meta|title|style|body|h1|h2|p|div|b|a|span|i|svg|g|rect|text|line|table|thead|tbody|tr|th|td)(?:\s[^<>]*)?\/?>/g;

export function assertSummaryHtmlSafe(html: string): void {
  const stray = /<[^]{0,40}/.exec(html.replace(OWN_HTML_TAGS, ''));
  assert.equal(stray, null, `summary.html has markup it did not write: ${JSON.stringify(stray?.[0])}`);
  assertTerminalSafe(html, 'summary.html');
}

/** gradebook.csv reads back as `expected` cells, every one that a spreadsheet would run as a formula defused. */
export function assertGradebookReadsBack(csv: string, expected: readonly (readonly string[])[]): void {
  const { records, unterminatedQuoteLine } = parseCsv(csv);
  assert.equal(unterminatedQuoteLine, null);
  const cells = records.map((record) => record.fields);
  assert.deepEqual(cells, expected.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
  for (const cell of cells.flat()) assert.doesNotMatch(cell, /^[=+@\t\r]|^-(?!\d)/, `a formula survives: ${JSON.stringify(cell)}`);
  assertTerminalSafe(csv.replaceAll('\r\n', '\n'), 'gradebook.csv');
}
