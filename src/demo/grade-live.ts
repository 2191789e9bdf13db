// The live grade, as `lab-grader grade --endpoint-url` makes it: the snapshot with the probes, then the catalogue.
import { gradeSnapshot } from '../engine/grade.js';
import type { GradeResult } from '../engine/types.js';
import type { LabSpec } from '../lab/types.js';
import type { Lab } from '../pipeline/lab.js';
import { takeSnapshot, type TakeSnapshotOptions } from '../pipeline/take-snapshot.js';
import type { Target } from '../target/target.js';

/** Signs in with the lab spec's password, which is the one the reference solution sets. */
export async function gradeLive(target: Target, spec: LabSpec, lab: Lab, options: Pick<TakeSnapshotOptions, 'onCall'> = {}): Promise<GradeResult> {
  const snapshot = await takeSnapshot(target, spec, lab, { probes: { password: spec.password }, onCall: options.onCall });
  return gradeSnapshot(snapshot, spec, lab, { source: 'live' });
}
