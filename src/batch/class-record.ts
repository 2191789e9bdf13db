// The class as the outputs see it: the students of the batch in roster order, split into done and pending.
import type { Check } from '../engine/types.js';
import type { LabSpec } from '../lab/types.js';
import { isDone, type StudentOutcome, type StudentRef } from './outcome.js';

export interface CheckInfo {
  id: string;
  title: string;
  step: number;
}

export interface ClassRecord {
  lab: Pick<LabSpec, 'id' | 'title' | 'version'>;
  /** The catalogue, in lab order: one gradebook column and one summary bar each. */
  checks: CheckInfo[];
  /** Students with a complete outcome, in roster order. */
  done: StudentOutcome[];
  /** Students of the batch not graded yet (an interrupted batch). */
  pending: StudentRef[];
}

export function checkInfos(checks: readonly Check[]): CheckInfo[] {
  return checks.map(({ meta }) => ({ id: meta.id, title: meta.title, step: meta.step }));
}

export function classRecord(
  lab: ClassRecord['lab'],
  checks: CheckInfo[],
  students: readonly StudentRef[],
  outcomes: ReadonlyMap<string, StudentOutcome>,
): ClassRecord {
  const done: StudentOutcome[] = [];
  const pending: StudentRef[] = [];
  for (const student of students) {
    // The roster's name and order win over what the outcome recorded (a name corrected since).
    if (isDone(student, outcomes)) done.push({ ...(outcomes.get(student.studentId) as StudentOutcome), student });
    else pending.push(student);
  }
  return { lab: { id: lab.id, title: lab.title, version: lab.version }, checks, done, pending };
}
