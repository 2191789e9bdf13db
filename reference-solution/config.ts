// What every entry point of the reference solution takes: where to deploy, as whom, and the lab's names.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { LabSpec } from '../src/lab/types.js';

export interface ReferenceConfig {
  region: string;
  /** One endpoint for every service (the sandbox); absent for real AWS. */
  endpoint?: string;
  /** Absent: the SDK's default provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Absent: checks/lab.json. */
  lab?: LabSpec;
  /** The test user's permanent password; absent: the lab spec's. */
  password?: string;
  /** One line per step; never a password or a token. */
  log?: (line: string) => void;
  /** Per HTTP request; absent: 30 s (CreateFunction uploads the zip). */
  requestTimeoutMs?: number;
}

export interface ReferenceOutputs {
  accountId: string;
  region: string;
  userPoolId: string;
  userPoolArn: string;
  clientId: string;
  roleArn: string;
  functionArn: string;
  apiId: string;
  rootResourceId: string;
  resourceId: string;
  authorizerId: string;
  deploymentId: string;
  /** The stage's base URL: AWS's execute-api host, or the sandbox's `<endpoint>/_aws/execute-api/<apiId>/<stage>`. */
  stageUrl: string;
  /** The URL the lab's curl calls: `<stageUrl>/hello`. */
  helloUrl: string;
}

export interface TeardownReport {
  userPoolIds: string[];
  apiIds: string[];
  /** The function's name when it was deleted; null when there was none. */
  functionName: string | null;
  /** The role's name when it was deleted; null when there was none. */
  roleName: string | null;
  /** Managed policy ARNs detached from the role before deleting it. */
  detachedPolicyArns: string[];
}
