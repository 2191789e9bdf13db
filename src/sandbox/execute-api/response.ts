// What the data plane answers: API Gateway's own responses (errors, as AWS-FACTS §1 lists them) and a Lambda
// proxy result turned into the HTTP response. Every answer carries Content-Type (the function may override
// it), x-amz-apigw-id, and, from the core, x-amzn-RequestId.

import { randomBytes } from 'node:crypto';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { WireResponse } from '../protocols/types.js';

interface GatewayError {
  status: number;
  message: string;
  errorType: string;
}

/** The gateway responses the sandbox gives. Error types of 5xx, 413 and the stage 403 are UNCONFIRMED. */
export const GATEWAY_ERRORS = {
  unauthorized: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  tokenExpired: { status: 401, message: 'The incoming token has expired', errorType: 'UnauthorizedException' },
  missingAuthenticationToken: { status: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  forbidden: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  requestTooLarge: { status: 413, message: 'Request Too Long', errorType: 'RequestEntityTooLargeException' },
  internalServerError: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  badGateway: { status: 502, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  integrationTimeout: { status: 504, message: 'Endpoint request timed out', errorType: 'InternalServerErrorException' },
} as const satisfies Record<string, GatewayError>;

export type GatewayErrorName = keyof typeof GATEWAY_ERRORS;

/** API Gateway's own id of a request (x-amz-apigw-id, requestContext.extendedRequestId): 16 base64 characters. */
export function newApigwId(): string {
  return randomBytes(11).toString('base64');
}

/** API Gateway writes its 5xx bodies with a space after the colon, its 4xx bodies without. */
export function gatewayError(name: GatewayErrorName, apigwId: string, headers: Record<string, string> = {}): WireResponse {
  const { status, message, errorType } = GATEWAY_ERRORS[name];
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amz-apigw-id': apigwId, 'x-amzn-errortype': errorType, ...headers },
    body: status >= 500 ? `{"message": ${JSON.stringify(message)}}` : JSON.stringify({ message }),
  };
}

/** A sandbox-only failure (an unsupported integration, a runtime it cannot run): 500, saying why. */
export function sandboxFailure(message: string, apigwId: string, headers: Record<string, string>): WireResponse {
  return {
    status: 500,
    headers: { 'content-type': 'application/json', 'x-amz-apigw-id': apigwId, 'x-amzn-errortype': 'InternalServerErrorException', ...headers },
    body: JSON.stringify({ message }),
  };
}

// Framing headers are the gateway's own: a function's values would corrupt the response.
const NOT_FORWARDED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'x-amzn-requestid', 'x-amz-apigw-id']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

function validHeader(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

/** headers (one value each) and multiValueHeaders (lists) merged, names lower-cased; undefined if malformed. */
function responseHeaders(result: Record<string, unknown>): Record<string, string[]> | undefined {
  const merged: Record<string, string[]> = {};
  const add = (name: string, value: unknown): boolean => {
    if (value === null) return true;
    if (!isScalar(value)) return false;
    const key = name.toLowerCase();
    const text = String(value);
    if (!NOT_FORWARDED.has(key) && validHeader(key, text)) (merged[key] ??= []).push(text);
    return true;
  };
  const { headers, multiValueHeaders } = result;
  if (headers != null) {
    if (!isRecord(headers) || !Object.entries(headers).every(([name, value]) => add(name, value))) return undefined;
  }
  if (multiValueHeaders != null) {
    if (!isRecord(multiValueHeaders)) return undefined;
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (values === null) continue;
      if (!Array.isArray(values) || !values.every((value) => add(name, value))) return undefined;
    }
  }
  return merged;
}

function statusOf(value: unknown): number | undefined {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

/**
 * A Lambda proxy result `{statusCode, headers, multiValueHeaders, body, isBase64Encoded}` as the HTTP response;
 * undefined when it is malformed (not an object, no valid statusCode, a body that is not a string, bad
 * headers), which API Gateway answers with 502.
 */
export function proxyResponse(payload: string, apigwId: string): WireResponse | undefined {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isRecord(result)) return undefined;
  const status = statusOf(result.statusCode);
  const { body, isBase64Encoded } = result;
  if (status === undefined || (body != null && typeof body !== 'string')) return undefined;
  if (isBase64Encoded != null && typeof isBase64Encoded !== 'boolean') return undefined;
  const headers = responseHeaders(result);
  if (!headers) return undefined;
  const text = body ?? '';
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers, 'x-amz-apigw-id': apigwId },
    body: isBase64Encoded ? Buffer.from(text, 'base64') : text,
  };
}
