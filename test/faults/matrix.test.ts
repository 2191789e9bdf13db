// The mistake matrix (the reference solution and every mistake, one account each) graded without faults and
// under each fault profile: no verdict may change; a fault may only turn a check into ERROR (or BLOCKED behind
// one). The profiles run side by side, each on its own sandbox over a copy of the deployed accounts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LabSpec } from '../../src/lab/types.js';
import { deployMatrix, MATRIX_ACCOUNTS } from './matrix-accounts.js';
import { HUNG_SERVICE, profileNamed, type FaultProfile, type RetryLimits } from './profiles.js';
import { buildState, describeChanges, faultRun, gradeAccounts, withSandboxOn, type BuiltState, type FaultRun, type TimedGrades } from './support.js';
import { loadLabSpec } from '../../checks/index.js';

const ACCOUNTS = [...MATRIX_ACCOUNTS.keys()];

// The baseline and the profiles that run side by side: their sandboxes share this process's event loop and the
// cores with a hundred concurrent grades, so a call may wait long for its turn. With a generous request timeout
// (and so retry budget) that wait is never graded as a fault, however busy the machine.
const SIDE_BY_SIDE: RetryLimits = { timeoutMs: 30_000 };

let lab: LabSpec;
let state: BuiltState;
let baseline: TimedGrades;

before(async () => {
  lab = await loadLabSpec();
  state = await buildState(deployMatrix);
  baseline = await withSandboxOn(state, undefined, (sandbox) => gradeAccounts(sandbox, ACCOUNTS, lab, SIDE_BY_SIDE));
});
after(() => state?.remove());

const label = (account: string): string => `${account} (${MATRIX_ACCOUNTS.get(account) ?? 'reference'})`;

async function runProfile(profile: FaultProfile, limits: RetryLimits): Promise<{ run: FaultRun; faulted: TimedGrades }> {
  const faulted = await withSandboxOn(state, profile.faults, (sandbox) => gradeAccounts(sandbox, ACCOUNTS, lab, limits));
  return { run: faultRun(profile, baseline, faulted), faulted };
}

describe(`the mistake matrix (${MATRIX_ACCOUNTS.size} accounts) under faults`, { concurrency: true }, () => {
  test('the baseline grades every account, with no ERROR', () => {
    for (const [account, grade] of baseline.grades) {
      assert.deepEqual(grade?.checks.filter((check) => check.status === 'ERROR').map((check) => check.id), [], label(account));
    }
  });

  for (const name of ['throttle-10%', '5xx-1%']) {
    test(`${name}: no verdict changes, and the SDK's 5 attempts absorb every injected error`, async () => {
      const profile = profileNamed(name);
      const { run } = await runProfile(profile, SIDE_BY_SIDE);
      assert.equal(run.verdictsChanged, 0, describeChanges(run));
      assert.deepEqual(profile.codes.filter((code) => run.errorCodes[code] !== undefined), [], JSON.stringify(run.errorCodes));
    });
  }

  for (const name of ['throttle-30%', 'latency-50ms', 'latency-200ms']) {
    test(`${name}: no verdict changes`, async () => {
      const { run } = await runProfile(profileNamed(name), SIDE_BY_SIDE);
      assert.equal(run.verdictsChanged, 0, describeChanges(run));
    });
  }
});

// Alone, after the others, with the CLI's limits: with their sandboxes and Lambdas busy on the same event loop
// and cores, its timeouts could expire on calls that are merely slow.
describe(`the mistake matrix with ${HUNG_SERVICE} never answering`, () => {
  test(`hang-${HUNG_SERVICE}: its checks ERROR with a timeout, no other service's call fails, and the grade ends`, async () => {
    const profile = profileNamed(`hang-${HUNG_SERVICE}`);
    const { run, faulted } = await runProfile(profile, profile.limits ?? {});
    assert.equal(run.verdictsChanged, 0, describeChanges(run));
    for (const [account, grade] of faulted.grades) {
      assert.ok(grade !== null, `${label(account)}: graded`);
      const errors = grade.checks.filter((check) => check.status === 'ERROR');
      // Every ERROR is the hung service's call timing out: the other clients read their evidence as usual.
      for (const check of errors) assert.match(check.message, new RegExp(`${HUNG_SERVICE}:\\w+ failed with TimeoutError`), `${label(account)} ${check.id}`);
      assert.ok(errors.some((check) => check.id === 'function-exists'), label(account));
      // Beyond the function's own check, only a role check whose FAIL rested on the function's role
      // (checks/support/role.ts): the lab-named role read instead may not be the function's.
      const baselineFails = new Set(baseline.grades.get(account)?.checks.filter((check) => check.status === 'FAIL').map((check) => check.id));
      const others = errors.filter((check) => check.id !== 'function-exists');
      assert.deepEqual(others.filter((check) => !(check.id.startsWith('execution-role-') && baselineFails.has(check.id))).map((check) => check.id), [], label(account));
    }
  });
});
