// A time limit on a whole grade: each call has its own timeouts, but their sum (retries, pages, probes) has
// none. Past the limit the calls still running are stopped and the grade ends as "cannot grade", naming them.
import type { CallEvent } from '../collect/index.js';
import { CannotGradeError } from '../errors.js';

export class DeadlineExceededError extends CannotGradeError {}

export interface DeadlineBounds {
  /** Aborts when the time is up: the clients made with it stop their calls. */
  signal: AbortSignal;
  /** Tells the deadline which calls are running (and passes each event on to the caller's listener). */
  onCall: (event: CallEvent) => void;
}

export interface DeadlineOptions {
  limitMs: number;
  /** The option that sets the limit, named in the message: "--timeout". */
  flag: string;
  onCall?: (event: CallEvent) => void;
}

/** Settles as `work` does, or rejects with a DeadlineExceededError when `limitMs` has passed first. */
export async function withinDeadline<T>(options: DeadlineOptions, work: (bounds: DeadlineBounds) => Promise<T>): Promise<T> {
  const running = new Map<string, number>();
  const onCall = (event: CallEvent): void => {
    const count = (running.get(event.operation) ?? 0) + (event.phase === 'start' ? 1 : -1);
    if (count > 0) running.set(event.operation, count);
    else running.delete(event.operation);
    options.onCall?.(event);
  };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(exceededMessage([...running.keys()], options));
      controller.abort(error);
      reject(error);
    }, options.limitMs);
  });
  try {
    return await Promise.race([work({ signal: controller.signal, onCall }), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function exceededMessage(running: string[], { limitMs, flag }: DeadlineOptions): string {
  const limit = `${limitMs / 1000} s`;
  const what = running.length === 0 ? 'The grade' : `${running.join(', ')}`;
  return (
    `${what} did not finish within ${limit}, the time limit of the whole grade (${flag}): AWS or the endpoint answers too slowly ` +
    `or stopped answering. Nothing was graded. Run the grade again later, or allow more time with ${flag}.`
  );
}
