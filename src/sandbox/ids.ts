// Random identifiers in the shapes AWS uses (AROA..., ASIA..., ...).

import { randomBytes } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `prefix` followed by `length` characters of [A-Z0-9]. */
export function awsId(prefix: string, length: number): string {
  return prefix + Array.from(randomBytes(length), (byte) => UPPER_ALNUM[byte % UPPER_ALNUM.length]).join('');
}

/** IAM and STS print dates without milliseconds. */
export function isoSeconds(date: Date | string): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
