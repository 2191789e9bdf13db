// The function's deployment package, built in memory as the lab's `zip function.zip lambda_function.py` does.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';

export const HANDLER_FILE = 'lambda_function.py';

/** The lab's handler, exactly as LAB.md's Activity 6 writes it. */
export function readLabHandlerSource(): Promise<string> {
  return readFile(new URL(`./lambda/${HANDLER_FILE}`, import.meta.url), 'utf8');
}

// A fixed timestamp makes the zip, and so Lambda's CodeSha256, the same on every run: a rerun changes nothing.
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

export function zipHandler(source: string): Uint8Array {
  return zipSync({ [HANDLER_FILE]: [strToU8(source), { mtime: FIXED_MTIME }] });
}

/** What Lambda reports as CodeSha256: base64 of the package's SHA-256. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}
