// The mistake matrix, end to end: for every mistake of MISTAKES, the reference solution is deployed into a fresh
// sandbox account, the mistake applied, and the account graded live with the probes. The failed and blocked
// checks are exactly those its verdicts name (with their messageIds); every other check passes, except the
// `unsettled` ones, about which nothing is asserted. One sandbox, one account per mistake, all concurrent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadLabSpec } from '../../checks/index.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { gradeExitCode as exitCodeFor } from '../../src/cli/exit-codes.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { labSandbox, sandboxConfig } from '../reference-solution/helpers.js';
import { gradedAgainstVerdicts, MISTAKE_VERDICTS } from '../support/mistake-verdicts.js';
import { gradeAccount, summary } from './support.js';

let sandbox: RunningSandbox;
let lab: LabSpec;

before(async () => {
  sandbox = await labSandbox();
  lab = await loadLabSpec();
});
after(() => sandbox.stop());

describe('every mistake, graded live, fails exactly the checks it names', { concurrency: true }, () => {
  (Object.keys(MISTAKES) as MistakeName[]).forEach((name, index) => {
    test(`${name}: ${MISTAKES[name].title}`, async () => {
      const account = String(300000000001 + index);
      const config = sandboxConfig(sandbox, account);
      await applyMistake(config, name, await deployReferenceSolution(config));
      const result = await gradeAccount(sandbox, account, lab);

      const { got, wanted } = gradedAgainstVerdicts(name, result.checks);
      assert.deepEqual(got, wanted, summary(result));

      const { expect, unsettled } = MISTAKE_VERDICTS[name];
      const failsOrBlocks = Object.values(expect).some((expected) => !expected.startsWith('PASS'));
      const unsettledErrors = result.checks.some((check) => unsettled.includes(check.id) && check.status === 'ERROR');
      assert.equal(exitCodeFor(result), unsettledErrors ? 3 : failsOrBlocks ? 1 : 0);
    });
  });
});
