// A snapshot without the live probes (the configuration alone, or --no-probes) says plainly that they were not made.
import type { ProbeEvidence, ProbeName } from '../snapshot/types.js';

const PROBE_NAMES: readonly ProbeName[] = ['noToken', 'bearerIdToken', 'rawIdToken', 'accessToken', 'forgedToken'];

export function probesNotRun(reason: string): ProbeEvidence {
  const notMade = { state: 'skipped', reason } as const;
  return {
    state: 'not-run',
    reason,
    stageUrl: null,
    auth: notMade,
    http: Object.fromEntries(PROBE_NAMES.map((name) => [name, notMade])) as ProbeEvidence['http'],
  };
}
