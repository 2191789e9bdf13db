// What the instructor sees while a batch runs: on a terminal one status line rewritten in place (done, errors,
// rate, ETA); anywhere else one plain line per student finished. At the end, the class as a table.
import type { ProgressStream } from '../report/progress.js';
import { sanitizeLine } from '../report/sanitize.js';
import { clip } from '../report/text-layout.js';
import type { ClassRecord } from './class-record.js';
import { causeFor, type StudentOutcome } from './outcome.js';

export interface BatchProgress {
  finished(outcome: StudentOutcome): void;
  /** Clears the status line. */
  close(): void;
}

export interface BatchProgressOptions {
  tty: boolean;
  /** Students this run grades. */
  total: number;
  minRedrawMs?: number;
  now?: () => number;
}

const CLEAR_LINE = '\r\x1b[2K';

function studentLabel(outcome: StudentOutcome): string {
  const { studentId, name } = outcome.student;
  return sanitizeLine(name ? `${studentId} (${name})` : studentId);
}

function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

export function createBatchProgress(stream: ProgressStream, options: BatchProgressOptions): BatchProgress {
  const now = options.now ?? Date.now;
  const startedAt = now();
  let done = 0;
  let errors = 0;
  let fullMarks = 0;

  if (!options.tty) {
    return {
      finished(outcome) {
        done += 1;
        const result = outcome.status === 'graded' ? `${outcome.score}/${outcome.maxScore}` : `error: ${sanitizeLine(causeFor(outcome))}`;
        stream.write(`[${done}/${options.total}] ${studentLabel(outcome)}: ${result}\n`);
      },
      close() {},
    };
  }

  const minRedrawMs = options.minRedrawMs ?? 100;
  let lastDraw = -Infinity;
  let pending: NodeJS.Timeout | undefined;
  let closed = false;

  const statusLine = (): string => {
    const elapsed = Math.max((now() - startedAt) / 1000, 0.001);
    const rate = done / elapsed;
    const remaining = options.total - done;
    const eta = rate > 0 && remaining > 0 ? ` · ETA ${duration(remaining / rate)}` : '';
    return `Grading: ${done}/${options.total} done · ${fullMarks} full marks · ${errors} could not be graded · ${rate.toFixed(1)} students/s${eta}`;
  };
  const draw = (): void => {
    pending = undefined;
    lastDraw = now();
    const width = Math.max((stream.columns ?? 80) - 1, 10);
    stream.write(CLEAR_LINE + Array.from(statusLine()).slice(0, width).join(''));
  };

  draw();
  return {
    finished(outcome) {
      if (closed) return;
      done += 1;
      if (outcome.status === 'error') errors += 1;
      else if (outcome.score === outcome.maxScore) fullMarks += 1;
      const wait = lastDraw + minRedrawMs - now();
      if (wait <= 0) draw();
      else pending ??= setTimeout(draw, wait).unref();
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(pending);
      stream.write(CLEAR_LINE);
    },
  };
}

/** The class at the end of a batch: student, score, status; errors with their cause in one sentence. */
export function renderClassTable(record: ClassRecord): string {
  const rows = record.done.map((outcome) => [
    sanitizeLine(outcome.student.studentId),
    sanitizeLine(outcome.student.name ?? ''),
    outcome.score === null ? '-' : `${outcome.score}/${outcome.maxScore}`,
    outcome.status === 'graded'
      ? outcome.completeness === 'incomplete'
        ? 'graded (incomplete: some checks could not be observed)'
        : 'graded'
      : `error: ${sanitizeLine(causeFor(outcome))}`,
  ]);
  const pending = record.pending.map((student) => [sanitizeLine(student.studentId), sanitizeLine(student.name ?? ''), '-', 'not graded yet']);
  const table = [['student', 'name', 'score', 'status'], ...rows, ...pending].map((row) => row.map((cell) => clip(cell, 200)));
  // Every column but the last is padded to its widest cell.
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => Array.from(row[column] ?? '').length)));
  return table
    .map((row) => row.map((cell, column) => (column < 3 ? cell + ' '.repeat((widths[column] ?? 0) - Array.from(cell).length) : cell)).join('  '))
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}
