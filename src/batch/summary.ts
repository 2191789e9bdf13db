// summary.json: the class at a glance. Counts, the score distribution, how many students passed each check,
// and who could not be graded. No timestamps, so two runs over the same accounts give the same file.
import type { CheckStatus } from '../engine/types.js';
import type { ClassRecord } from './class-record.js';
import { percentOf } from './gradebook.js';
import { causeFor } from './outcome.js';

/** Ten bins of 10 percentage points; the last one includes 100. */
export const DISTRIBUTION_BINS = 10;

export interface CheckPassRate {
  id: string;
  title: string;
  step: number;
  counts: Record<CheckStatus, number>;
  /** PASS over graded students, 0 to 1 (0 when nobody was graded). */
  passRate: number;
}

export interface ClassSummary {
  schemaVersion: 1;
  lab: ClassRecord['lab'];
  counts: { students: number; graded: number; error: number; pending: number; incomplete: number; fullMarks: number };
  maxScore: number | null;
  scores: { mean: number; median: number; min: number; max: number } | null;
  /** Of graded students' percentages. */
  distribution: { fromPercent: number; toPercent: number; count: number }[];
  checks: CheckPassRate[];
  /** cause: why, in one sentence; error: the full text (as in the student's error.txt). */
  errors: { studentId: string; name: string | null; accountId: string; cause: string; error: string }[];
  pending: string[];
}

const round = (value: number): number => Math.round(value * 100) / 100;

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function binOf(percent: number): number {
  return Math.min(DISTRIBUTION_BINS - 1, Math.floor(percent / (100 / DISTRIBUTION_BINS)));
}

export function summarize(record: ClassRecord): ClassSummary {
  const graded = record.done.filter((outcome) => outcome.status === 'graded');
  const failed = record.done.filter((outcome) => outcome.status === 'error');
  const scores = graded.map((outcome) => outcome.score as number).sort((a, b) => a - b);
  const distribution = Array.from({ length: DISTRIBUTION_BINS }, (_, bin) => ({
    fromPercent: bin * (100 / DISTRIBUTION_BINS),
    toPercent: (bin + 1) * (100 / DISTRIBUTION_BINS),
    count: 0,
  }));
  for (const outcome of graded) (distribution[binOf(percentOf(outcome) as number)] as { count: number }).count += 1;

  const checks = record.checks.map((check): CheckPassRate => {
    const counts: Record<CheckStatus, number> = { PASS: 0, FAIL: 0, BLOCKED: 0, ERROR: 0 };
    for (const outcome of graded) {
      const status = outcome.checks[check.id];
      if (status) counts[status] += 1;
    }
    return { ...check, counts, passRate: graded.length === 0 ? 0 : round(counts.PASS / graded.length) };
  });

  return {
    schemaVersion: 1,
    lab: record.lab,
    counts: {
      students: record.done.length + record.pending.length,
      graded: graded.length,
      error: failed.length,
      pending: record.pending.length,
      incomplete: graded.filter((outcome) => outcome.completeness === 'incomplete').length,
      fullMarks: graded.filter((outcome) => outcome.score === outcome.maxScore).length,
    },
    maxScore: record.done[0]?.maxScore ?? null,
    scores:
      scores.length === 0
        ? null
        : {
            mean: round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
            median: median(scores),
            min: scores[0] as number,
            max: scores[scores.length - 1] as number,
          },
    distribution,
    checks,
    errors: failed.map((outcome) => {
      const { student } = outcome;
      return { studentId: student.studentId, name: student.name, accountId: student.accountId, cause: causeFor(outcome), error: outcome.error ?? '' };
    }),
    pending: record.pending.map((student) => student.studentId),
  };
}
