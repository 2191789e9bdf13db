// The error documents the Lambda platform itself writes (as opposed to the ones the language runtimes write,
// which the bootstraps produce). Shapes follow what AWS returns to a synchronous Invoke.

/** `{"errorMessage":"<ISO date> <requestId> Task timed out after 3.00 seconds"}` (no errorType). */
export function timeoutPayload(requestId: string, elapsedMs: number, at: Date): string {
  return JSON.stringify({ errorMessage: timeoutLogLine(requestId, elapsedMs, at) });
}

/** The line Lambda appends to the log of a timed-out invocation; also the payload's message. */
export function timeoutLogLine(requestId: string, elapsedMs: number, at: Date): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${(elapsedMs / 1000).toFixed(2)} seconds`;
}

/** The runtime process ended during an invocation (sys.exit, process.exit, a crash, a kill). */
export function exitErrorPayload(requestId: string, code: number | null, signal: NodeJS.Signals | null): string {
  return JSON.stringify({
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${requestId} Error: ${exitReason(code, signal)}`,
  });
}

function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `Runtime exited with error: signal: ${signalName(signal)}`;
  if (code) return `Runtime exited with error: exit status ${code}`;
  return 'Runtime exited without providing a reason';
}

// Go's signal names, as the Lambda platform (written in Go) prints them.
function signalName(signal: NodeJS.Signals): string {
  const names: Partial<Record<NodeJS.Signals, string>> = {
    SIGKILL: 'killed',
    SIGTERM: 'terminated',
    SIGSEGV: 'segmentation fault',
    SIGABRT: 'aborted',
    SIGINT: 'interrupt',
  };
  return names[signal] ?? signal;
}

export function responseTooLargePayload(maxBytes: number): string {
  return JSON.stringify({
    errorMessage: `Response payload size exceeded maximum allowed payload size (${maxBytes} bytes).`,
    errorType: 'Function.ResponseSizeTooLarge',
  });
}

/**
 * Sandbox-only: the function cannot run on this machine (unsupported runtime, interpreter missing, package
 * unreadable). AWS has no equivalent; the message says which runtime and why.
 */
export function sandboxErrorPayload(errorType: 'Sandbox.RuntimeUnavailable' | 'Sandbox.InvalidCode', message: string): string {
  return JSON.stringify({ errorType, errorMessage: message });
}
