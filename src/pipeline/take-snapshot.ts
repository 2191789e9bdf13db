// target -> collect -> probe -> snapshot: everything a live grade observes, for one account.
import { collectSnapshot, type CallEvent } from '../collect/index.js';
import { probesNotRun } from '../collect/probes-not-run.js';
import type { LabSpec } from '../lab/types.js';
import { forgeryKeyOnce } from '../probes/forge.js';
import { planProbes, runProbes } from '../probes/index.js';
import type { Snapshot } from '../snapshot/types.js';
import { createGradingClients, destroyGradingClients } from '../target/clients.js';
import type { Target } from '../target/target.js';

/** What the live probes need beyond the target. */
export interface ProbeSettings {
  /** The lab user's password (--password, LAB_GRADER_PASSWORD or the lab spec's): never saved. */
  password: string;
  /** --stage-url: call this stage URL instead of the one derived from the API id. */
  stageUrl?: string;
}

export interface TakeSnapshotOptions {
  /** null: the configuration only (--no-probes); the probe checks then say the probes were not run. */
  probes: ProbeSettings | null;
  /** Called as each AWS call or probe starts and ends (progress). */
  onCall?: (event: CallEvent) => void;
  now?: () => Date;
  /** Stops every AWS call in flight and fails the next ones (the grade's deadline). */
  signal?: AbortSignal;
}

export const NO_PROBES_REASON = 'the snapshot was taken with --no-probes';

/**
 * API Gateway answers every call within its 29 s integration timeout (a 504 if the function has not): a probe
 * waits that long, so a slow cold start is graded as what the API answers, not as the grader giving up.
 */
const STAGE_ANSWER_MS = 30_000;

export async function takeSnapshot(target: Target, lab: LabSpec, options: TakeSnapshotOptions): Promise<Snapshot> {
  const clients = createGradingClients(target, options.signal);
  // Made while the collectors wait for AWS, not after them (a few hundred ms of CPU, once per process).
  if (options.probes !== null) void forgeryKeyOnce().catch(() => undefined);
  try {
    const collected = await collectSnapshot(clients, target, lab, { onCall: options.onCall, now: options.now });
    options.signal?.throwIfAborted();
    if (options.probes === null) return { ...collected, probes: probesNotRun(NO_PROBES_REASON) };
    const plan = planProbes(collected, lab, { stageUrl: options.probes.stageUrl });
    const probes = await runProbes(plan, {
      cognito: clients.cognito,
      password: options.probes.password,
      limits: { connectMs: target.timeouts.connectionMs, requestMs: Math.max(target.timeouts.requestMs, STAGE_ANSWER_MS), stop: options.signal },
      onCall: options.onCall,
      now: options.now,
    });
    return { ...collected, probes };
  } finally {
    destroyGradingClients(clients);
  }
}
