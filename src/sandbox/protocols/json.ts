// awsJson1_1: POST /, `X-Amz-Target: <prefix>.<Operation>`, JSON in, JSON out, errors as {__type, message}.

import { AwsError, type JsonRpcService } from '../service.js';
import type { JsonProfile } from '../profiles.js';
import type { Protocol, WireResponse } from './types.js';
import { requireMediaType } from './content-type.js';

export interface JsonBinding {
  profile: JsonProfile;
  service: JsonRpcService;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The operation named by an X-Amz-Target header, when it belongs to this service. */
export function targetOperation(service: JsonRpcService, target: string | undefined): string | undefined {
  const dot = target?.lastIndexOf('.') ?? -1;
  if (!target || dot < 0 || target.slice(0, dot) !== service.targetPrefix) return undefined;
  return target.slice(dot + 1);
}

/** Parses a JSON object body; an empty body is `{}` as the SDKs send for operations without input. */
export function parseJsonObject(body: Buffer, malformed: (detail: string) => AwsError): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw malformed((error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('the body is not a JSON object');
  return value as Record<string, unknown>;
}

export const jsonProtocol: Protocol<JsonBinding> = {
  async prepare({ profile, service }, request) {
    const operation = targetOperation(service, request.headers['x-amz-target']);
    if (!operation || request.method !== 'POST') {
      throw new AwsError('UnknownOperationException', `Unknown operation ${request.headers['x-amz-target'] ?? ''}`.trim());
    }
    requireMediaType(request.headers, [CONTENT_TYPE]);
    return {
      operation,
      async invoke(ctx): Promise<WireResponse> {
        const input = parseJsonObject(await request.readBody(operation), profile.malformedBody);
        const result = await service.handle(operation, input, ctx);
        return { status: 200, headers: { 'content-type': CONTENT_TYPE }, body: JSON.stringify(result ?? {}) };
      },
    };
  },

  serializeError(_binding, error) {
    return {
      status: error.status,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-errortype': error.code, ...error.headers },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  },
};
