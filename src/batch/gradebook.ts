// gradebook.csv: one row per graded student, one column per check, for a spreadsheet or an LMS import.
import { sanitizeLine } from '../report/sanitize.js';
import type { ClassRecord } from './class-record.js';
import { formatCsv } from './csv.js';
import type { StudentOutcome } from './outcome.js';

export const GRADEBOOK_COLUMNS = ['student_id', 'name', 'account_id', 'score', 'max_score', 'percent', 'status', 'error'] as const;

export function percentOf(outcome: Pick<StudentOutcome, 'score' | 'maxScore'>): number | null {
  if (outcome.score === null) return null;
  return outcome.maxScore === 0 ? 0 : Math.round((outcome.score / outcome.maxScore) * 1000) / 10;
}

export function renderGradebook(record: ClassRecord): string {
  const header = [...GRADEBOOK_COLUMNS, ...record.checks.map((check) => check.id)];
  const rows = record.done.map((outcome) => [
    outcome.student.studentId,
    sanitizeLine(outcome.student.name ?? ''),
    outcome.student.accountId,
    outcome.score,
    outcome.maxScore,
    percentOf(outcome),
    outcome.status,
    sanitizeLine(outcome.error ?? ''),
    ...record.checks.map((check) => outcome.checks[check.id] ?? ''),
  ]);
  return formatCsv([header, ...rows]);
}
