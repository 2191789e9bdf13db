// The JSON report: the GradeResult itself, and the published schema it follows (schemas/report.schema.json).
import { compileSchema } from '../json/schema.js';
import type { GradeResult } from '../engine/types.js';

import reportSchema from './schemas/report.schema.json' with { type: 'json' };

/** The published schema of report.json (src/report/schemas/report.schema.json). */
export const REPORT_SCHEMA: object = reportSchema;

// JSON.stringify leaves these raw inside strings; escaped, the data is unchanged but `cat report.json` cannot
// be steered by C1 controls (8-bit CSI) or reordered by bidirectional overrides from the account.
const UNSAFE_IN_TERMINAL = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function renderJson(result: GradeResult): string {
  const json = JSON.stringify(result, null, 2).replace(
    UNSAFE_IN_TERMINAL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

const validateSchema = compileSchema(REPORT_SCHEMA, { allErrors: true });

/** The plan names real checks, its causes are failures and what it leaves unchecked is what could not be read. */
function planProblems(result: GradeResult): string[] {
  const problems: string[] = [];
  const statuses = new Map(result.checks.map((check) => [check.id, check.status]));
  const known = (path: string, id: string): void => {
    if (!statuses.has(id)) problems.push(`${path} names an unknown check "${id}"`);
  };
  const { causes, commands, unchecked } = result.plan;
  causes.forEach((cause, index) => {
    const status = statuses.get(cause.checkId);
    if (status === undefined) known(`/plan/causes/${index}/checkId`, cause.checkId);
    else if (status !== 'FAIL') problems.push(`/plan/causes/${index} is ${cause.checkId}, a ${status} check: a cause must be a FAIL`);
    for (const id of cause.explains) known(`/plan/causes/${index}/explains`, id);
  });
  commands.forEach((command, index) => {
    for (const id of command.checkIds) known(`/plan/commands/${index}/checkIds`, id);
  });
  unchecked.forEach((id, index) => {
    const status = statuses.get(id);
    if (status === undefined) known(`/plan/unchecked/${index}`, id);
    else if (status !== 'ERROR') problems.push(`/plan/unchecked/${index} is ${id}, a ${status} check: only ERROR checks are unchecked`);
  });
  return problems;
}

/** What the schema cannot say: the totals agree with the checks, and the steps and the plan list real checks. */
function consistencyProblems(result: GradeResult): string[] {
  const problems: string[] = [];
  const sum = (key: 'points' | 'maxPoints'): number => result.checks.reduce((total, check) => total + check[key], 0);
  if (result.score !== sum('points')) problems.push(`/score ${result.score} is not the sum of the checks' points (${sum('points')})`);
  if (result.maxScore !== sum('maxPoints')) {
    problems.push(`/maxScore ${result.maxScore} is not the sum of the checks' maxPoints (${sum('maxPoints')})`);
  }
  for (const status of ['PASS', 'FAIL', 'BLOCKED', 'ERROR'] as const) {
    const actual = result.checks.filter((check) => check.status === status).length;
    if (result.counts[status] !== actual) problems.push(`/counts/${status} is ${result.counts[status]}, but ${actual} checks are ${status}`);
  }
  const expected = result.counts.ERROR > 0 ? 'incomplete' : 'complete';
  if (result.completeness !== expected) problems.push(`/completeness must be "${expected}" with ${result.counts.ERROR} ERROR checks`);
  result.checks.forEach((check, index) => {
    const earned = check.status === 'PASS' ? check.maxPoints : 0;
    if (check.points !== earned) problems.push(`/checks/${index}/points must be ${earned} for a ${check.status} check`);
  });
  const ids = new Set(result.checks.map((check) => check.id));
  result.steps.forEach((step, index) => {
    for (const id of step.checkIds) if (!ids.has(id)) problems.push(`/steps/${index}/checkIds names an unknown check "${id}"`);
  });
  return [...problems, ...planProblems(result)];
}

/** Problems with a JSON report, as "path message" lines; empty when it is valid. */
export function validateReport(doc: unknown): string[] {
  if (!validateSchema(doc)) return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  return consistencyProblems(doc as GradeResult);
}
