// --timeout: the time limit of one live grade, in seconds.
import { InputError } from '../errors.js';

/** Far above a normal grade (seconds), well below "it hangs": every call's retries fit several times over. */
export const DEFAULT_GRADE_TIMEOUT_SECONDS = 180;

export function gradeTimeoutMs(seconds: number | undefined): number {
  const value = seconds ?? DEFAULT_GRADE_TIMEOUT_SECONDS;
  if (!Number.isFinite(value) || value <= 0) throw new InputError(`--timeout: expected a positive number of seconds, got ${seconds}.`);
  return value * 1000;
}
