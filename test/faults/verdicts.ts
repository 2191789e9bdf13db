// The rule a fault must keep: per student and check, the faulted verdict is the baseline's (status and
// messageId), or ERROR, or BLOCKED behind an ERROR. Anything else is a changed verdict: a learner judged on
// what the grader failed to see.
import type { CheckResult, GradeResult } from '../../src/engine/types.js';

/** Student (or account) -> the grade; null when the student could not be graded at all (every check counts as ERROR). */
export type ClassGrades = ReadonlyMap<string, GradeResult | null>;

export interface ChangedVerdict {
  student: string;
  check: string;
  baseline: string;
  faulted: string;
}

export interface VerdictComparison {
  changed: ChangedVerdict[];
  /** Checks that are ERROR (or BLOCKED behind one) under the fault and were not in the baseline. */
  errors: number;
  /** The new ERROR checks by the code of the call that failed (TooManyRequestsException, TimeoutError, ...). */
  errorCodes: Record<string, number>;
}

const describe = (check: CheckResult | undefined): string =>
  check === undefined ? 'not graded' : check.status === 'BLOCKED' ? `BLOCKED by ${check.blockedBy}` : `${check.status} ${check.messageId}`;

const same = (a: CheckResult, b: CheckResult): boolean => a.status === b.status && a.messageId === b.messageId && a.blockedBy === b.blockedBy;

/** ERROR itself, or BLOCKED whose root cause is ERROR: what the grader could not see. */
function unseen(check: CheckResult, grade: GradeResult): boolean {
  if (check.status === 'ERROR') return true;
  if (check.status !== 'BLOCKED') return false;
  return grade.checks.find((candidate) => candidate.id === check.blockedBy)?.status === 'ERROR';
}

/** An ERROR check's evidence holds the failed call's observation error; a grade that never ran has none. */
function errorCode(check: CheckResult | undefined): string {
  const evidence = check?.evidence as { error?: { code?: string } } | null | undefined;
  return evidence?.error?.code ?? (check === undefined ? 'not graded' : check.messageId);
}

export function compareVerdicts(baseline: ClassGrades, faulted: ClassGrades): VerdictComparison {
  const changed: ChangedVerdict[] = [];
  const errorCodes: Record<string, number> = {};
  let errors = 0;
  for (const [student, before] of baseline) {
    if (before === null) throw new Error(`${student}: the baseline could not grade this student; a fault run needs a graded baseline`);
    const after = faulted.get(student);
    if (after === undefined) throw new Error(`${student}: missing from the faulted run`);
    for (const check of before.checks) {
      const underFault = after?.checks.find((candidate) => candidate.id === check.id);
      if (underFault !== undefined && same(check, underFault)) continue;
      if (underFault === undefined || unseen(underFault, after as GradeResult)) {
        errors += 1;
        const code = errorCode(underFault);
        if (underFault?.status !== 'BLOCKED') errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        continue;
      }
      changed.push({ student, check: check.id, baseline: describe(check), faulted: describe(underFault) });
    }
  }
  return { changed, errors, errorCodes };
}
