// Shared by the matrix files: a live grade of one sandbox account, and its results in the fixtures' notation.
import assert from 'node:assert/strict';
import { gradeLive, gradingTargetFor } from '../../src/demo/index.js';
import type { GradeResult } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import { renderJson, validateReport } from '../../src/report/json.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { notation } from '../support/mistake-verdicts.js';
import { labBundle } from '../../checks/index.js';

// The matrix grades many accounts at once against one sandbox, which deploys them meanwhile: on busy cores a call
// may wait long for its turn, and that must never be graded as a fault. (Faults have their own tests.)
const PATIENT_TIMEOUTS = { connectionMs: 10_000, requestMs: 30_000 };

/**
 * Graded as `lab-grader grade --endpoint-url` grades it (with longer timeouts), probes included; its JSON report
 * checked against the schema.
 */
export async function gradeAccount(sandbox: RunningSandbox, accountId: string, lab: LabSpec): Promise<GradeResult> {
  const result = await gradeLive({ ...gradingTargetFor({ endpoint: sandbox.url, accountId }), timeouts: PATIENT_TIMEOUTS }, lab, labBundle);
  assert.deepEqual(validateReport(JSON.parse(renderJson(result))), [], 'report.json follows its schema');
  return result;
}

/** Each check's status and messageId, for assertion messages that show the whole grade. */
export function summary(result: GradeResult): string {
  return result.checks.map((check) => `${check.id}: ${notation(check)}`).join('\n');
}
