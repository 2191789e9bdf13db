// Every exit code lab-grader returns, decided here (design: 0 pass, 1 failed or blocked, 2 bad input, 3 could not grade).
import type { BatchResult } from '../batch/run.js';
import type { GradeResult } from '../engine/types.js';

export const EXIT = {
  ok: 0,
  failedOrBlocked: 1,
  badInput: 2,
  cannotGrade: 3,
  /** The shell's code for a run ended by SIGINT (128 + 2). */
  interrupted: 130,
} as const;

/** A grade: 0 all pass; 1 a check failed or is blocked; 3 the grader could not see everything. */
export function gradeExitCode(result: Pick<GradeResult, 'counts'>): number {
  if (result.counts.ERROR > 0) return EXIT.cannotGrade;
  if (result.counts.FAIL > 0 || result.counts.BLOCKED > 0) return EXIT.failedOrBlocked;
  return EXIT.ok;
}

/** A batch: 0 every student graded (whatever the scores), 3 some could not be, 130 interrupted. */
export function batchExitCode(result: Pick<BatchResult, 'record' | 'interrupted'>): number {
  if (result.interrupted) return EXIT.interrupted;
  return result.record.done.some((outcome) => outcome.status === 'error') ? EXIT.cannotGrade : EXIT.ok;
}
