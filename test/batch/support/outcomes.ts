// Class records built from made-up outcomes, for the output writers' tests (no AWS).
import { catalogue } from '../../../checks/index.js';
import { checkInfos, type ClassRecord } from '../../../src/batch/class-record.js';
import type { StudentOutcome } from '../../../src/batch/outcome.js';
import type { CheckStatus } from '../../../src/engine/types.js';

export const CHECKS = checkInfos(catalogue);

/**
 * A graded student who scored `percent` % of `maxScore`, passing that share of the checks (the first ones) and
 * failing the rest: what a test states does not depend on how many checks the lab has.
 */
export function gradedStudent(index: number, name: string | null, percent: number, maxScore = 100): StudentOutcome {
  const passed = Math.round((percent / 100) * CHECKS.length);
  const checks = Object.fromEntries(CHECKS.map((check, i) => [check.id, (i < passed ? 'PASS' : 'FAIL') as CheckStatus]));
  return {
    schemaVersion: 1,
    student: { index, studentId: `s${index}`, name, accountId: String(100000000000 + index) },
    status: 'graded',
    error: null,
    score: Math.round((percent / 100) * maxScore),
    maxScore,
    completeness: 'complete',
    checks,
    finishedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

export function errorStudent(index: number, name: string | null, error: string): StudentOutcome {
  return {
    schemaVersion: 1,
    student: { index, studentId: `s${index}`, name, accountId: String(100000000000 + index) },
    status: 'error',
    error,
    score: null,
    maxScore: 100,
    completeness: null,
    checks: {},
    finishedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

export function record(done: StudentOutcome[]): ClassRecord {
  return { lab: { id: 'lab', title: 'The <Lab> & "Title"', version: '1' }, checks: CHECKS, done, pending: [] };
}
