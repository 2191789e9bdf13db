// npm run bench:faults: the fault table. The mistake matrix (the reference solution and every mistake, one
// account each) and a 200-student batch are graded without faults (the baseline), then under each fault
// profile of test/faults/profiles.ts, one at a time so that the extra time is the fault's own. A verdict that
// is neither the baseline's nor ERROR (or BLOCKED behind one) is a changed verdict: there must be none.
// Loopback only; prints one JSON document.
import { cpus } from 'node:os';
import type { LabSpec } from '../src/lab/types.js';
import { buildAccounts, generateClass, writeRoster } from '../test/batch/support/class.js';
import { FAULT_CLASS_KINDS, gradeClass } from '../test/faults/batch-class.js';
import { deployMatrix, MATRIX_ACCOUNTS } from '../test/faults/matrix-accounts.js';
import { FAULT_PROFILES, type FaultProfile } from '../test/faults/profiles.js';
import { buildState, faultRun, gradeAccounts, withSandboxOn, type BuiltState, type TimedGrades } from '../test/faults/support.js';
import type { RunningSandbox } from '../src/sandbox/index.js';
import { loadLabSpec } from '../checks/index.js';

const CLASS_SIZE = 200;

type Grader = (sandbox: RunningSandbox, profile: FaultProfile | null) => Promise<TimedGrades>;

/**
 * The baseline is graded first (the verdicts to compare with) and again last: in the first minute after a
 * deployment the probes wait out API Gateway's propagation retries, so the faster of the two is the time to beat.
 */
async function faultTable(state: BuiltState, grade: Grader) {
  const runBaseline = () => withSandboxOn(state, undefined, (sandbox) => grade(sandbox, null));
  const first = await runBaseline();
  const faulted = [];
  for (const profile of FAULT_PROFILES) faulted.push({ profile, grades: await withSandboxOn(state, profile.faults, (sandbox) => grade(sandbox, profile)) });
  const baseline = { grades: first.grades, seconds: Math.min(first.seconds, (await runBaseline()).seconds) };
  const rows = faulted.map(({ profile, grades }) => {
    const { changed, ...run } = faultRun(profile, baseline, grades);
    return { ...run, graderLimits: profile.limits ?? 'the CLI defaults (10 s, 5 attempts)', changed };
  });
  return { baselineSeconds: Math.round(baseline.seconds * 100) / 100, rows };
}

async function matrixTable(lab: LabSpec) {
  const state = await buildState(deployMatrix);
  try {
    const accounts = [...MATRIX_ACCOUNTS.keys()];
    return await faultTable(state, (sandbox, profile) => gradeAccounts(sandbox, accounts, lab, profile?.limits));
  } finally {
    await state.remove();
  }
}

async function batchTable(lab: LabSpec) {
  const students = generateClass(CLASS_SIZE, FAULT_CLASS_KINDS);
  const state = await buildState((sandbox) => buildAccounts(sandbox, students));
  try {
    const roster = await writeRoster(state.dir, students);
    return await faultTable(state, (sandbox, profile) => gradeClass(sandbox, roster, state.dir, lab, profile?.limits));
  } finally {
    await state.remove();
  }
}

const lab = await loadLabSpec();
const result = {
  matrix: { accounts: `${MATRIX_ACCOUNTS.size}: the reference solution and every mistake, graded at once`, ...(await matrixTable(lab)) },
  batch: { students: `${CLASS_SIZE}: ${[...new Set(FAULT_CLASS_KINDS.map((kind) => kind.kind))].join(', ')}; runBatch at concurrency 16`, ...(await batchTable(lab)) },
  node: process.version,
  cores: cpus().length,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
