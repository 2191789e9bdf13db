// The IAM checks grade the role the function runs as. When the function could not be read, the collector
// looks up the lab's role name instead: fine for a PASS, but a FAIL about that role may be about a role the
// function does not use (the learner's function may run as another, good one), so it is an ERROR instead.
import type { Evaluation } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { errored } from './verdict.js';

/** The ERROR to return instead of a FAIL when the graded role is only a guess; null when it is the function's (or there is no function). */
export function roleGuessed(snapshot: Snapshot): Evaluation | null {
  const fn = snapshot.lambda.function;
  if (snapshot.iam.roleSource !== 'lab-spec' || fn.state !== 'error') return null;
  return errored(
    'notObserved',
    { what: 'the role the Lambda function runs as', reason: `${fn.error.operation} failed with ${fn.error.code}; only the lab's role ${snapshot.iam.roleName} was read` },
    { error: fn.error },
  );
}
