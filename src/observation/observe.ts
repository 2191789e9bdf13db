// The one place a call's failure becomes an observation, for every collector.
import type { Observed } from '../snapshot/types.js';
import { WriteRefusedError } from '../target/read-only-guard.js';
import { classifyError } from './classify-error.js';

/** One AWS operation (all its pages) starting or ending; for progress displays and call counting. */
export interface CallEvent {
  /** service:Operation, e.g. "lambda:GetFunction". */
  operation: string;
  phase: 'start' | 'end';
}

/** Runs `call` and records what it showed: found, absent, or the error that kept the grader from seeing. */
export type Observe = <T>(operation: string, call: () => Promise<T>) => Promise<Observed<T>>;

export function createObserve(onCall?: (event: CallEvent) => void): Observe {
  return async <T>(operation: string, call: () => Promise<T>): Promise<Observed<T>> => {
    onCall?.({ operation, phase: 'start' });
    try {
      return { state: 'found', value: await call() };
    } catch (error) {
      // A refused write is a bug in the grader, not a fact about the account: let it surface.
      if (error instanceof WriteRefusedError) throw error;
      const { kind, code, message } = classifyError(error);
      if (kind === 'absent') return { state: 'absent', detail: message || code };
      return { state: 'error', error: { kind, operation, code, message } };
    } finally {
      onCall?.({ operation, phase: 'end' });
    }
  };
}
