// One student's account graded on its own, as `lab-grader grade --role-arn <role> --external-id <id>
// --endpoint-url <sandbox>` grades it (the instructor's credentials from the environment), probes included.
import { labBundle } from '../../../checks/index.js';
import { gradeSnapshot } from '../../../src/engine/grade.js';
import type { GradeResult } from '../../../src/engine/types.js';
import type { LabSpec } from '../../../src/lab/types.js';
import { takeSnapshot } from '../../../src/pipeline/take-snapshot.js';
import type { RunningSandbox } from '../../../src/sandbox/index.js';
import { resolveTarget } from '../../../src/target/target.js';
import { gradingRoleArn, REGION, type StudentSpec } from './class.js';

export async function gradeAlone(sandbox: RunningSandbox, student: StudentSpec, lab: LabSpec): Promise<GradeResult> {
  const target = resolveTarget({ region: REGION, roleArn: gradingRoleArn(student.accountId), externalId: student.externalId, endpointUrl: sandbox.url });
  const snapshot = await takeSnapshot(target, lab, labBundle, { probes: { password: student.password ?? lab.password } });
  return gradeSnapshot(snapshot, lab, labBundle, { source: 'live' });
}
