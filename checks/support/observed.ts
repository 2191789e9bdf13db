// Reading an Observed<T>: what the grader could not see becomes ERROR, never FAIL.
import type { Evaluation } from '../../src/engine/types.js';
import type { Observed } from '../../src/snapshot/types.js';
import { errored } from './verdict.js';

type Found<T> = Extract<Observed<T>, { state: 'found' }>;
type Absent = Extract<Observed<unknown>, { state: 'absent' }>;
type NotFound = Exclude<Observed<unknown>, { state: 'found' }>;

/** Every check that reads an observation includes these messages. */
export const UNOBSERVED_MESSAGES = {
  observationError: 'The grader could not read {{what}} ({{operation}} failed with {{code}}), so this was not checked; it says nothing about your lab.',
  notObserved: 'The grader did not read {{what}} ({{reason}}), so this was not checked.',
} as const;

/** found or absent: a fact about the account, the check's to judge. */
export function seen<T>(observed: Observed<T>): observed is Found<T> | Absent {
  return observed.state === 'found' || observed.state === 'absent';
}

/** The ERROR for an observation the check needed but does not have; `what` names it for the learner. */
export function unobserved(observed: NotFound, what: string): Evaluation {
  switch (observed.state) {
    case 'error':
      return errored('observationError', { what, operation: observed.error.operation, code: observed.error.code }, { error: observed.error });
    case 'skipped':
      return errored('notObserved', { what, reason: observed.reason });
    case 'absent':
      // Only for observations where "does not exist" cannot happen (an HTTP answer, the probe's sign-in).
      return errored('notObserved', { what, reason: observed.detail });
  }
}
