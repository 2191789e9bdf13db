// Progress while the collector calls AWS: on a terminal one status line rewritten in place and cleared at the
// end; anywhere else nothing at all, so CI logs and redirected stderr stay clean.
import { sanitizeLine } from './sanitize.js';

/** What the collector reports around each AWS call. */
export interface CallEvent {
  /** service:Operation. */
  operation: string;
  phase: 'start' | 'end';
}

/** The little of a stream the reporter needs (process.stderr, a Writable, the CLI's stream). */
export interface ProgressStream {
  write(chunk: string): unknown;
  /** Terminal width; the line is cut to it, since a wrapped line cannot be rewritten in place. */
  columns?: number;
}

export interface ProgressOptions {
  tty: boolean;
  /** Least time between two redraws. Default 80 ms. */
  minRedrawMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface Progress {
  onCall(event: CallEvent): void;
  /** Clears the line; later events are ignored. */
  done(): void;
}

const CLEAR_LINE = '\r\x1b[2K';

export function createProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  if (!options.tty) return { onCall: () => {}, done: () => {} };

  const minRedrawMs = options.minRedrawMs ?? 80;
  const now = options.now ?? Date.now;
  // Operation -> calls of it in flight, in the order they started: the oldest is what we are waiting for.
  const inFlight = new Map<string, number>();
  let finished = 0;
  let lastDraw = -Infinity;
  let pending: NodeJS.Timeout | undefined;
  let closed = false;

  const statusLine = (): string => {
    const calls = `${finished} ${finished === 1 ? 'call' : 'calls'} done`;
    const [oldest] = inFlight.keys();
    if (oldest === undefined) return `Collecting… ${calls}`;
    const others = [...inFlight.values()].reduce((sum, count) => sum + count, 0) - 1;
    return `Collecting… ${calls}, waiting for ${sanitizeLine(oldest)}${others > 0 ? ` (+${others} more)` : ''}`;
  };

  const draw = (): void => {
    pending = undefined;
    lastDraw = now();
    const width = Math.max((stream.columns ?? 80) - 1, 10);
    stream.write(CLEAR_LINE + Array.from(statusLine()).slice(0, width).join(''));
  };

  const scheduleDraw = (): void => {
    const wait = lastDraw + minRedrawMs - now();
    if (wait <= 0) return draw();
    // Throttled: one trailing redraw shows the latest state once the interval is over.
    pending ??= setTimeout(draw, wait).unref();
  };

  return {
    onCall({ operation, phase }) {
      if (closed) return;
      if (phase === 'start') {
        inFlight.set(operation, (inFlight.get(operation) ?? 0) + 1);
      } else {
        const count = inFlight.get(operation) ?? 0;
        if (count <= 1) inFlight.delete(operation);
        else inFlight.set(operation, count - 1);
        finished += 1;
      }
      scheduleDraw();
    },
    done() {
      if (closed) return;
      closed = true;
      clearTimeout(pending);
      if (lastDraw !== -Infinity) stream.write(CLEAR_LINE);
    },
  };
}
