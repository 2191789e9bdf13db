// The class's junit.xml: each student's own report (src/report/junit.ts, read back from the student's folder)
// becomes one testsuite named after the student, each testcase's classname starting with the student id (CI
// tools group and list testcases by classname); a student who could not be graded is a suite with one error.
// Valid against Jenkins' JUnit schema, like the student's own file: <testsuites> counts no "skipped".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { xmlAttribute } from '../report/xml.js';
import type { ClassRecord } from './class-record.js';
import { studentDir } from './grade-student.js';
import type { StudentOutcome } from './outcome.js';

const COUNTERS = ['tests', 'failures', 'errors', 'skipped'] as const;
type Counts = Record<(typeof COUNTERS)[number], number>;

/** "lab-grader.activity-3" -> "<studentId>.activity-3" in every testcase, leaving the CDATA bodies alone. */
function withStudentClassnames(suite: string, studentId: string): string {
  return suite
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replaceAll('<testcase classname="lab-grader.', `<testcase classname="${xmlAttribute(studentId)}.`)))
    .join('');
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
  const renamed = xml.slice(start, end + '</testsuite>'.length).replace(/^<testsuite name="[^"]*"/, `<testsuite name="${xmlAttribute(suiteName(outcome))}"`);
  const suite = withStudentClassnames(renamed, outcome.student.studentId);
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
    `    <testcase classname="${xmlAttribute(outcome.student.studentId)}.grading" name="grading" time="0.000">\n` +
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
  const totals = COUNTERS.filter((counter) => counter !== 'skipped').map((counter) => `${counter}="${suites.reduce((sum, { counts }) => sum + counts[counter], 0)}"`).join(' ');
  const body = suites.map(({ suite }) => `  ${suite}\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttribute(record.lab.title)}" ${totals}>\n${body}</testsuites>\n`;
}
