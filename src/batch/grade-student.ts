// One student: assume the role, take the snapshot within the time limit, confirm the account is the roster's,
// grade, write the reports, and mark the student done. Whatever goes wrong with the account becomes this
// student's 'error' outcome; only a problem writing the outputs (the instructor's side) is thrown.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gradeSnapshot } from '../engine/grade.js';
import type { GradingLab } from '../engine/lab.js';
import type { GradeResult } from '../engine/types.js';
import { CannotGradeError, InputError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { LabSpec } from '../lab/types.js';
import { sanitizeMessage } from '../observation/sanitize.js';
import type { ProbeSettings, TakeSnapshotOptions } from '../pipeline/take-snapshot.js';
import { writeReports } from '../report/index.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Target } from '../target/target.js';
import { GET_RESOURCES_OPERATION, prepaidFirst, type AccountLimiters } from './limiter.js';
import { ERROR_FILE, errorOutcome, gradedOutcome, OUTCOME_FILE, STUDENTS_DIR, type StudentOutcome, type StudentRef } from './outcome.js';
import type { RosterEntry } from './roster.js';

export type SnapshotTaker = (target: Target, spec: LabSpec, options: TakeSnapshotOptions) => Promise<Snapshot>;

export interface StudentGrading {
  spec: LabSpec;
  lab: GradingLab;
  /** The class's probe settings (null: --no-probes); a roster row's password overrides theirs. */
  probes: ProbeSettings | null;
  /** Overrides every roster row's region (else the row's, else the lab's). */
  region?: string;
  targetFor: (entry: RosterEntry, region: string) => Target;
  takeSnapshot: SnapshotTaker;
  limiters: AccountLimiters;
  accountTimeoutMs: number;
  outDir: string;
  /** The whole batch being stopped (Ctrl-C): the student is left not done, to be graded on --resume. */
  signal: AbortSignal;
  now?: () => Date;
}

/** Thrown when the batch is stopped while this student was being graded. */
export class BatchInterrupted extends Error {
  override readonly name = 'BatchInterrupted';
}

export function studentDir(outDir: string, studentId: string): string {
  return join(outDir, STUDENTS_DIR, studentId);
}

export function studentRef(entry: RosterEntry): StudentRef {
  return { index: entry.index, studentId: entry.studentId, name: entry.name, accountId: entry.accountId, extra: entry.extra };
}

/** Settles with the promise, or rejects with the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function snapshotWithinLimits(entry: RosterEntry, grading: StudentGrading): Promise<Snapshot> {
  const { spec } = grading;
  const region = grading.region ?? entry.region ?? spec.region;
  const probes = grading.probes === null || entry.password === null ? grading.probes : { ...grading.probes, password: entry.password };
  const target = grading.targetFor(entry, region);
  const bucket = grading.limiters.forAccount(entry.accountId);
  // Waiting for the account's quota is not this account being slow: it is outside the time limit.
  await untilAborted(bucket.take(), grading.signal);
  // The token taken above covers the first GetResources; any further one is charged to the account's bucket.
  const rateLimits = new Map([[GET_RESOURCES_OPERATION, prepaidFirst(bucket)]]);
  // On a time-out (or Ctrl-C) the signal also stops the snapshot's AWS calls in flight. The timer is a plain one
  // (AbortSignal.timeout's does not keep the process alive while it waits).
  const timeLimit = new AbortController();
  const timer = setTimeout(() => timeLimit.abort(new DOMException('timed out', 'TimeoutError')), grading.accountTimeoutMs);
  const stop = AbortSignal.any([timeLimit.signal, grading.signal]);
  try {
    return await untilAborted(grading.takeSnapshot(target, spec, { probes, rateLimits, now: grading.now, signal: stop, otherRegions: false }), stop);
  } finally {
    clearTimeout(timer);
  }
}

function accountMismatch(snapshot: Snapshot, entry: RosterEntry): string | null {
  const { identity } = snapshot;
  if (identity.state !== 'found') {
    const detail = identity.state === 'error' ? `${identity.error.code}: ${identity.error.message}` : identity.state;
    return `could not confirm which account was reached (sts:GetCallerIdentity ${detail}); not graded`;
  }
  if (identity.value.account === entry.accountId) return null;
  return `the credentials reached account ${identity.value.account}, but the roster says ${entry.accountId} (${identity.value.arn}); not graded, check the roster row`;
}

function reasonFor(error: unknown, grading: StudentGrading): string {
  if (error instanceof CannotGradeError || error instanceof InputError) return error.message;
  if (error instanceof DOMException && error.name === 'TimeoutError') return `timed out after ${grading.accountTimeoutMs / 1000} s`;
  // Anything else is a grader bug met in this account; the other students are still graded.
  return `internal error: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}`;
}

export async function gradeStudent(entry: RosterEntry, grading: StudentGrading): Promise<StudentOutcome> {
  const folder = studentDir(grading.outDir, entry.studentId);
  // A previous attempt's files (outcome first) go, so a crash from here on leaves the student not done.
  await rm(join(folder, OUTCOME_FILE), { force: true });
  await rm(folder, { recursive: true, force: true });

  const started = Date.now();
  const { spec } = grading;
  const maxScore = Object.values(spec.points).reduce((sum, points) => sum + points, 0);
  const student = studentRef(entry);
  let graded: GradeResult | null = null;
  let reason = '';
  try {
    const snapshot = await snapshotWithinLimits(entry, grading);
    const mismatch = accountMismatch(snapshot, entry);
    if (mismatch) reason = mismatch;
    else graded = gradeSnapshot(snapshot, spec, grading.lab, { source: 'live', now: grading.now?.() });
  } catch (error) {
    if (grading.signal.aborted) throw new BatchInterrupted('the batch was stopped');
    reason = reasonFor(error, grading);
  }
  // Writing is outside the try: a folder that cannot be written stops the batch, it is no student's error.
  if (graded) await writeReports(graded, ['json', 'junit', 'gradescope'], folder);
  // The class outputs say why in one sentence; the whole explanation, with what to do, is here.
  else await writeFileAtomic(join(folder, ERROR_FILE), `${reason}\n`);
  const outcome = graded
    ? gradedOutcome(student, graded, Date.now() - started)
    : errorOutcome(student, reason, maxScore, Date.now() - started, grading.now?.(), entry.access);
  await writeFileAtomic(join(folder, OUTCOME_FILE), `${JSON.stringify(outcome, null, 2)}\n`);
  return outcome;
}
