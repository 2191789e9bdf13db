// Which runtimes exist and when AWS stops accepting them, from runtimes.json (dates are configuration).

import runtimesConfig from '../runtimes.json' with { type: 'json' };
import { AwsError } from '../service.js';

interface RuntimeLifecycle {
  deprecated: string | null;
  blockCreate: string | null;
  blockUpdate: string | null;
  successor?: string;
}

// A JSON module, so that the single-file bundle carries the dates.
const { runtimes } = runtimesConfig as { runtimes: Record<string, RuntimeLifecycle> };

export const RUNTIMES: readonly string[] = Object.keys(runtimes);

/** Throws AWS's error when `runtime` is blocked for this kind of change on `now`. */
export function assertRuntimeAllowed(runtime: string, change: 'create' | 'update', now: Date): void {
  const lifecycle = runtimes[runtime];
  const blockedFrom = change === 'create' ? lifecycle?.blockCreate : lifecycle?.blockUpdate;
  if (!blockedFrom || now.getTime() < Date.parse(`${blockedFrom}T00:00:00Z`)) return;
  throw new AwsError(
    'InvalidParameterValueException',
    `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. ` +
      `We recommend you use the new runtime (${lifecycle?.successor ?? runtime}) while creating or updating functions.`,
  );
}
