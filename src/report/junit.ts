// The JUnit XML report, for CI (Jenkins, GitLab): one testsuite for the lab, one testcase per check.
// FAIL is a failure, ERROR an error (the grader's problem), BLOCKED skipped.
import junitReportModule, { type Builder } from 'junit-report-builder';
import { NOT_OBSERVED_EXPLANATION } from '../engine/messages.js';
import type { CheckResult, GradeResult } from '../engine/types.js';
import { sanitizeBlock, sanitizeLine } from './sanitize.js';

// Its typings declare an ES default export, but Node loads the CommonJS build, whose module.exports is the
// builder itself; TypeScript (NodeNext) would otherwise type the import as the module object.
const sharedBuilder = junitReportModule as unknown as Builder;

// xmlbuilder escapes only the first "]]>" of a CDATA section; any further one would end it early.
const cdata = (value: string): string => sanitizeBlock(value).replaceAll(']]>', ']] >');

function failureBody(check: CheckResult): string {
  const lines = [sanitizeLine(check.message)];
  if (check.remediation) {
    lines.push('', `Fix: ${sanitizeLine(check.remediation.text)}`);
    if (check.remediation.cli !== null) lines.push('', check.remediation.cli);
  }
  if (check.docs) lines.push('', `Docs: ${sanitizeLine(check.docs)}`);
  return cdata(lines.join('\n'));
}

export function renderJunit(result: GradeResult): string {
  // The shared builder would accumulate test suites across calls; each report gets a fresh one.
  const builder = sharedBuilder.newBuilder();
  const suite = builder
    .testSuite()
    .name(sanitizeLine(result.lab.title))
    // The Ant JUnit schema's timestamp has no zone: the UTC time, to the second.
    .timestamp(result.gradedAt.slice(0, 19))
    .property('score', String(result.score))
    .property('maxScore', String(result.maxScore))
    .property('completeness', result.completeness)
    .property('account', sanitizeLine(result.target.accountId ?? 'unknown'))
    .property('region', sanitizeLine(result.target.region));

  for (const check of result.checks) {
    const testCase = suite
      .testCase()
      .className(`lab-grader.activity-${check.step}`)
      .name(sanitizeLine(`${check.id}: ${check.title}`))
      .property('points', String(check.points))
      .property('maxPoints', String(check.maxPoints));
    const reason = sanitizeLine(check.message);
    switch (check.status) {
      case 'FAIL':
        testCase.failure(reason, sanitizeLine(check.messageId)).stacktrace(failureBody(check));
        break;
      case 'ERROR':
        testCase.error(
          reason,
          sanitizeLine(check.messageId),
          cdata(`${reason}\n\n${NOT_OBSERVED_EXPLANATION}`),
        );
        break;
      case 'BLOCKED':
        // junit-report-builder 5 writes a bare <skipped/>: the reason goes to a property and system-out.
        testCase.skipped().property('blockedBy', sanitizeLine(check.blockedBy ?? 'unknown')).standardOutput(cdata(reason));
        break;
      case 'PASS':
        if (check.remediation) testCase.standardOutput(cdata(`Note: ${sanitizeLine(check.remediation.text)}`));
        break;
    }
  }
  return builder.build();
}
