// Property: for any valid snapshot, grading never throws, no check crashes, every verdict is one its check
// declares, the score is the sum of the PASS points, and every writer emits a valid report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { catalogue, labBundle, loadLabSpec } from '../../checks/index.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import { validateSnapshot } from '../../src/snapshot/validate.js';
import { assertEveryReportValid } from './report-invariants.js';
import { snapshotArbitrary } from './snapshot-arbitrary.js';

const lab = await loadLabSpec();
const metaById = new Map(catalogue.map((check) => [check.meta.id, check.meta]));
// Fixed, so that a failure is reproducible; fast-check prints it with the counterexample.
const SEED = 20_260_203;
const NUM_RUNS = 250;

test('any valid snapshot grades without a crash into reports that are all valid', () => {
  fc.assert(
    fc.property(snapshotArbitrary, (generated) => {
      // As --from-snapshot reads it: through JSON and the schema. A generated snapshot must be valid.
      const snapshot = validateSnapshot(JSON.parse(JSON.stringify(generated)), 'generated snapshot');
      const result = gradeSnapshot(snapshot, lab, labBundle, { source: 'snapshot' });
      assert.equal(result.checks.length, catalogue.length);
      for (const check of result.checks) {
        assert.notEqual(check.messageId, 'internalError', `${check.id} crashed: ${check.message}`);
        const declared = check.status === 'BLOCKED' ? check.messageId === 'blocked' : check.messageId in (metaById.get(check.id)?.messages ?? {});
        assert.ok(declared, `${check.id} returned ${check.status} ${check.messageId}, which its meta.messages does not declare`);
        assert.ok(['PASS', 'FAIL', 'BLOCKED', 'ERROR'].includes(check.status));
        assert.equal(check.points, check.status === 'PASS' ? lab.points[check.id] : 0);
      }
      const passPoints = result.checks.filter((check) => check.status === 'PASS').reduce((sum, check) => sum + (lab.points[check.id] ?? 0), 0);
      assert.equal(result.score, passPoints);
      assertEveryReportValid(result);
    }),
    { numRuns: NUM_RUNS, seed: SEED },
  );
});
