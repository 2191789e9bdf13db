// Cognito's answers to bad input, for the sandbox's one input reader (../input.ts): every violated constraint
// of the model becomes one clause of a single InvalidParameterException ("2 validation errors detected: ...").

import { Input, type InputErrors } from '../input.js';
import { AwsError } from '../service.js';
import type { MemberRule } from '../validation.js';
import { invalidParameter } from './errors.js';

const COGNITO_ERRORS: InputErrors = {
  wrongType: (member, expected) => new AwsError('SerializationException', `Could not parse the request body as JSON: ${member} must be ${expected}`),
  invalid: invalidParameter,
};

/** A cognito-idp request, read with Cognito's errors. */
export function cognitoInput(body: unknown): Input {
  return Input.json(body, COGNITO_ERRORS);
}

export type Rules = Record<string, MemberRule>;

// Rules shared by many operations, from the cognito-idp model.
export const USER_POOL_ID: MemberRule = { required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' };
export const CLIENT_ID: MemberRule = { required: true, min: 1, max: 128, pattern: '[\\w+]+', sensitive: true };
export const USERNAME: MemberRule = { required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true };
export const PASSWORD: MemberRule = { max: 256, pattern: '[\\S]+', sensitive: true };
export const NAME: MemberRule = { required: true, min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' };
export const PAGE_TOKEN: MemberRule = { min: 1, pattern: '[\\S]+' };
