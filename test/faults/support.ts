// The fault-run harness: the same accounts graded without faults (the baseline) and under a fault profile.
// Accounts are built once into a sandbox state directory; each run starts its own sandbox on a copy of it,
// so the faults never touch the deploy and runs can go side by side.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeLive, gradingTargetFor } from '../../src/demo/index.js';
import { resolveTarget } from '../../src/target/index.js';
import type { GradeResult } from '../../src/engine/types.js';
import { CannotGradeError } from '../../src/errors.js';
import type { LabSpec } from '../../src/lab/types.js';
import { DEFAULT_SANDBOX_REGION, startSandbox, type FaultOptions, type RunningSandbox } from '../../src/sandbox/index.js';
import type { FaultProfile, RetryLimits } from './profiles.js';
import { compareVerdicts, type ChangedVerdict, type ClassGrades } from './verdicts.js';
import { labBundle } from '../../checks/index.js';

/** A sandbox state built once (accounts deployed, mistakes applied), to be graded as often as needed. */
export interface BuiltState {
  dir: string;
  remove(): Promise<void>;
}

export async function buildState(build: (sandbox: RunningSandbox) => Promise<void>): Promise<BuiltState> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-grader-faults-'));
  const sandbox = await startSandbox({ port: 0, stateDir: join(dir, 'state'), signingKeys: 'shared' });
  try {
    await build(sandbox);
  } finally {
    await sandbox.stop(); // flushes the state
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `use` against a sandbox serving its own copy of `state`, with these faults (none: the baseline). */
export async function withSandboxOn<T>(state: BuiltState, faults: FaultOptions | undefined, use: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const copy = await mkdtemp(join(state.dir, 'run-'));
  await cp(join(state.dir, 'state'), copy, { recursive: true });
  const sandbox = await startSandbox({ port: 0, stateDir: copy, ...(faults ? { fidelity: { faults } } : {}) });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.stop();
    await rm(copy, { recursive: true, force: true });
  }
}

export interface TimedGrades {
  grades: ClassGrades;
  seconds: number;
}

/**
 * `lab-grader grade --endpoint-url` on every account at once (test/matrix/support.ts's gradeAccount, with the
 * CLI's retry limits as a parameter). A grade that stops with CannotGradeError (exit 3: STS could not be
 * reached) is null: nothing graded, every check counts as ERROR.
 */
export async function gradeAccounts(sandbox: RunningSandbox, accounts: readonly string[], lab: LabSpec, limits: RetryLimits = {}): Promise<TimedGrades> {
  const started = performance.now();
  const results = await Promise.all(
    accounts.map(async (accountId): Promise<[string, GradeResult | null]> => {
      const target = resolveTarget({ region: DEFAULT_SANDBOX_REGION, endpointUrl: sandbox.url, ...limits });
      const { credentials } = gradingTargetFor({ endpoint: sandbox.url, accountId });
      try {
        return [accountId, await gradeLive({ ...target, credentials }, lab, labBundle)];
      } catch (error) {
        if (error instanceof CannotGradeError) return [accountId, null];
        throw error;
      }
    }),
  );
  return { grades: new Map(results), seconds: (performance.now() - started) / 1000 };
}

/** One row of the fault table. */
export interface FaultRun {
  fault: FaultProfile['fault'];
  rate: string;
  accounts: number;
  verdictsChanged: number;
  /** Checks ERROR (or BLOCKED behind an ERROR) under the fault that were not in the baseline. */
  errors: number;
  /** The new ERROR checks by the code of the call that failed. */
  errorCodes: Record<string, number>;
  extraSeconds: number;
  changed: ChangedVerdict[];
}

export function faultRun(profile: FaultProfile, baseline: TimedGrades, faulted: TimedGrades): FaultRun {
  const { changed, errors, errorCodes } = compareVerdicts(baseline.grades, faulted.grades);
  return {
    fault: profile.fault,
    rate: profile.rate,
    accounts: baseline.grades.size,
    verdictsChanged: changed.length,
    errors,
    errorCodes,
    extraSeconds: Math.round((faulted.seconds - baseline.seconds) * 100) / 100,
    changed,
  };
}

/** For assertion messages: every changed verdict on its own line. */
export function describeChanges(run: FaultRun): string {
  return run.changed.map((change) => `${change.student} ${change.check}: ${change.baseline} -> ${change.faulted}`).join('\n');
}
