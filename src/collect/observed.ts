// Small algebra over Observed values, shared by the collectors.
import type { Observed } from '../snapshot/types.js';

export function mapFound<T, U>(observed: Observed<T>, map: (value: T) => U): Observed<U> {
  return observed.state === 'found' ? { state: 'found', value: map(observed.value) } : observed;
}

/** A lookup by name that matched nothing: the account has no such thing. Found lists are then known non-empty. */
export function absentIfEmpty<T>(observed: Observed<T[]>, detail: string): Observed<[T, ...T[]]> {
  if (observed.state !== 'found') return observed;
  const [first, ...rest] = observed.value;
  return first === undefined ? { state: 'absent', detail } : { state: 'found', value: [first, ...rest] };
}

/** Evidence not looked for because `upstream` (described by `what`) was not found. */
export function skippedAfter<T>(upstream: Exclude<Observed<unknown>, { state: 'found' }>, what: string): Observed<T> {
  switch (upstream.state) {
    case 'absent':
      return { state: 'skipped', reason: `${what} does not exist` };
    case 'error':
      return { state: 'skipped', reason: `${what} could not be read (${upstream.error.kind})` };
    case 'skipped':
      return upstream;
  }
}

export function skipped<T>(reason: string): Observed<T> {
  return { state: 'skipped', reason };
}
