// What a batch keeps about each student: outcome.json in the student's folder, written last and atomically,
// so its presence means the student is done. Every class output (gradebook, junit, summary) is built from these.
import type { CheckStatus, GradeResult } from '../engine/types.js';
import { causeOf } from './cause.js';
import type { StudentAccess } from './roster.js';

export const OUTCOME_FILE = 'outcome.json';
export const STUDENTS_DIR = 'students';
/** A student who could not be graded: the full reason, beside outcome.json. */
export const ERROR_FILE = 'error.txt';
/** A graded student's report, the one the class summary links to. */
export const REPORT_FILE = 'report.json';

export interface StudentRef {
  index: number;
  studentId: string;
  name: string | null;
  accountId: string;
  /** The roster's other columns (email, sis_id, ...); absent in outcomes of earlier versions. */
  extra?: Record<string, string>;
}

export interface StudentOutcome {
  schemaVersion: 1;
  student: StudentRef;
  /** graded: a score exists (whatever it is); error: the grader could not grade this account. */
  status: 'graded' | 'error';
  /** Why not graded, in full (CannotGradeError's message, "timed out", an account mismatch). */
  error: string | null;
  /** The same in one short sentence, for the class outputs (absent from outcomes of earlier versions). */
  cause?: string | null;
  score: number | null;
  maxScore: number;
  completeness: GradeResult['completeness'] | null;
  /** Check id -> status; empty when not graded. */
  checks: Record<string, CheckStatus>;
  finishedAt: string;
  durationMs: number;
}

export function gradedOutcome(student: StudentRef, result: GradeResult, durationMs: number): StudentOutcome {
  return {
    schemaVersion: 1,
    student,
    status: 'graded',
    error: null,
    cause: null,
    score: result.score,
    maxScore: result.maxScore,
    completeness: result.completeness,
    checks: Object.fromEntries(result.checks.map((check) => [check.id, check.status])),
    finishedAt: result.gradedAt,
    durationMs,
  };
}

export function errorOutcome(
  student: StudentRef,
  reason: string,
  maxScore: number,
  durationMs: number,
  now = new Date(),
  access: StudentAccess | null = null,
): StudentOutcome {
  return {
    schemaVersion: 1,
    student,
    status: 'error',
    error: reason,
    cause: causeOf(reason, access),
    score: null,
    maxScore,
    completeness: null,
    checks: {},
    finishedAt: now.toISOString(),
    durationMs,
  };
}

/** Done: an outcome exists for the same student in the same account (a corrected roster row is graded again). */
export function isDone(student: StudentRef, outcomes: ReadonlyMap<string, StudentOutcome>): boolean {
  return outcomes.get(student.studentId)?.student.accountId === student.accountId;
}

/** Why a student was not graded, in one sentence ('' when graded). */
export function causeFor(outcome: Pick<StudentOutcome, 'error' | 'cause'>): string {
  if (outcome.error === null) return '';
  return outcome.cause ?? causeOf(outcome.error);
}
