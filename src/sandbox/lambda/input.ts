// Lambda's answers to bad input, for the sandbox's one input reader (../input.ts).

import { Input, type InputErrors } from '../input.js';
import { AwsError } from '../service.js';
import { constraintMessage } from '../validation.js';

export const validationException = (member: string, value: unknown, constraint: string) =>
  new AwsError('ValidationException', constraintMessage(member, value, constraint));

const LAMBDA_ERRORS: InputErrors = {
  wrongType: (member, expected) => new AwsError('InvalidRequestContentException', `Could not parse request body into json: ${member} must be ${expected}`),
  invalid: (message) => new AwsError('ValidationException', message),
};

const notAnObject = () => new AwsError('InvalidRequestContentException', 'Could not parse request body into json: the body is not a JSON object');

/** A Lambda request body, read with Lambda's errors. */
export function lambdaInput(body: unknown): Input {
  return Input.json(body, LAMBDA_ERRORS, { notAnObject });
}
