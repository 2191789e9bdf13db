// The class's junit.xml: each student's own report (src/report/junit.ts, read back from the student's folder)
// becomes one testsuite named after the student; a student who could not be graded is a suite with one error.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizeLine } from '../report/sanitize.js';
import type { ClassRecord } from './class-record.js';
import { studentDir } from './grade-student.js';
import type { StudentOutcome } from './outcome.js';

const COUNTERS = ['tests', 'failures', 'errors', 'skipped'] as const;
type Counts = Record<(typeof COUNTERS)[number], number>;

export function xmlAttribute(value: string): string {
  return sanitizeLine(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function suiteName(outcome: StudentOutcome): string {
  const { studentId, name } = outcome.student;
  return name ? `${studentId} (${name})` : studentId;
}

/** The <testsuite> element of the student's junit.xml, renamed after the student, and its counters. */
function gradedSuite(xml: string, outcome: StudentOutcome): { suite: string; counts: Counts } {
  // The writer escapes attribute values, so the opening tag holds no raw quote; CDATA comes only after it.
  const start = xml.indexOf('<testsuite ');
  const end = xml.lastIndexOf('</testsuite>');
  if (start < 0 || end < 0) throw new Error(`the junit.xml of ${outcome.student.studentId} has no testsuite`);
  const suite = xml.slice(start, end + '</testsuite>'.length).replace(/^<testsuite name="[^"]*"/, `<testsuite name="${xmlAttribute(suiteName(outcome))}"`);
  const openingTag = suite.slice(0, suite.indexOf('>'));
  const counts = Object.fromEntries(
    COUNTERS.map((counter) => [counter, Number(new RegExp(` ${counter}="(\\d+)"`).exec(openingTag)?.[1] ?? 0)]),
  ) as Counts;
  return { suite, counts };
}

function errorSuite(outcome: StudentOutcome): { suite: string; counts: Counts } {
  const message = xmlAttribute(outcome.error ?? 'not graded');
  const suite =
    `<testsuite name="${xmlAttribute(suiteName(outcome))}" tests="1" failures="0" errors="1" skipped="0">\n` +
    '    <testcase classname="lab-grader.batch" name="grading">\n' +
    `      <error message="${message}" type="cannot-grade"/>\n` +
    '    </testcase>\n' +
    '  </testsuite>';
  return { suite, counts: { tests: 1, failures: 0, errors: 1, skipped: 0 } };
}

export async function renderCombinedJunit(record: ClassRecord, outDir: string): Promise<string> {
  const suites = await Promise.all(
    record.done.map(async (outcome) =>
      outcome.status === 'graded'
        ? gradedSuite(await readFile(join(studentDir(outDir, outcome.student.studentId), 'junit.xml'), 'utf8'), outcome)
        : errorSuite(outcome),
    ),
  );
  const totals = COUNTERS.map((counter) => `${counter}="${suites.reduce((sum, { counts }) => sum + counts[counter], 0)}"`).join(' ');
  const body = suites.map(({ suite }) => `  ${suite}\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttribute(record.lab.title)}" ${totals}>\n${body}</testsuites>\n`;
}
