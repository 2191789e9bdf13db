// Credentials of an assumed role (the read-only grading role in a student's account).
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { createHttpHandler } from './http-handler.js';
import type { Timeouts } from './http-handler.js';
import { budgetedRetry } from './retry-budget.js';

export interface RoleToAssume {
  roleArn: string;
  externalId: string | null;
  /** Shows in the graded account's CloudTrail: 2 to 64 characters of [\w+=,.@-]. */
  sessionName: string;
}

export interface StsContext {
  region: string;
  /** The STS that hands out the role's credentials lives where every other call goes. */
  endpoint: string | null;
  timeouts: Timeouts;
  maxAttempts: number;
}

// Role credentials last an hour; renewed when this close to expiry.
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * One AssumeRole for all the grading clients, not one each: the five clients ask for credentials at the same
 * moment, before any answer could be cached. A failure is shared too (a missing role is missing for all).
 */
function shared(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const credentials = await (current ??= provider());
    if (credentials.expiration && credentials.expiration.getTime() - Date.now() < RENEW_BEFORE_MS) {
      current = provider();
      return current;
    }
    return credentials;
  };
}

export function roleCredentials(role: RoleToAssume, masterCredentials: AwsCredentialIdentityProvider, sts: StsContext): AwsCredentialIdentityProvider {
  return shared(
    fromTemporaryCredentials({
      params: {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName,
        ...(role.externalId === null ? {} : { ExternalId: role.externalId }),
      },
      masterCredentials,
      clientConfig: {
        region: sts.region,
        ...(sts.endpoint === null ? {} : { endpoint: sts.endpoint }),
        requestHandler: createHttpHandler(sts.timeouts),
        retryStrategy: budgetedRetry(sts.maxAttempts, sts.timeouts.requestMs),
        maxAttempts: sts.maxAttempts,
      },
    }),
  );
}
