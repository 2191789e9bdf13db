// A class graded by the batch runner without faults and under throttling: every student's verdicts are the
// baseline's or ERROR, and the gradebook rows of students without an ERROR are the baseline's, cell for cell.
// (scripts/bench-faults.ts grades 200 students under every profile.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LabSpec } from '../../src/lab/types.js';
import { buildAccounts, generateClass, writeRoster } from '../batch/support/class.js';
import { FAULT_CLASS_KINDS, gradeClass, type BatchGrades } from './batch-class.js';
import { profileNamed } from './profiles.js';
import { buildState, describeChanges, faultRun, withSandboxOn, type BuiltState } from './support.js';
import { loadLabSpec } from '../../checks/index.js';

const SIZE = 32;
const students = generateClass(SIZE, FAULT_CLASS_KINDS);

let lab: LabSpec;
let state: BuiltState;
let roster: string;
let baseline: BatchGrades;

before(async () => {
  lab = await loadLabSpec();
  state = await buildState((sandbox) => buildAccounts(sandbox, students));
  roster = await writeRoster(state.dir, students);
  baseline = await withSandboxOn(state, undefined, (sandbox) => gradeClass(sandbox, roster, state.dir, lab));
});
after(() => state?.remove());

describe(`a class of ${SIZE} graded by the batch runner under faults`, { concurrency: true }, () => {
  test('the baseline grades every student', () => {
    assert.deepEqual([...baseline.grades].filter(([, grade]) => grade === null).map(([student]) => student), []);
    assert.equal(baseline.gradebook.size, SIZE);
  });

  for (const name of ['throttle-10%', 'throttle-30%']) {
    test(`${name}: every verdict is the baseline's or ERROR; the gradebook otherwise unchanged`, async () => {
      const profile = profileNamed(name);
      const faulted = await withSandboxOn(state, profile.faults, (sandbox) => gradeClass(sandbox, roster, state.dir, lab));
      const run = faultRun(profile, baseline, faulted);
      assert.equal(run.verdictsChanged, 0, describeChanges(run));
      assert.deepEqual([...faulted.gradebook.keys()], [...baseline.gradebook.keys()], 'the same students, in the same order');
      for (const [student, grade] of faulted.grades) {
        if (grade === null || grade.counts.ERROR > 0) continue;
        assert.deepEqual(faulted.gradebook.get(student), baseline.gradebook.get(student), student);
      }
    });
  }
});
