// The SDK's standard retry counts attempts only, so one call to a server that hangs costs maxAttempts times the
// request timeout. This retry also has a time budget per call: no attempt starts once the call has used it.
// Like the standard one, it retries only throttling and transient errors, with capped exponential backoff and
// full jitter, and waits at least as long as a Retry-After hint asks (up to 5 s more).
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

export interface RetryBudget {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** From the call's first attempt: a retry that would start later is not made. */
  budgetMs: number;
}

const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;
const MAX_RETRY_AFTER_EXTRA_MS = 5_000;

class BudgetedRetryToken implements RetryToken {
  constructor(
    readonly startedAt: number,
    private readonly retryCount: number,
  ) {}
  getRetryCount(): number {
    return this.retryCount;
  }
  getRetryDelay(): number {
    // The strategy waits before it hands out the token, as @smithy/core's strategies do.
    return 0;
  }
}

export class BudgetedRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';

  constructor(private readonly budget: RetryBudget) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new BudgetedRetryToken(Date.now(), 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const { startedAt } = token as BudgetedRetryToken;
    const retries = token.getRetryCount();
    const retryable = errorInfo.errorType === 'THROTTLING' || errorInfo.errorType === 'TRANSIENT';
    if (!retryable || retries + 1 >= this.budget.maxAttempts) throw new Error('No retry token available');
    const base = errorInfo.errorType === 'THROTTLING' ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
    let delay = Math.floor(Math.random() * Math.min(base * 2 ** retries, MAX_DELAY_MS));
    if (errorInfo.retryAfterHint instanceof Date) {
      delay = Math.max(delay, Math.min(errorInfo.retryAfterHint.getTime() - Date.now(), delay + MAX_RETRY_AFTER_EXTRA_MS));
    }
    if (Date.now() + delay - startedAt >= this.budget.budgetMs) throw new Error('No retry token available: the call has used its time budget');
    await new Promise((resolve) => setTimeout(resolve, delay));
    return new BudgetedRetryToken(startedAt, retries + 1);
  }

  recordSuccess(): void {}
}

/** A call's attempts, backoff included, may start within this many request timeouts of its first. */
export const RETRY_BUDGET_IN_REQUEST_TIMEOUTS = 2;

export function budgetedRetry(maxAttempts: number, requestMs: number): BudgetedRetryStrategy {
  return new BudgetedRetryStrategy({ maxAttempts, budgetMs: RETRY_BUDGET_IN_REQUEST_TIMEOUTS * requestMs });
}
