// Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/): one test per
// check, numbered "<activity>.<n>". Every string is rendered as plain text ("text" formats), so nothing from the
// account is interpreted as HTML or Markdown. A check the grader could not see says so instead of a silent 0;
// each test's output opens with its verdict (FAIL, BLOCKED and ERROR all read "failed" to Gradescope); an
// incomplete grade says so first; and where the evidence came from (the live account and when, or a saved
// snapshot) is in the output and in extra_data, so a grade of an edited snapshot cannot pass for a live one.
// The top-level output ends with the grade's plan ("Next steps"): the commands are there, once, in the order to
// run them; a failing test says which cause it belongs to instead of repeating them.
import { incompleteScoreMessage, NOT_OBSERVED_EXPLANATION } from '../engine/messages.js';
import type { CheckResult, GradeResult } from '../engine/types.js';
import { causeOf, NEXT_STEPS_TITLE, planLines } from './plan-text.js';
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
  extra_data: { completeness: GradeResult['completeness']; counts: GradeResult['counts']; source: GradeSource };
  tests: GradescopeTest[];
}

/** Where the evidence came from. For a snapshot, its account and time are what the file says, not checked. */
export type GradeSource =
  | { kind: 'live'; accountId: string | null; region: string; endpoint: string | null; gradedAt: string }
  | { kind: 'snapshot'; accountIdInSnapshot: string | null; region: string; endpoint: string | null; snapshotTakenAt: string; gradedAt: string };

function gradeSource(result: GradeResult): GradeSource {
  // A snapshot's target comes from a file anyone can edit: its strings are shown as text.
  const line = (value: string | null): string | null => (value === null ? null : sanitizeLine(value));
  const [accountId, endpoint] = [line(result.target.accountId), line(result.target.endpoint)];
  const region = sanitizeLine(result.target.region);
  return result.source === 'live'
    ? { kind: 'live', accountId, region, endpoint, gradedAt: result.gradedAt }
    : { kind: 'snapshot', accountIdInSnapshot: accountId, region, endpoint, snapshotTakenAt: result.snapshotTakenAt, gradedAt: result.gradedAt };
}

function sourceLine(source: GradeSource): string {
  const via = source.endpoint === null ? '' : ` through the endpoint ${source.endpoint} (not AWS itself)`;
  return source.kind === 'live'
    ? `Graded live: account ${source.accountId ?? 'unknown'}, ${source.region}, at ${source.gradedAt}${via}.`
    : `Graded from a saved snapshot file, not from the account: the file says account ${source.accountIdInSnapshot ?? 'unknown'}, ${source.region}, taken at ${source.snapshotTakenAt}${via}; graded at ${source.gradedAt}. A snapshot file can be edited: this is not a live grade.`;
}

/** The first line of a test's output: the verdict in words, so that FAIL, BLOCKED and ERROR read apart. */
const VERDICT: Record<CheckResult['status'], string> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  BLOCKED: 'BLOCKED (not checked: a check it depends on did not pass)',
  ERROR: 'ERROR (the grader could not check this)',
};

const SEE_PLAN = `The commands are under "${NEXT_STEPS_TITLE}" at the top of the results, with every other fix, in the order to run them.`;

function testOutput(check: CheckResult, plan: GradeResult['plan']): string {
  const parts = [VERDICT[check.status], check.message];
  if (check.status === 'ERROR') parts.push(NOT_OBSERVED_EXPLANATION);
  const cause = check.status === 'FAIL' ? causeOf(plan, check.id) : undefined;
  if (cause !== undefined && cause !== check.id) {
    parts.push(`Follows from ${cause}: fixing that fixes this too. ${SEE_PLAN}`);
  } else if (check.remediation) {
    parts.push(`${check.status === 'PASS' ? 'Note' : 'Fix'}: ${sanitizeLine(check.remediation.text)}`);
    if (cause !== undefined) parts.push(SEE_PLAN);
    else if (check.remediation.commands.length > 0) parts.push(check.remediation.commands.join('\n'));
  }
  if (check.status !== 'PASS' && check.docs) parts.push(`Docs: ${check.docs}`);
  return sanitizeBlock(parts.join('\n\n'));
}

function summaryOutput(result: GradeResult, source: GradeSource): string {
  const { counts } = result;
  const lines: string[] = [];
  if (result.completeness === 'incomplete') {
    const errored = result.checks
      .filter((check) => check.status === 'ERROR')
      .map((check) => sanitizeLine(`"${check.title}" (${check.id})`));
    lines.push(`INCOMPLETE GRADE. ${incompleteScoreMessage(errored)}`, '');
  }
  lines.push(
    `${sanitizeLine(result.lab.title)}: ${result.score}/${result.maxScore}`,
    `${counts.PASS} passed, ${counts.FAIL} failed, ${counts.BLOCKED} blocked, ${counts.ERROR} could not be checked.`,
    sanitizeLine(sourceLine(source)),
  );
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((note) => `- ${sanitizeLine(note)}`));
  const plan = planLines(result.plan);
  if (plan.length > 0) lines.push('', ...plan);
  return lines.join('\n');
}

export function buildGradescopeResults(result: GradeResult): GradescopeResults {
  const source = gradeSource(result);
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
      output: testOutput(check, result.plan),
      tags: [`activity-${check.step}`, check.kind, check.status.toLowerCase()],
      visibility: 'visible',
    };
  });
  return {
    score: tests.reduce((sum, test) => sum + test.score, 0),
    output: summaryOutput(result, source),
    output_format: 'text',
    test_output_format: 'text',
    test_name_format: 'text',
    extra_data: { completeness: result.completeness, counts: result.counts, source },
    tests,
  };
}

export function renderGradescope(result: GradeResult): string {
  return `${JSON.stringify(buildGradescopeResults(result), null, 2)}\n`;
}
