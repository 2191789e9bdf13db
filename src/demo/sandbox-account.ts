// One account of a running sandbox, seen from both sides: the reference solution deploys into it, the grader
// reads it. The sandbox takes a 12-digit access key id as that account, so accounts are as cheap as a number.
import type { ReferenceConfig } from '../../reference-solution/config.js';
import { DEFAULT_SANDBOX_REGION } from '../sandbox/index.js';
import { resolveTarget, type Target } from '../target/index.js';

/** The account the demo deploys into: AWS's own documentation account number. */
export const DEMO_ACCOUNT = '123456789012';

export interface SandboxAccount {
  /** The sandbox's URL (`RunningSandbox.url`). */
  endpoint: string;
  /** 12 digits. */
  accountId: string;
  /** Default: the sandbox's, us-east-1 (the lab's). */
  region?: string;
}

const credentialsOf = (account: SandboxAccount) => ({ accessKeyId: account.accountId, secretAccessKey: 'sandbox' });

export function referenceConfigFor(account: SandboxAccount): ReferenceConfig {
  return { region: account.region ?? DEFAULT_SANDBOX_REGION, endpoint: account.endpoint, credentials: credentialsOf(account) };
}

/**
 * What `lab-grader grade --endpoint-url <sandbox>` resolves (timeouts, retries, endpoint checks), with this
 * account's keys in place of the default credential chain, which would read the process environment.
 */
export function gradingTargetFor(account: SandboxAccount): Target {
  const target = resolveTarget({ region: account.region ?? DEFAULT_SANDBOX_REGION, endpointUrl: account.endpoint });
  const credentials = credentialsOf(account);
  return { ...target, credentials: async () => credentials };
}
