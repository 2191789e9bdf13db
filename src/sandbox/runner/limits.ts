// Lambda's documented quotas that the runner enforces, and the runner's own bounds.

/** Invoke rejects a synchronous request payload above this (RequestTooLargeException). */
export const MAX_REQUEST_BYTES = 6_291_456;
/** A synchronous response above this becomes Function.ResponseSizeTooLarge. */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** Invoke's LogType=Tail returns the last 4 KB of the execution log. */
export const LOG_TAIL_BYTES = 4096;

/** Lambda's limit on the init phase (importing the handler), which the function's own timeout does not count. */
export const INIT_LIMIT_MS = 10_000;

/** After a worker exits, how long its output may still arrive before its pipes are let go. */
export const PIPE_GRACE_MS = 1_000;
/** How long stop() waits for a killed worker's process and pipes before it lets go of them. */
export const STOP_LIMIT_MS = 3_000;
