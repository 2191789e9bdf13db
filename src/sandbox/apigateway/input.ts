// API Gateway's answers to bad input (BadRequestException), for the sandbox's one input reader (../input.ts).
import { Input, type InputErrors } from '../input.js';
import { badRequest } from './errors.js';

const API_GATEWAY_ERRORS: InputErrors = {
  wrongType: (member, expected) => badRequest(`Invalid value for parameter ${member}: expected ${expected}`),
  invalid: badRequest,
};

/**
 * A request body, read with API Gateway's errors. `shape` is AWS's name of the request (createRestApiInput),
 * which its validation messages put before the member. A body that is not an object has no members.
 */
export function apiGatewayInput(body: unknown, shape?: string): Input {
  return Input.json(body, API_GATEWAY_ERRORS, { shape });
}

/** Copies the defined entries only, so that absent members stay absent in stored records and responses. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
