// A deployment made seconds ago may not serve its routes everywhere yet (API Gateway answers 403 Missing
// Authentication Token for a route it is about to serve). Only then, retry a few times before recording the answer.
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpExchange, Observed } from '../snapshot/types.js';

export interface FreshDeploymentPolicy {
  /** A deployment younger than this may still be propagating. */
  youngerThanMs: number;
  /** The pause before each retry; their count is the number of retries. */
  retryDelaysMs: readonly number[];
  /** The answer of a route the stage does not serve yet (the lab knows its gateway's). */
  notServingYet(answer: HttpExchange): boolean;
}

export async function callAllowingForPropagation(
  call: () => Promise<Observed<HttpExchange>>,
  deployedAt: Date | null,
  now: Date,
  policy: FreshDeploymentPolicy,
): Promise<Observed<HttpExchange>> {
  let answer = await call();
  const fresh = deployedAt !== null && now.getTime() - deployedAt.getTime() < policy.youngerThanMs;
  if (!fresh) return answer;
  for (const delay of policy.retryDelaysMs) {
    if (answer.state !== 'found' || !policy.notServingYet(answer.value)) break;
    await sleep(delay);
    answer = await call();
  }
  return answer;
}
