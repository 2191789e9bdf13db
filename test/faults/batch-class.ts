// A class graded with `runBatch` (the batch runner) for fault runs: every student's report.json read back as
// ClassGrades (a student the batch could not grade is null), and the gradebook's rows by student.
import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { labBundle } from '../../checks/index.js';
import { parseCsv } from '../../src/batch/csv.js';
import { studentDir } from '../../src/batch/grade-student.js';
import { readOutcomes } from '../../src/batch/journal.js';
import { runBatch } from '../../src/batch/run.js';
import type { GradeResult } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { setEnv } from '../collect/support/env.js';
import { completeLab, emptyAccount, functionOnly, gradingRole, INSTRUCTOR_ACCOUNT, mistakenLab, spreadKinds, userPoolOnly, apiWithoutMethods, type AccountKind, type AccountSetup } from '../batch/support/class.js';
import type { RetryLimits } from './profiles.js';
import type { TimedGrades } from './support.js';

const withRole = (kind: string, ...setups: AccountSetup[]): AccountKind => ({ kind, setups: (externalId) => [gradingRole(externalId), ...setups] });

/**
 * Every student has the grading role (the baseline must grade them all); a deployed lab costs ~1 s of sandbox
 * CPU, so one in eight is a lab (complete, or with a mistake the probes see), the rest partial states.
 */
export const FAULT_CLASS_KINDS: AccountKind[] = spreadKinds([
  [withRole('complete', completeLab()), 2],
  [withRole('mistake:hello-get-none', mistakenLab('hello-get-none')), 1],
  [withRole('mistake:duplicate-pools', mistakenLab('duplicate-pools')), 1],
  [withRole('nothing-done', emptyAccount), 12],
  [withRole('function-only', functionOnly), 8],
  [withRole('api-only', apiWithoutMethods), 4],
  [withRole('pool-only', userPoolOnly), 2],
]);

const CONCURRENCY = 16;

export interface BatchGrades extends TimedGrades {
  /** Student id -> the gradebook row. */
  gradebook: ReadonlyMap<string, string[]>;
}

/** `lab-grader batch <roster> --endpoint-url <sandbox> --concurrency 16` as the instructor, into a new folder under `workDir`. */
export async function gradeClass(sandbox: RunningSandbox, roster: string, workDir: string, lab: LabSpec, limits: RetryLimits = {}): Promise<BatchGrades> {
  const outDir = await mkdtemp(join(workDir, 'out-'));
  const restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
  const started = performance.now();
  try {
    await runBatch({
      rosterPath: roster,
      outDir,
      spec: lab,
      lab: labBundle,
      probes: { password: lab.password },
      instructor: { endpointUrl: sandbox.url, ...limits },
      concurrency: CONCURRENCY,
      accountTimeoutMs: 120_000,
      resume: false,
      force: false,
      only: null,
      shard: null,
      progress: { stream: { write: () => true }, tty: false },
    });
  } finally {
    restoreEnv();
  }
  const seconds = (performance.now() - started) / 1000;
  const grades = new Map<string, GradeResult | null>();
  for (const [studentId, outcome] of await readOutcomes(outDir)) {
    grades.set(studentId, outcome.status === 'graded' ? (JSON.parse(await readFile(join(studentDir(outDir, studentId), 'report.json'), 'utf8')) as GradeResult) : null);
  }
  const [, ...rows] = parseCsv(await readFile(join(outDir, 'gradebook.csv'), 'utf8')).records;
  return { grades, seconds, gradebook: new Map(rows.map(({ fields }) => [fields[0] ?? '', fields])) };
}
