// The mistake matrix, end to end: for every mistake of MISTAKES, the reference solution is deployed into a fresh
// sandbox account, the mistake applied, and the account graded live with the probes. The failed and blocked
// checks are exactly those `expect` names (with its messageIds); every other check passes, except the
// `unsettled` ones, about which nothing is asserted. One sandbox, one account per mistake, all concurrent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { catalogue, loadLabSpec } from '../../checks/index.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { gradeExitCode as exitCodeFor } from '../../src/cli/exit-codes.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { labSandbox, sandboxConfig } from '../reference-solution/helpers.js';
import { gradeAccount, notation, summary } from './support.js';

let sandbox: RunningSandbox;
let lab: LabSpec;

before(async () => {
  sandbox = await labSandbox();
  lab = await loadLabSpec();
});
after(() => sandbox.stop());

describe('every mistake, graded live, fails exactly the checks it names', { concurrency: true }, () => {
  (Object.keys(MISTAKES) as MistakeName[]).forEach((name, index) => {
    const mistake = MISTAKES[name];
    test(`${name}: ${mistake.title}`, async () => {
      const account = String(300000000001 + index);
      const config = sandboxConfig(sandbox, account);
      await applyMistake(config, name, await deployReferenceSolution(config));
      const result = await gradeAccount(sandbox, account, lab);

      const settled = catalogue.map(({ meta }) => meta.id).filter((id) => !mistake.unsettled.includes(id));
      const byId = new Map(result.checks.map((check) => [check.id, check]));
      // Checks `expect` does not name are compared by status alone: a PASS may say which of several it chose.
      const got = Object.fromEntries(settled.map((id) => [id, id in mistake.expect ? notation(byId.get(id)!) : byId.get(id)!.status]));
      const wanted = Object.fromEntries(settled.map((id) => [id, mistake.expect[id] ?? 'PASS']));
      assert.deepEqual(got, wanted, summary(result));

      const failsOrBlocks = Object.values(mistake.expect).some((expected) => !expected.startsWith('PASS'));
      const unsettledErrors = mistake.unsettled.some((id) => byId.get(id)?.status === 'ERROR');
      assert.equal(exitCodeFor(result), unsettledErrors ? 3 : failsOrBlocks ? 1 : 0);
    });
  });
});
