// Bounded retries for the one kind of failure that time fixes (Terratest style): every other error stops at once.
import { errorName } from './aws-errors.js';

export interface RetryPolicy {
  /** What the wait is for, in the log: "IAM to let Lambda assume lambda-execution-role". */
  waitingFor: string;
  isRetryable: (error: unknown) => boolean;
  /** The pause before each retry; its length bounds the number of retries. */
  delaysMs: readonly number[];
}

/** 1, 2, 4, 8, 8, ... seconds: about a minute in all, well past IAM's usual propagation delay. */
export const PROPAGATION_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000, 8_000];

export async function retryWhile<T>(
  what: string,
  operation: () => Promise<T>,
  policy: RetryPolicy,
  log: (line: string) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const delay = policy.delaysMs[attempt];
      if (!policy.isRetryable(error) || delay === undefined) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      log(
        `${what}: waiting for ${policy.waitingFor} (${errorName(error)}: ${reason}); ` +
          `retry ${attempt + 1} of ${policy.delaysMs.length} in ${delay / 1000}s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** An error of this name whose message is exactly this one. */
export function isError(name: string, message?: string): (error: unknown) => boolean {
  return (error) => errorName(error) === name && (message === undefined || (error as Error).message === message);
}
