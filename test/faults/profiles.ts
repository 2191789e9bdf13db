// The fault table: each profile is one sandbox fault at one rate. Seeds are fixed so a run can be replayed
// (the draws follow the order requests arrive in, which concurrency can change; the verdicts must not).
// In scope: the control planes and Cognito (InitiateAuth included), where a fault is AWS's, never the learner's.
// Out of scope: the API data plane the HTTP probes call. It is the learner's own API: its 500/502/504 answers
// are evidence (no invoke permission, a failing handler), so the sandbox injects nothing there.
import type { FaultOptions } from '../../src/sandbox/index.js';
import type { ResolveTargetOptions } from '../../src/target/index.js';

/** --timeout-ms and --max-attempts; unset: the CLI's (10 s, 5 attempts). */
export type RetryLimits = Pick<ResolveTargetOptions, 'timeoutMs' | 'maxAttempts'>;

export interface FaultProfile {
  /** Names the profile in test titles and the bench table: "throttle-10%". */
  name: string;
  /** The kind of fault, for the table: throttling, 5xx, latency, hang. */
  fault: 'throttling' | '5xx' | 'latency' | 'hang';
  /** The table's rate column: a share of requests, a delay, or the service that never answers. */
  rate: string;
  faults: FaultOptions;
  /** The error codes a call fails with when this fault outlasts the SDK's retries. */
  codes: readonly string[];
  /** The grader's limits under this profile; unset: the CLI's. */
  limits?: RetryLimits;
}

const THROTTLING = ['Throttling', 'TooManyRequestsException'];
const SERVER_ERRORS = ['InternalFailure', 'ServiceUnavailable'];

/** The service the hang profile silences; its checks ERROR, the others must not notice. */
export const HUNG_SERVICE = 'lambda';

export const FAULT_PROFILES: readonly FaultProfile[] = [
  { name: 'throttle-10%', fault: 'throttling', rate: '10%', faults: { seed: 10, throttleRate: 0.1 }, codes: THROTTLING },
  { name: 'throttle-30%', fault: 'throttling', rate: '30%', faults: { seed: 30, throttleRate: 0.3 }, codes: THROTTLING },
  { name: '5xx-1%', fault: '5xx', rate: '1%', faults: { seed: 1, errorRate5xx: 0.01 }, codes: SERVER_ERRORS },
  { name: 'latency-50ms', fault: 'latency', rate: '50 ms', faults: { seed: 50, latencyMs: 50 }, codes: [] },
  { name: 'latency-200ms', fault: 'latency', rate: '200 ms', faults: { seed: 200, latencyMs: 200 }, codes: [] },
  // With the CLI's limits: a hung call costs the attempts its retry budget lets start (two of 10 s), and a grade
  // follows at most two Lambda calls in a row. Shorter timeouts would also expire on the other services' calls
  // when the cores are busy.
  { name: `hang-${HUNG_SERVICE}`, fault: 'hang', rate: HUNG_SERVICE, faults: { seed: 7, hang: [HUNG_SERVICE] }, codes: ['TimeoutError'] },
];

export function profileNamed(name: string): FaultProfile {
  const profile = FAULT_PROFILES.find((candidate) => candidate.name === name);
  if (!profile) throw new Error(`no fault profile named ${name}`);
  return profile;
}
