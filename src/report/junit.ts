// The JUnit XML report, for CI (Jenkins, GitLab, GitHub test reporters): one testsuite for the lab, one testcase
// per check. FAIL is a failure, ERROR an error (the grader's problem), BLOCKED skipped, with its reason in the
// message and the text (GitLab shows only the text). Valid against Jenkins' JUnit schema (junit-10.xsd), which has
// no <properties> in a testcase and no "skipped" on <testsuites>: a check's points go to its system-out.
// The grade's plan ("Next steps") is the suite's system-out. A failure the plan folds into another check's names
// that check instead of repeating its commands; a root cause's failure keeps its own commands, since CI tools
// show a testcase on its own (GitLab shows no suite output).
import { NOT_OBSERVED_EXPLANATION } from '../engine/messages.js';
import type { CheckResult, GradeResult, NextSteps } from '../engine/types.js';
import { causeOf, NEXT_STEPS_TITLE, planLines } from './plan-text.js';
import { sanitizeLine } from './sanitize.js';
import { cdata, xmlElement } from './xml.js';

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/** A live grade's suite took the collection, the probes and the evaluation; a saved snapshot only its evaluation. */
function suiteMs(result: GradeResult): number {
  return result.source === 'live' ? Date.parse(result.gradedAt) - Date.parse(result.snapshotTakenAt) : 0;
}

function failureBody(check: CheckResult, plan: NextSteps): string {
  const lines = [sanitizeLine(check.message)];
  const cause = causeOf(plan, check.id);
  if (cause !== undefined && cause !== check.id) {
    lines.push('', `Follows from ${sanitizeLine(cause)}: fixing that fixes this too ("${NEXT_STEPS_TITLE}" in the suite's system-out).`);
  } else if (check.remediation) {
    lines.push('', `Fix: ${sanitizeLine(check.remediation.text)}`);
    if (check.remediation.commands.length > 0) lines.push('', ...check.remediation.commands);
  }
  if (check.docs) lines.push('', `Docs: ${sanitizeLine(check.docs)}`);
  return cdata(lines.join('\n'));
}

/** The outcome element of a check that did not pass, or null. */
function outcome(check: CheckResult, plan: NextSteps): string | null {
  const reason = check.message;
  switch (check.status) {
    case 'FAIL':
      return xmlElement('failure', { message: reason, type: check.messageId }, failureBody(check, plan));
    case 'ERROR':
      return xmlElement(
        'error',
        { message: reason, type: check.messageId },
        cdata(`${sanitizeLine(reason)}\n\n${NOT_OBSERVED_EXPLANATION}`),
      );
    case 'BLOCKED':
      return xmlElement('skipped', { message: reason, type: `blocked-by:${check.blockedBy ?? 'unknown'}` }, cdata(sanitizeLine(reason)));
    case 'PASS':
      return null;
  }
}

function systemOut(check: CheckResult): string {
  const lines = [`Points: ${check.points}/${check.maxPoints}`, `Status: ${check.status}`];
  if (check.status === 'BLOCKED') lines.push(`Blocked by: ${sanitizeLine(check.blockedBy ?? 'unknown')}`);
  if (check.status === 'PASS' && check.remediation) lines.push(`Note: ${sanitizeLine(check.remediation.text)}`);
  return xmlElement('system-out', {}, cdata(lines.join('\n')));
}

function testCase(check: CheckResult, plan: NextSteps): string {
  // Each check is evaluated from evidence already collected: it has no time of its own.
  const attributes = { classname: `lab-grader.activity-${check.step}`, name: `${check.id}: ${check.title}`, time: seconds(0) };
  const children = [outcome(check, plan), systemOut(check)].filter((child): child is string => child !== null);
  return xmlElement('testcase', attributes, `\n${children.map((child) => `      ${child}\n`).join('')}    `);
}

export function renderJunit(result: GradeResult): string {
  const time = seconds(suiteMs(result));
  const counts = { tests: String(result.checks.length), failures: String(result.counts.FAIL), errors: String(result.counts.ERROR) };
  const properties = {
    score: String(result.score),
    maxScore: String(result.maxScore),
    completeness: result.completeness,
    source: result.source,
    account: result.target.accountId ?? 'unknown',
    region: result.target.region,
  };
  const propertyLines = Object.entries(properties).map(([name, value]) => `      ${xmlElement('property', { name, value })}\n`);
  const testCases = result.checks.map((check) => `    ${testCase(check, result.plan)}\n`).join('');
  const plan = planLines(result.plan);
  const planOut = plan.length > 0 ? `    ${xmlElement('system-out', {}, cdata(plan.join('\n')))}\n` : '';
  const suite = xmlElement(
    'testsuite',
    // The Ant JUnit schema's timestamp has no zone: the UTC time, to the second.
    { name: result.lab.title, timestamp: result.gradedAt.slice(0, 19), time, ...counts, skipped: String(result.counts.BLOCKED) },
    `\n    <properties>\n${propertyLines.join('')}    </properties>\n${testCases}${planOut}  `,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement('testsuites', { name: result.lab.title, time, ...counts }, `\n  ${suite}\n`)}\n`;
}
