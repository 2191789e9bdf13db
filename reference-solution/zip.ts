// The function's deployment package, built in memory as the lab's `zip function.zip lambda_function.py` does.
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

import { LAB_HANDLER_FILE } from './lambda/handler-source.js';

// A fixed timestamp makes the zip, and so Lambda's CodeSha256, the same on every run: a rerun changes nothing.
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

export function zipHandler(source: string): Uint8Array {
  return zipSync({ [LAB_HANDLER_FILE]: [strToU8(source), { mtime: FIXED_MTIME }] });
}

/** What Lambda reports as CodeSha256: base64 of the package's SHA-256. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}
