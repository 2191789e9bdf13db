// The three verdicts a check may return (BLOCKED is the engine's).
import type { Evaluation, TemplateData } from '../../src/engine/types.js';

function verdict(status: Evaluation['status']) {
  return (messageId: string, data?: TemplateData, evidence?: unknown): Evaluation => ({
    status,
    messageId,
    ...(data ? { data } : {}),
    ...(evidence === undefined ? {} : { evidence }),
  });
}

export const passed = verdict('PASS');
/** The account is not as the lab leaves it: the learner can fix it. */
export const failed = verdict('FAIL');
/** The grader could not see what it needs: never the learner's fault. */
export const errored = verdict('ERROR');
