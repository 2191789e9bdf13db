// The one place that turns an error into what the user reads and the exit code (design: 2 bad input, 3 could not grade).
// Every message, the debug stack included, passes the credential redaction (an error may quote AWS's text) and
// loses terminal escapes (it may quote a user's file).
import { redactCredentials } from '../observation/sanitize.js';
import { sanitizeBlock } from '../report/sanitize.js';
import { CannotGradeError, InputError } from '../errors.js';

export interface ErrorReport {
  exitCode: 2 | 3;
  message: string;
}

export function reportError(error: unknown, debug: boolean): ErrorReport {
  const { exitCode, message } = describeError(error, debug);
  return { exitCode, message: sanitizeBlock(redactCredentials(message)) };
}

function describeError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof InputError) return { exitCode: 2, message: `Error: ${error.message}` };
  if (error instanceof CannotGradeError) return { exitCode: 3, message: `Cannot grade: ${error.message}` };
  // Anything else is a bug in the grader, not the user's mistake: say so, and keep the stack for debugging.
  const detail = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    exitCode: 3,
    message: `Internal error in lab-grader: ${detail}. This is a grader bug, not a problem with your account; run again with LAB_GRADER_DEBUG=1 for details and report it.${stack}`,
  };
}
