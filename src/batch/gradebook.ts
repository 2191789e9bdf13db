// gradebook.csv: one row per graded student, one column per check, for a spreadsheet or an LMS import.
import { sanitizeLine } from '../report/sanitize.js';
import type { ClassRecord } from './class-record.js';
import { formatCsv } from './csv.js';
import { causeFor, type StudentOutcome } from './outcome.js';

export const GRADEBOOK_COLUMNS = ['student_id', 'name', 'account_id', 'score', 'max_score', 'percent', 'status', 'error'] as const;

// Excel reads a CSV without a byte order mark in the system's ANSI code page, so "José" shows as "JosÃ©".
const UTF8_BOM = '\ufeff';

export interface GradebookOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the names right. */
  bom?: boolean;
}

export function percentOf(outcome: Pick<StudentOutcome, 'score' | 'maxScore'>): number | null {
  if (outcome.score === null) return null;
  return outcome.maxScore === 0 ? 0 : Math.round((outcome.score / outcome.maxScore) * 1000) / 10;
}

/** The roster's other columns, in the order they first appear: after the fixed columns, before the checks. */
function extraColumns(record: ClassRecord): string[] {
  const columns = new Set<string>();
  for (const outcome of record.done) for (const column of Object.keys(outcome.student.extra ?? {})) columns.add(column);
  return [...columns].filter((column) => !(GRADEBOOK_COLUMNS as readonly string[]).includes(column));
}

export function renderGradebook(record: ClassRecord, options: GradebookOptions = {}): string {
  const extras = extraColumns(record);
  const header = [...GRADEBOOK_COLUMNS, ...extras, ...record.checks.map((check) => check.id)];
  const rows = record.done.map((outcome) => [
    outcome.student.studentId,
    sanitizeLine(outcome.student.name ?? ''),
    outcome.student.accountId,
    outcome.score,
    outcome.maxScore,
    percentOf(outcome),
    outcome.status,
    // The cause in one sentence; the whole text is in the student's error.txt.
    sanitizeLine(causeFor(outcome)),
    ...extras.map((column) => sanitizeLine(outcome.student.extra?.[column] ?? '')),
    ...record.checks.map((check) => outcome.checks[check.id] ?? ''),
  ]);
  return (options.bom ? UTF8_BOM : '') + formatCsv([header, ...rows]);
}
