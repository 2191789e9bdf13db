// What startSandbox accepts; the `lab-grader sandbox` flags map onto it.

import type { SigningKeys } from './cognito/keys.js';
import type { FidelityOptions } from './fidelity.js';
import type { DataPlaneOptions } from './execute-api/index.js';
import type { RunnerOptions } from './runner/types.js';

export type { FidelityOptions } from './fidelity.js';

export interface SandboxOptions {
  /** Default 4566; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Anything but a loopback address needs allowRemote. */
  host?: string;
  /** Listen beyond loopback and accept any IP address as Host: anyone who reaches the port can run code. */
  allowRemote?: boolean;
  /** Origins (http://localhost:3000) whose web pages may call the sandbox; every other Origin is refused. */
  allowOrigins?: readonly string[];
  /** Where state is kept across restarts; in memory only when unset. */
  stateDir?: string;
  /** Appends one JSON line per request. */
  requestLogFile?: string;
  /** For unsigned requests; signed ones use their credential scope. Default us-east-1. */
  defaultRegion?: string;
  /** Overrides every service's own request body limit. */
  maxBodyBytes?: number;
  fidelity?: FidelityOptions;
  /** How user pools get their signing keys (CognitoServiceOptions.signingKeys): 'per-pool' unless told. */
  signingKeys?: SigningKeys;
  /** The Lambda runner's settings (interpreters, warm workers, idle time). */
  runner?: RunnerOptions;
  /** Choices where AWS's data plane behaviour is UNCONFIRMED. */
  dataPlane?: DataPlaneOptions;
  /** The sandbox's time: token iat/exp, their expiry, request times. Default: the system clock. */
  clock?: () => Date;
}
