// IAM's and STS's answers to bad input (ValidationError), for the sandbox's one input reader (../input.ts).

import { Input, type InputErrors } from '../input.js';
import type { QueryAction, QueryParams } from '../protocols/query.js';
import { AwsError, type RequestContext } from '../service.js';

const QUERY_ERRORS: InputErrors = {
  wrongType: (member, expected) => new AwsError('ValidationError', `Invalid value for parameter ${member}: expected ${expected}`),
  invalid: (message) => new AwsError('ValidationError', message),
};

/** An awsQuery form (IAM, STS), read with their errors. */
function queryInput(params: QueryParams): Input {
  return Input.form(params, QUERY_ERRORS);
}

type InputAction = (input: Input, ctx: RequestContext) => unknown;

/** An action table whose handlers read their form through queryInput(). */
export function queryActions(handlers: Record<string, InputAction>): Record<string, QueryAction> {
  return Object.fromEntries(Object.entries(handlers).map(([action, handler]) => [action, (params: QueryParams, ctx: RequestContext) => handler(queryInput(params), ctx)]));
}
