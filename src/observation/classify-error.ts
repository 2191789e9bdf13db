// What a failed call says about the account (absent) or about the grader's view of it (an error kind).
import type { ObservationErrorKind } from '../snapshot/types.js';
import { sanitizeMessage } from './sanitize.js';

export interface ClassifiedError {
  /** absent: AWS said the thing does not exist, a fact about the account. */
  kind: ObservationErrorKind | 'absent';
  code: string;
  /** Sanitised. */
  message: string;
}

const ABSENT = new Set([
  'NotFoundException',
  'ResourceNotFoundException',
  'NoSuchEntity',
  // The JS SDK names IAM's NoSuchEntity error class NoSuchEntityException.
  'NoSuchEntityException',
  'UserNotFoundException',
]);

const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EPROTO',
  'NetworkingError',
]);

export function classifyError(error: unknown): ClassifiedError {
  const code = errorCode(error);
  const message = sanitizeMessage(errorMessage(error));
  return { kind: kindOf(code, message, httpStatus(error)), code, message };
}

function kindOf(code: string, message: string, status: number | undefined): ClassifiedError['kind'] {
  if (CREDENTIALS.has(code)) return 'credentials';
  if (ABSENT.has(code)) return 'absent';
  // API Gateway's rate limit is LimitExceededException with HTTP 429; elsewhere that code means a quota.
  if (THROTTLED.has(code) || status === 429) return 'throttled';
  if (code.startsWith('AccessDenied') || code === 'UnauthorizedOperation' || /not authorized/i.test(message)) {
    return 'access-denied';
  }
  if (TIMEOUT.has(code)) return 'timeout';
  if (NETWORK.has(code) || code.startsWith('ERR_SSL') || code.startsWith('UND_ERR')) return 'network';
  return 'other';
}

/**
 * A service error's name is its AWS code (AccessDeniedException); a Node socket error is a plain Error (or
 * AggregateError) whose errno code says what happened (ECONNREFUSED).
 */
function errorCode(error: unknown): string {
  if (!isRecord(error)) return 'UnknownError';
  for (const key of ['name', 'code', 'Code'] as const) {
    const value = error[key];
    if (typeof value === 'string' && !GENERIC_NAMES.has(value)) return value;
  }
  return 'UnknownError';
}

const GENERIC_NAMES = new Set(['', 'Error', 'AggregateError']);

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    // Node's happy-eyeballs connect failure: the reasons are in the inner errors.
    return error.errors.map((inner) => errorMessage(inner)).join('; ');
  }
  if (isRecord(error) && typeof error['message'] === 'string') return error['message'];
  return String(error);
}

function httpStatus(error: unknown): number | undefined {
  if (!isRecord(error) || !isRecord(error['$metadata'])) return undefined;
  const status = error['$metadata']['httpStatusCode'];
  return typeof status === 'number' ? status : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
