// target -> collect -> probe -> snapshot: everything a live grade observes, for one account, assembled here once.
import type { CallEvent, CollectedEvidence } from '../collect/index.js';
import { regionalClients } from '../collect/other-regions.js';
import type { LabSpec } from '../lab/types.js';
import { forgeryKeyOnce } from '../probes/forge.js';
import { SNAPSHOT_SCHEMA_VERSION, type ProbeEvidence, type Snapshot } from '../snapshot/types.js';
import { createGradingClients, destroyGradingClients, type GradingClients, type RateLimits } from '../target/clients.js';
import { apiGatewayEndpoint } from '../target/configured-endpoint.js';
import type { Target } from '../target/target.js';
import { GRADER_VERSION } from '../version.js';
import type { Lab } from './lab.js';
import { probesNotRun } from './probes-not-run.js';

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
  /** Waits before given operations of the grading clients (several students sharing one account's quota). */
  rateLimits?: RateLimits;
  now?: () => Date;
  /** Stops every AWS call in flight and fails the next ones (the grade's deadline). */
  signal?: AbortSignal;
  /**
   * Look for a missing lab resource in the other regions, to tell a learner who built the lab there (default
   * true). It costs up to 16 calls per missing resource: a class grade leaves it off.
   */
  otherRegions?: boolean;
}

export const NO_PROBES_REASON = 'the snapshot was taken with --no-probes';
export const CONFIGURATION_ONLY_REASON = 'only the configuration was collected';

/**
 * API Gateway answers every call within its 29 s integration timeout (a 504 if the function has not): a probe
 * waits that long, so a slow cold start is graded as what the API answers, not as the grader giving up.
 */
const STAGE_ANSWER_MS = 30_000;

type SnapshotLab = Pick<Lab, 'collect' | 'probes'>;

export async function takeSnapshot(target: Target, spec: LabSpec, lab: SnapshotLab, options: TakeSnapshotOptions): Promise<Snapshot> {
  const clients = createGradingClients(target, { rateLimits: options.rateLimits, stop: options.signal });
  const regional = options.otherRegions === false ? undefined : regionalClients(target, { rateLimits: options.rateLimits, stop: options.signal });
  // Made while the collectors wait for AWS, not after them (a few hundred ms of CPU, once per process).
  if (options.probes !== null) void forgeryKeyOnce().catch(() => undefined);
  try {
    const takenAt = (options.now ?? (() => new Date()))();
    const [collected, where] = await Promise.all([lab.collect(clients, target, spec, { onCall: options.onCall, clientsIn: regional?.clientsIn }), snapshotTarget(target, clients)]);
    options.signal?.throwIfAborted();
    if (options.probes === null) return assembleSnapshot(where, spec, takenAt, collected, probesNotRun(NO_PROBES_REASON));
    const plan = lab.probes.plan({ ...collected, target: where }, spec, { stageUrl: options.probes.stageUrl });
    const probes = await lab.probes.run(plan, {
      cognito: clients.cognito,
      password: options.probes.password,
      limits: { connectMs: target.timeouts.connectionMs, requestMs: Math.max(target.timeouts.requestMs, STAGE_ANSWER_MS), stop: options.signal },
      onCall: options.onCall,
      now: options.now,
    });
    return assembleSnapshot(where, spec, takenAt, collected, probes);
  } finally {
    destroyGradingClients(clients);
    regional?.destroy();
  }
}

/** The configuration alone, through the caller's clients: the snapshot says the probes were not run. */
export async function collectSnapshot(
  clients: GradingClients,
  target: Target,
  spec: LabSpec,
  lab: Pick<Lab, 'collect'>,
  options: Pick<TakeSnapshotOptions, 'onCall' | 'now'> = {},
): Promise<Snapshot> {
  const takenAt = (options.now ?? (() => new Date()))();
  const [collected, where] = await Promise.all([lab.collect(clients, target, spec, { onCall: options.onCall }), snapshotTarget(target, clients)]);
  return assembleSnapshot(where, spec, takenAt, collected, probesNotRun(CONFIGURATION_ONLY_REASON));
}

function assembleSnapshot(target: Snapshot['target'], spec: LabSpec, takenAt: Date, collected: CollectedEvidence, probes: ProbeEvidence): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    takenAt: takenAt.toISOString(),
    grader: { name: 'lab-grader', version: GRADER_VERSION },
    lab: { id: spec.id, version: spec.version },
    target,
    identity: collected.identity,
    cognito: collected.cognito,
    iam: collected.iam,
    lambda: collected.lambda,
    apigateway: collected.apigateway,
    probes,
    notes: collected.notes,
  };
}

/** The region, and the endpoint the calls went to: --endpoint-url, or the SDK's from AWS_ENDPOINT_URL or the profile. */
async function snapshotTarget(target: Target, clients: GradingClients): Promise<Snapshot['target']> {
  return { region: target.region, endpoint: await apiGatewayEndpoint(target, clients) };
}
