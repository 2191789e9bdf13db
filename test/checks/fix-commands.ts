// The fix a check's verdict prints, rendered as a learner sees it: the snapshot graded whole, the check's commands
// read back (the learner's IDs filled in, afterAll last).
import { labBundle } from '../../checks/index.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { RemediationResult } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { lab } from './snapshots.js';

export function renderedFix(snapshot: Snapshot, checkId: string): RemediationResult | null {
  const result = gradeSnapshot(snapshot, lab, labBundle, { source: 'snapshot' }).checks.find((check) => check.id === checkId);
  if (!result) throw new Error(`no check ${checkId} in the catalogue`);
  return result.remediation;
}
