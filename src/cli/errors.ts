// The one place that turns an error into what the user reads and its exit code (exit-codes.ts: 2 bad input, 3 could not grade).
// Every message, the debug stack included, passes the credential redaction (an error may quote AWS's text) and
// loses terminal escapes (it may quote a user's file).
import { CannotGradeError, InputError } from '../errors.js';
import { redactCredentials } from '../observation/sanitize.js';
import { sanitizeBlock } from '../report/sanitize.js';
import { EXIT } from './exit-codes.js';

export interface ErrorReport {
  exitCode: typeof EXIT.badInput | typeof EXIT.cannotGrade;
  message: string;
}

export function reportError(error: unknown, debug: boolean): ErrorReport {
  const { exitCode, message } = describeError(error, debug);
  return { exitCode, message: sanitizeBlock(redactCredentials(message)) };
}

function describeError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof InputError) return { exitCode: EXIT.badInput, message: `Error: ${error.message}` };
  if (error instanceof CannotGradeError) return { exitCode: EXIT.cannotGrade, message: `Cannot grade: ${error.message}` };
  // Anything else is a bug in the grader, not the user's mistake: say so, and keep the stack for debugging.
  const detail = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    exitCode: EXIT.cannotGrade,
    message: `Internal error in lab-grader: ${detail}. This is a grader bug, not a problem with your account; run again with LAB_GRADER_DEBUG=1 for details and report it.${stack}`,
  };
}
