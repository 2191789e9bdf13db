// Password hashing (scrypt: the sandbox never keeps a password in plain text) and the pool password policy.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AwsError } from '../service.js';
import type { PasswordHash } from './state.js';

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt);
  return { salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'));
  return timingSafeEqual(actual, Buffer.from(stored.hash, 'base64'));
}

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** What CreateUserPool applies when Policies is omitted. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** A PasswordPolicy given in a request: requirements not mentioned are off. */
export function policyFromRequest(given: Partial<PasswordPolicy>): PasswordPolicy {
  return {
    MinimumLength: given.MinimumLength ?? DEFAULT_PASSWORD_POLICY.MinimumLength,
    RequireUppercase: given.RequireUppercase ?? false,
    RequireLowercase: given.RequireLowercase ?? false,
    RequireNumbers: given.RequireNumbers ?? false,
    RequireSymbols: given.RequireSymbols ?? false,
    TemporaryPasswordValidityDays: given.TemporaryPasswordValidityDays ?? DEFAULT_PASSWORD_POLICY.TemporaryPasswordValidityDays,
  };
}

// The special characters Cognito counts as symbols (the developer guide's list, plus space and '+' / '=').
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** The first rule the password breaks, worded as Cognito words it, or undefined. */
function firstViolation(policy: PasswordPolicy, password: string): string | undefined {
  if (password.length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !SYMBOLS.test(password)) return 'Password must have symbol characters';
  return undefined;
}

/**
 * InvalidPasswordException when the password breaks the policy. AWS words the prefix differently per
 * operation: "Password did not conform with policy" (AdminCreateUser, SignUp) and "Password does not
 * conform to policy" (AdminSetUserPassword, challenge responses).
 */
export function enforcePolicy(policy: PasswordPolicy, password: string, prefix: 'did not conform with' | 'does not conform to'): void {
  const problem = firstViolation(policy, password);
  if (problem) throw new AwsError('InvalidPasswordException', `Password ${prefix} policy: ${problem}`);
}
