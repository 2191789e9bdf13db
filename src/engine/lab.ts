// What the engine needs from a lab: its checks, its activities' titles, and the learner's IDs for fix commands.
// The lab (checks/) supplies them; the engine knows no lab of its own.
import type { LabSpec } from '../lab/types.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Check } from './types.js';

export interface GradingLab {
  /** In report order. */
  catalogue: readonly Check[];
  /** Title of each lab activity that holds checks. */
  stepTitles: Readonly<Record<number, string>>;
  /** Placeholder name -> the learner's ID seen in the snapshot, or the lab's shell variable standing for it. */
  remediationIds(snapshot: Snapshot, spec: LabSpec): Record<string, string>;
}
