// Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/): one test per
// check, numbered "<activity>.<n>". Every string is rendered as plain text ("text" formats), so nothing from the
// account is interpreted as HTML or Markdown. A check the grader could not see says so instead of a silent 0.
import { incompleteScoreMessage, NOT_OBSERVED_EXPLANATION } from '../engine/messages.js';
import type { CheckResult, GradeResult } from '../engine/types.js';
import { sanitizeBlock, sanitizeLine } from './sanitize.js';

type Visibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  tags: string[];
  visibility: Visibility;
}

export interface GradescopeResults {
  /** The sum of the tests' scores (Gradescope would let a top-level score override them). */
  score: number;
  output: string;
  output_format: 'text';
  test_output_format: 'text';
  test_name_format: 'text';
  extra_data: { completeness: GradeResult['completeness']; counts: GradeResult['counts'] };
  tests: GradescopeTest[];
}

function testOutput(check: CheckResult): string {
  const parts = [check.message];
  if (check.status === 'ERROR') parts.push(NOT_OBSERVED_EXPLANATION);
  if (check.remediation) {
    parts.push(`${check.status === 'PASS' ? 'Note' : 'Fix'}: ${sanitizeLine(check.remediation.text)}`);
    if (check.remediation.cli !== null) parts.push(check.remediation.cli);
  }
  if (check.status !== 'PASS' && check.docs) parts.push(`Docs: ${check.docs}`);
  return sanitizeBlock(parts.join('\n\n'));
}

function summaryOutput(result: GradeResult): string {
  const { counts } = result;
  const lines = [
    `${sanitizeLine(result.lab.title)}: ${result.score}/${result.maxScore}`,
    `${counts.PASS} passed, ${counts.FAIL} failed, ${counts.BLOCKED} blocked, ${counts.ERROR} could not be checked.`,
  ];
  if (result.completeness === 'incomplete') {
    const errored = result.checks
      .filter((check) => check.status === 'ERROR')
      .map((check) => sanitizeLine(`"${check.title}" (${check.id})`));
    lines.push(
      '',
      incompleteScoreMessage(errored),
    );
  }
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((note) => `- ${sanitizeLine(note)}`));
  return lines.join('\n');
}

export function buildGradescopeResults(result: GradeResult): GradescopeResults {
  const numberInStep = new Map<number, number>();
  const tests = result.checks.map((check): GradescopeTest => {
    const n = (numberInStep.get(check.step) ?? 0) + 1;
    numberInStep.set(check.step, n);
    return {
      name: sanitizeLine(`${check.title} (${check.id})`),
      number: `${check.step}.${n}`,
      score: check.points,
      max_score: check.maxPoints,
      status: check.status === 'PASS' ? 'passed' : 'failed',
      output: testOutput(check),
      tags: [`activity-${check.step}`, check.kind, check.status.toLowerCase()],
      visibility: 'visible',
    };
  });
  return {
    score: tests.reduce((sum, test) => sum + test.score, 0),
    output: summaryOutput(result),
    output_format: 'text',
    test_output_format: 'text',
    test_name_format: 'text',
    extra_data: { completeness: result.completeness, counts: result.counts },
    tests,
  };
}

export function renderGradescope(result: GradeResult): string {
  return `${JSON.stringify(buildGradescopeResults(result), null, 2)}\n`;
}
