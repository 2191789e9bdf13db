// The Invoke API (POST /2015-03-31/functions/<name>/invocations) through the Lambda runner.

import { AwsError, type RequestContext, type RestInput, type RestOutput, type RestRoute } from '../service.js';
import type { LambdaRunner } from '../runner/types.js';
import { sandboxErrorHeader } from '../sandbox-error.js';
import { functionSpec, type StoredFunction } from './function-spec.js';
import { functionNamed } from './functions.js';
import { validationException } from './input.js';
import { route } from './route.js';
import type { LambdaState } from './state.js';

const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'] as const;
type InvocationType = (typeof INVOCATION_TYPES)[number];

/** Lambda's quota for an asynchronous (Event) payload; the runner enforces the 6 MB synchronous one. */
export const MAX_ASYNC_PAYLOAD_BYTES = 262_144;

function invocationType(headers: Record<string, string>): InvocationType {
  const value = headers['x-amz-invocation-type'] ?? 'RequestResponse';
  if (!(INVOCATION_TYPES as readonly string[]).includes(value)) {
    throw validationException('invocationType', value, `Member must satisfy enum value set: [${INVOCATION_TYPES.join(', ')}]`);
  }
  return value as InvocationType;
}

/** The payload must be JSON; an empty one is the event `{}` (UNCONFIRMED: what the console and CLI send). */
function eventBytes(rawBody: Buffer): Uint8Array {
  if (rawBody.length === 0) return Buffer.from('{}');
  try {
    JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`);
  }
  return rawBody;
}

async function invoke(runner: LambdaRunner, fn: StoredFunction, request: RestInput, ctx: RequestContext): Promise<RestOutput> {
  const type = invocationType(request.headers);
  const event = eventBytes(request.rawBody);
  const executed = { 'X-Amz-Executed-Version': fn.configuration.Version };
  if (type === 'DryRun') return { status: 204, headers: executed };
  const spec = functionSpec(fn);
  if (type === 'Event') {
    if (event.length > MAX_ASYNC_PAYLOAD_BYTES) {
      throw new AwsError('RequestTooLargeException', `Request must be smaller than ${MAX_ASYNC_PAYLOAD_BYTES} bytes for the InvokeFunction operation`, 413);
    }
    // Fire and forget, as Lambda's event queue is to the caller; a stopped runner just drops it.
    void runner.invoke(spec, event).catch(() => undefined);
    return { status: 202 };
  }
  const result = await runner.invoke(spec, event, { requestId: ctx.requestId });
  const headers: Record<string, string> = { ...executed, 'Content-Type': 'application/json' };
  if (!result.ok) headers['X-Amz-Function-Error'] = result.functionError;
  if (!result.ok && result.sandboxError) Object.assign(headers, sandboxErrorHeader(result.sandboxError));
  if (request.headers['x-amz-log-type'] === 'Tail') headers['X-Amz-Log-Result'] = Buffer.from(result.logTail).toString('base64');
  return { status: 200, headers, body: Buffer.from(result.payload) };
}

export function invokeRoutes(state: LambdaState, runner: LambdaRunner): RestRoute[] {
  return [
    route('POST', '/{FunctionName}/invocations', 'Invoke', (request, ctx) => {
      const record = functionNamed(state, request, ctx);
      return invoke(runner, { configuration: record.configuration, zip: Buffer.from(record.zipBase64, 'base64') }, request, ctx);
    }),
  ];
}
