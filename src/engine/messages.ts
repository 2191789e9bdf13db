// The grader's own sentences to the learner, the same in the result and in every report: a check not evaluated
// because another did not pass, a check the grader failed on, a check it could not observe, an incomplete score.
import type { CheckResult } from './types.js';

export const BLOCKED_MESSAGE_ID = 'blocked';

/** A BLOCKED check's message: the root cause, named once. */
export function blockedMessage(root: Pick<CheckResult, 'id' | 'title' | 'status'>): string {
  return `Not evaluated: it needs "${root.title}" (${root.id}), which ${root.status === 'ERROR' ? 'the grader could not check' : 'did not pass'}. Fix that first.`;
}

export const INTERNAL_ERROR_MESSAGE_ID = 'internalError';
export const INTERNAL_ERROR_MESSAGE = 'The grader could not evaluate this check ({{reason}}). This is a grader problem, not yours.';

/** Beside an ERROR check's own message. */
export const NOT_OBSERVED_EXPLANATION =
  'The grader could not observe what this check needs, so it scored 0 here: that is a problem with the grader or its access, not a mistake in the lab. Re-run the grade, or ask your instructor to.';

/** Under the score when some check is ERROR; `checks` names them (already made safe for the report's format). */
export function incompleteScoreMessage(checks: readonly string[]): string {
  return `This score is incomplete: the grader could not see everything it needs for ${checks.join(', ')}. Those checks scored 0 only for that reason, so the real score may be higher. That is not your fault.`;
}
