// AWS behaviour that is off unless asked for, because it makes runs slower or less predictable. Its own
// module, below the services that read it, so that services never import the sandbox's options.

import type { FaultOptions } from './faults.js';

export interface FidelityOptions {
  /** Block CreateFunction / UpdateFunction* for runtimes past their block dates (src/sandbox/runtimes.json). */
  runtimeDeprecation?: boolean;
  /** CreateFunction with a role younger than this fails as it does in AWS right after CreateRole. */
  iamPropagationDelaySeconds?: number;
  faults?: FaultOptions;
}
