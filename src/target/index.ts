// The target: where AWS is, which credentials, and the clients that may only read it.
export { createGradingClients, destroyGradingClients, type GradingClients } from './clients.js';
export { describeCredentialSource, credentialsFailureMessage } from './credential-help.js';
export { isReadOperation, readOnlyGuard, WriteRefusedError } from './read-only-guard.js';
export { AWS_REGIONS, AWS_REGIONS_BY_PARTITION, isAwsRegion, type AwsRegion } from './regions.js';
export {
  CONNECTION_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  resolveTarget,
  ROLE_SESSION_NAME,
  TARGET_FLAGS,
  validateRegion,
  type BaseCredentialSource,
  type CredentialSource,
  type ResolveTargetOptions,
  type Target,
  type Timeouts,
} from './target.js';
