// A lab, as the grader's commands take it: what the engine grades with, the lab's spec, and how its evidence
// is collected and probed. checks/ builds the one this package grades.
import type { Collector } from '../collect/index.js';
import type { GradingLab } from '../engine/lab.js';
import type { LabSpec } from '../lab/types.js';
import type { planProbes, runProbes } from '../probes/index.js';

export interface Lab extends GradingLab {
  /** Placeholder name -> the lab's shell variable for that ID ($API_ID, ...): fix commands shown without an account. */
  shellVariables: Readonly<Record<string, string>>;
  /** The lab's own spec when `path` is undefined, else an instructor's (--lab), checked against the catalogue. */
  loadSpec(path?: string): Promise<LabSpec>;
  /** The configuration's read-only collection. */
  collect: Collector;
  /** The live probes: what they need from the collected evidence, and making them. */
  probes: { plan: typeof planProbes; run: typeof runProbes };
}
