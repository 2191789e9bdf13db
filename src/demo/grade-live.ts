// The live grade, as `lab-grader grade --endpoint-url` makes it: the snapshot with the probes, then the catalogue.
import { catalogue } from '../../checks/index.js';
import { gradeSnapshot } from '../engine/grade.js';
import type { GradeResult } from '../engine/types.js';
import type { LabSpec } from '../lab/types.js';
import { takeSnapshot, type TakeSnapshotOptions } from '../pipeline/take-snapshot.js';
import type { Target } from '../target/target.js';

/** Signs in with the lab spec's password, which is the one the reference solution sets. */
export async function gradeLive(target: Target, lab: LabSpec, options: Pick<TakeSnapshotOptions, 'onCall'> = {}): Promise<GradeResult> {
  const snapshot = await takeSnapshot(target, lab, { probes: { password: lab.password }, onCall: options.onCall });
  return gradeSnapshot(snapshot, lab, catalogue, { source: 'live' });
}
