// Reading a JSON body a learner's function returned. It may nest as deep as the function likes: JSON.parse copes,
// but comparing, stringifying or reporting the value recurses once per level and would overflow the stack.
import { pointerDeeperThan } from '../../src/json/depth.js';

/** Far deeper than any answer the lab's function gives, far below what recursion over the value can take. */
const MAX_BODY_DEPTH = 64;

export type JsonBody = { kind: 'json'; value: unknown } | { kind: 'notJson' } | { kind: 'tooDeep' };

/** The body as a JSON value, when it is JSON nested at most MAX_BODY_DEPTH levels deep. */
export function parseJsonBody(text: string): JsonBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'notJson' };
  }
  return pointerDeeperThan(value, MAX_BODY_DEPTH) === null ? { kind: 'json', value } : { kind: 'tooDeep' };
}
