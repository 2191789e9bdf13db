// Where AWS is and who we are in it: the only module that knows. Everything downstream takes a Target.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { InputError } from '../errors.js';
import { parseUrlOption } from './url-option.js';
import type { Timeouts } from './http-handler.js';
import { roleCredentials, type RoleToAssume } from './role-credentials.js';
import { AWS_REGIONS, isAwsRegion } from './regions.js';

/** The command-line flag behind each option, so that input errors name what the user typed. */
export const TARGET_FLAGS = {
  region: '--region',
  profile: '--profile',
  roleArn: '--role-arn',
  externalId: '--external-id',
  endpointUrl: '--endpoint-url',
  timeoutMs: '--timeout-ms',
  maxAttempts: '--max-attempts',
} as const;

export interface ResolveTargetOptions {
  region: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  /** One endpoint for every service (the sandbox, moto, LocalStack). Absent for real AWS. */
  endpointUrl?: string;
  /** Per HTTP request; the connection phase gets at most CONNECTION_TIMEOUT_MS of it. */
  timeoutMs?: number;
  /** Attempts per call including the first (throttling and transient errors; see retry-budget.ts for its time budget). */
  maxAttempts?: number;
}

/** Where the credentials come from: named in error messages, never their values. */
export type BaseCredentialSource = { kind: 'default-chain' } | { kind: 'profile'; profile: string };
export type CredentialSource =
  | BaseCredentialSource
  | { kind: 'role'; roleArn: string; externalId: string | null; base: BaseCredentialSource };

export type { Timeouts } from './http-handler.js';

export interface Target {
  region: string;
  /** null for real AWS. */
  endpoint: string | null;
  credentials: AwsCredentialIdentityProvider;
  credentialSource: CredentialSource;
  timeouts: Timeouts;
  retry: { maxAttempts: number };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const CONNECTION_TIMEOUT_MS = 3_000;
// Above the SDK's default of 3: API Gateway's GetResources allows 5 calls per 2 s per account.
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Shows in the graded account's CloudTrail as who assumed the grading role. */
export const ROLE_SESSION_NAME = 'lab-grader';

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
// AssumeRole's ExternalId: 2 to 1224 characters of [\w+=,.@:\/-].
const EXTERNAL_ID = /^[\w+=,.@:\/-]{2,1224}$/;

export function resolveTarget(options: ResolveTargetOptions): Target {
  validateRegion(options.region);
  const endpoint = options.endpointUrl === undefined ? null : parseUrlOption(options.endpointUrl, TARGET_FLAGS.endpointUrl, 'http://127.0.0.1:4566');
  const requestMs = positiveInteger(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, TARGET_FLAGS.timeoutMs);
  const timeouts = { connectionMs: Math.min(CONNECTION_TIMEOUT_MS, requestMs), requestMs };
  const maxAttempts = positiveInteger(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, TARGET_FLAGS.maxAttempts);
  const credentialSource = resolveCredentialSource(options);
  return {
    region: options.region,
    endpoint,
    credentials: credentialsProvider(credentialSource, { region: options.region, endpoint, timeouts, maxAttempts }),
    credentialSource,
    timeouts,
    retry: { maxAttempts },
  };
}

/** The target in the account of `role`, reached with `base`'s credentials (batch: a student's grading role). */
export function assumeRoleTarget(base: Target, role: RoleToAssume): Target {
  if (base.credentialSource.kind === 'role') throw new Error('assumeRoleTarget: the base target must not itself be a role');
  return {
    ...base,
    credentialSource: { kind: 'role', roleArn: role.roleArn, externalId: role.externalId, base: base.credentialSource },
    credentials: roleCredentials(role, base.credentials, { ...base, maxAttempts: base.retry.maxAttempts }),
  };
}

export function validateRegion(region: string): void {
  if (isAwsRegion(region)) return;
  const suggestion = closestRegion(region);
  throw new InputError(
    `${TARGET_FLAGS.region}: "${region}" is not an AWS region.` +
      (suggestion ? ` Did you mean ${suggestion}?` : '') +
      ` Pass ${TARGET_FLAGS.region} with one of: ${AWS_REGIONS.join(', ')} (the lab itself uses us-east-1).`,
  );
}

function positiveInteger(value: number, flag: string): number {
  if (!Number.isInteger(value) || value < 1) throw new InputError(`${flag}: expected a positive whole number, got ${value}.`);
  return value;
}

function resolveCredentialSource(options: ResolveTargetOptions): CredentialSource {
  const base: BaseCredentialSource =
    options.profile === undefined ? { kind: 'default-chain' } : { kind: 'profile', profile: options.profile };
  if (options.profile !== undefined && options.profile.trim() === '') {
    throw new InputError(`${TARGET_FLAGS.profile}: the profile name is empty.`);
  }
  if (options.roleArn === undefined) {
    if (options.externalId !== undefined) {
      throw new InputError(`${TARGET_FLAGS.externalId} is only used with ${TARGET_FLAGS.roleArn}: pass both, or neither.`);
    }
    return base;
  }
  if (!ROLE_ARN.test(options.roleArn)) {
    throw new InputError(
      `${TARGET_FLAGS.roleArn}: "${options.roleArn}" is not an IAM role ARN. ` +
        'Expected arn:aws:iam::<12-digit account>:role/<name>, e.g. arn:aws:iam::123456789012:role/LabGraderReadOnly.',
    );
  }
  if (options.externalId !== undefined && !EXTERNAL_ID.test(options.externalId)) {
    throw new InputError(
      `${TARGET_FLAGS.externalId}: must be 2 to 1224 characters of letters, digits and _+=,.@:/- (as the role's trust policy has it).`,
    );
  }
  return { kind: 'role', roleArn: options.roleArn, externalId: options.externalId ?? null, base };
}

interface ProviderContext {
  region: string;
  endpoint: string | null;
  timeouts: Timeouts;
  maxAttempts: number;
}

function credentialsProvider(source: CredentialSource, context: ProviderContext): AwsCredentialIdentityProvider {
  switch (source.kind) {
    case 'default-chain':
      return fromNodeProviderChain();
    case 'profile':
      return fromIni({ profile: source.profile });
    case 'role':
      return roleCredentials(
        { roleArn: source.roleArn, externalId: source.externalId, sessionName: ROLE_SESSION_NAME },
        credentialsProvider(source.base, context),
        context,
      );
  }
}

/** The known region nearest in spelling, if it is near enough to be a typo. */
function closestRegion(region: string): string | null {
  let best: { region: string; distance: number } | null = null;
  for (const candidate of AWS_REGIONS) {
    const distance = editDistance(region.toLowerCase(), candidate);
    if (best === null || distance < best.distance) best = { region: candidate, distance };
  }
  return best !== null && best.distance <= 2 ? best.region : null;
}

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
