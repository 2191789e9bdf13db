// Identifiers in the shapes Cognito hands out.

import { randomInt } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `us-east-1_AbC123xyZ`: the region, an underscore, 9 alphanumerics. */
export function newPoolId(region: string): string {
  return `${region}_${randomString(MIXED_ALNUM, 9)}`;
}

/** 26 lowercase alphanumerics, like a real app client id. */
export function newClientId(): string {
  return randomString(LOWER_ALNUM, 26);
}

/** 51 lowercase alphanumerics, like a generated app client secret. */
export function newClientSecret(): string {
  return randomString(LOWER_ALNUM, 51);
}

export function poolArn(region: string, accountId: string, poolId: string): string {
  return `arn:aws:cognito-idp:${region}:${accountId}:userpool/${poolId}`;
}

/** The pool id at the end of a user pool ARN (an authorizer's providerARNs), or undefined. */
export function poolIdFromArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:cognito-idp:[\w-]+:\d{12}:userpool\/([\w-]+_[0-9a-zA-Z]+)$/.exec(arn)?.[1];
}
