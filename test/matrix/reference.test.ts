// The matrix's fixed points, graded live with the probes: the untouched reference solution scores 100 (also
// under the sandbox's fidelity options: IAM propagation delay, runtime deprecation), and once torn down the
// account shows nothing done.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { teardownReferenceSolution } from '../../reference-solution/teardown.js';
import { gradeExitCode as exitCodeFor } from '../../src/cli/exit-codes.js';
import type { GradeResult } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { labSandbox, sandboxConfig } from '../reference-solution/helpers.js';
import { gradeAccount, summary } from './support.js';
import { loadLabSpec } from '../../checks/index.js';

let lab: LabSpec;
let sandbox: RunningSandbox;
/** With AWS's delays and deprecations on: what a deploy to real AWS must get through. */
let faithful: RunningSandbox;

before(async () => {
  lab = await loadLabSpec();
  [sandbox, faithful] = await Promise.all([labSandbox(), labSandbox({ iamPropagationDelaySeconds: 2, runtimeDeprecation: true })]);
});
after(() => Promise.all([sandbox.stop(), faithful.stop()]));

function assertFullMarks(result: GradeResult): void {
  assert.ok(
    result.checks.every((check) => check.status === 'PASS'),
    summary(result),
  );
  assert.equal(result.score, 100);
  assert.equal(result.maxScore, 100);
  assert.equal(exitCodeFor(result), 0);
}

describe('the reference solution, graded live', { concurrency: true }, () => {
  test('scores 100, every check PASS', async () => {
    await deployReferenceSolution(sandboxConfig(sandbox, '310000000001'));
    assertFullMarks(await gradeAccount(sandbox, '310000000001', lab));
  });

  test('scores 100 when IAM propagation is delayed (2 s) and deprecated runtimes are blocked', async () => {
    await deployReferenceSolution(sandboxConfig(faithful, '310000000002'));
    assertFullMarks(await gradeAccount(faithful, '310000000002', lab));
  });

  test('after teardownReferenceSolution: nothing done, every inspect check FAIL or BLOCKED, exit 1', async () => {
    const config = sandboxConfig(sandbox, '310000000003');
    await deployReferenceSolution(config);
    await teardownReferenceSolution(config);
    const result = await gradeAccount(sandbox, '310000000003', lab);
    const inspect = result.checks.filter((check) => check.kind === 'inspect');
    assert.ok(inspect.length > 0);
    assert.ok(
      inspect.every((check) => check.status === 'FAIL' || check.status === 'BLOCKED'),
      summary(result),
    );
    assert.equal(result.score, 0, summary(result));
    assert.equal(exitCodeFor(result), 1);
  });
});
