// Failures AWS has no equivalent for (the sandbox cannot run a runtime, a package it cannot unpack) are
// named in an x-sandbox-error response header, so a caller can tell them from AWS's own answers.

export const SANDBOX_ERROR_HEADER = 'x-sandbox-error';

/** The header, its value stripped of control characters (a message may hold newlines) and bounded. */
export function sandboxErrorHeader(message: string): Record<string, string> {
  return { [SANDBOX_ERROR_HEADER]: message.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 1024) };
}
