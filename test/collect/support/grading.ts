// The lab spec and a Target for tests: fixed credentials instead of the environment's.
import type { LabSpec } from '../../../src/lab/types.js';
import { resolveTarget, type ResolveTargetOptions, type Target } from '../../../src/target/target.js';
import labJson from '../../../checks/lab.json' with { type: 'json' };

export const lab: LabSpec = labJson;

export function testTarget(options: Partial<ResolveTargetOptions> = {}): Target {
  return {
    ...resolveTarget({ region: 'us-east-1', ...options }),
    credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }),
  };
}
