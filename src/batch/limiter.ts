// Throttling within AWS's per-account quotas (reference/AWS-FACTS.md section 6) when several roster rows share
// one account: a token bucket per account, shared by every student graded in it.

import type { RateLimit } from '../target/clients.js';

/** API Gateway's GetResources: 5 calls per 2 seconds per account, the tightest quota a grade meets. */
export const GET_RESOURCES_QUOTA = { tokens: 5, windowMs: 2_000 } as const;
/** The grading clients' key for it. */
export const GET_RESOURCES_OPERATION = 'apigateway:GetResources';

export interface TokenBucketOptions {
  tokens: number;
  /** A spent token comes back this long after it was spent. */
  windowMs: number;
  /** Clock in ms, for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A bucket of `tokens` tokens, each returned `windowMs` after it is spent: never more than `tokens` calls in
 * any window (a refill at a steady rate would allow a full bucket plus a window's refill in the first window).
 * take() waits for a token. debit() spends one without waiting, and may leave the bucket in debt: a call that
 * has already started is counted, and whoever takes next waits it off.
 */
export class TokenBucket {
  /** When each token still out was spent, oldest first. */
  private spent: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private returnTokens(now: number): void {
    while (this.spent.length > 0 && (this.spent[0] as number) + this.options.windowMs <= now) this.spent.shift();
  }

  /** Waits until a token is free and spends it; callers are served in the order they asked. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.now();
        this.returnTokens(now);
        if (this.spent.length < this.options.tokens) {
          this.spent.push(now);
          return;
        }
        // Enough tokens come back once the one that makes the difference does.
        await this.sleep((this.spent[this.spent.length - this.options.tokens] as number) + this.options.windowMs - now);
      }
    });
    this.queue = turn;
    return turn;
  }

  debit(): void {
    const now = this.now();
    this.returnTokens(now);
    this.spent.push(now);
  }
}

/** One bucket per account id, created on first use. */
export class AccountLimiters {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly options: TokenBucketOptions = GET_RESOURCES_QUOTA) {}

  forAccount(accountId: string): TokenBucket {
    let bucket = this.buckets.get(accountId);
    if (!bucket) {
      bucket = new TokenBucket(this.options);
      this.buckets.set(accountId, bucket);
    }
    return bucket;
  }
}

/**
 * The limit of one grade whose first call's token was taken before the grade began (outside its time limit):
 * that call goes free, every later one is debited without waiting, as a call already under way is.
 */
export function prepaidFirst(bucket: TokenBucket): RateLimit {
  let prepaid = true;
  return {
    acquire: async () => {
      if (prepaid) prepaid = false;
      else bucket.debit();
    },
  };
}
