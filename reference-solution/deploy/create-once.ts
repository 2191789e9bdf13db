// A create that AWS does not make idempotent (CreateUserPool, CreateRestApi, ...) makes a second resource when
// it is sent again after an attempt whose answer was lost (a timeout, a dropped connection): that attempt may
// well have created it. So creates go through clients without the SDK's retry, and this retries them itself:
// after a throttling answer (nothing was made), or after a lost answer once the resource is not found by name.
import type { ReferenceContext } from '../context.js';

export interface CreateOnce<T> {
  /** For the log: "user pool MyAPIUserPool". */
  what: string;
  /** One attempt, through a client of `ctx.clients.once`. */
  create: () => Promise<T>;
  /** What an attempt whose answer was lost made, found by the resource's name; undefined if nothing. */
  findCreated: () => Promise<T | undefined>;
}

/** The pauses before the 2nd and 3rd attempts (and before looking for a lost attempt's resource). */
const DELAYS_MS = [1_000, 3_000];

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException']);

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isThrottling(error: unknown): boolean {
  return httpStatus(error) === 429 || (error instanceof Error && THROTTLING.has(error.name) && httpStatus(error) !== 400);
}

/** No answer (a timeout, a network error) or a server error: the create may have happened. */
function answerLost(error: unknown): boolean {
  const status = httpStatus(error);
  return status === undefined || status >= 500;
}

export async function createOnce<T>(ctx: ReferenceContext, step: CreateOnce<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step.create();
    } catch (error) {
      const delay = DELAYS_MS[attempt];
      const lost = answerLost(error);
      if (delay === undefined || !(lost || isThrottling(error))) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      ctx.log(`${step.what}: the create failed (${reason}); ${lost ? 'looking for what it made, then ' : ''}trying again in ${delay / 1000}s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (!lost) continue;
      const found = await step.findCreated();
      if (found !== undefined) {
        ctx.log(`${step.what}: the lost create had made it`);
        return found;
      }
    }
  }
}
