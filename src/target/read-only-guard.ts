// Grading never writes to the graded account (design safety rule). Every grading client carries this guard,
// which refuses a command that is not a read before it is signed or sent.
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, Pluggable } from '@smithy/types';

/** InitiateAuth is the live probes' sign-in as the lab user: it issues tokens and changes no configuration. */
const READS_BY_NAME: ReadonlySet<string> = new Set(['AdminGetUser', 'InitiateAuth']);
const READ_PREFIXES = ['Get', 'List', 'Describe'] as const;

/** A grading client was asked to run a command that could change the account. A bug in the grader, never an observation. */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
  constructor(readonly operation: string) {
    super(`lab-grader refused to send ${operation}: grading only reads the account (Get*, List*, Describe*, AdminGetUser, InitiateAuth).`);
  }
}

export function isReadOperation(operation: string): boolean {
  return READS_BY_NAME.has(operation) || READ_PREFIXES.some((prefix) => operation.startsWith(prefix));
}

/** "GetFunctionCommand" -> "GetFunction". */
function operationOf(context: HandlerExecutionContext): string {
  return String(context['commandName'] ?? '').replace(/Command$/, '');
}

export const readOnlyGuard: Pluggable<object, object> = {
  applyToStack(stack) {
    stack.add(
      (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
        async (args: InitializeHandlerArguments<object>) => {
          const operation = operationOf(context);
          // An unnamed command fails closed: '' is not a read.
          if (!isReadOperation(operation)) throw new WriteRefusedError(operation || 'an unnamed command');
          return next(args);
        },
      { step: 'initialize', priority: 'high', name: 'labGraderReadOnlyGuard' },
    );
  },
};
