// What check tests start from: the complete fixture (as committed) and the default lab spec, plus small helpers
// for naming the one change each case makes.
import { fileURLToPath } from 'node:url';
import { failedCall, skipped } from '../../fixtures/observations.js';
import type { Observed, Snapshot } from '../../src/snapshot/types.js';
import { loadSnapshot } from '../../src/snapshot/validate.js';
import { loadLabSpec } from '../../checks/index.js';

export { mutate } from '../../fixtures/mutate.js';

export const lab = await loadLabSpec();
export const complete: Snapshot = await loadSnapshot(fileURLToPath(new URL('../../fixtures/complete-lab/snapshot.json', import.meta.url)));

/** The value of a found observation, to change it in place inside a mutation. */
export function value<T>(observed: Observed<T>): T {
  if (observed.state !== 'found') throw new Error(`expected a found observation, got ${observed.state}`);
  return observed.value;
}

/** The grader was denied `operation` ("lambda:GetFunction"). */
export function denied(operation: string): Observed<never> {
  return failedCall('access-denied', operation, 'AccessDeniedException', `not authorized to perform: ${operation}`);
}

export function notLookedFor(reason = 'what it hangs off was not observed'): Observed<never> {
  return skipped(reason);
}
