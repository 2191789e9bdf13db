// One HTTP call to the stage, as a bounded observation: timeouts on connecting, on the headers, on every
// pause in the body and on the whole exchange; at most maxBodyBytes of body read; redirects not followed.
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import type { HttpExchange, Observed } from '../snapshot/types.js';
import { describeHttpFailure } from './http-failure.js';

/** API Gateway's answers are small; a body past this is cut (bodyTruncated) and the rest never read. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The response headers the checks and a reader of the snapshot need; nothing that could carry a credential. */
const KEPT_HEADERS = ['content-type', 'x-amzn-errortype', 'x-amzn-requestid', 'x-amz-apigw-id', 'location'] as const;

export interface HttpLimits {
  connectMs: number;
  /** Waiting for the headers, and any pause in the body, at most this long; the whole exchange at most twice it. */
  requestMs: number;
  maxBodyBytes: number;
  /** Ends the call at once: the grade's deadline has passed. */
  stop?: AbortSignal;
}

export interface StageCall {
  /** service:Operation for errors, e.g. "execute-api:GET /hello". */
  operation: string;
  url: string;
  method: string;
  headers: Record<string, string>;
}

/** The connection pool of one probe run (its connect timeout applies to every call); destroy it when done. */
export function createProbeAgent(limits: Pick<HttpLimits, 'connectMs'>): Agent {
  return new Agent({ connect: { timeout: limits.connectMs } });
}

export async function callStage(dispatcher: Dispatcher, call: StageCall, limits: HttpLimits): Promise<Observed<HttpExchange>> {
  const started = performance.now();
  // headersTimeout and bodyTimeout do not bound a body that trickles in forever; this does.
  const deadlineMs = 2 * limits.requestMs;
  const deadline = AbortSignal.timeout(deadlineMs);
  try {
    const response = await request(call.url, {
      dispatcher,
      method: call.method as Dispatcher.HttpMethod,
      headers: call.headers,
      headersTimeout: limits.requestMs,
      bodyTimeout: limits.requestMs,
      signal: limits.stop ? AbortSignal.any([deadline, limits.stop]) : deadline,
    });
    const { text, truncated } = await readBounded(response.body, limits.maxBodyBytes);
    if (response.statusCode < 100 || response.statusCode > 599) {
      return failure(call, 'other', 'InvalidStatus', `the server answered with the status ${response.statusCode}, which is not HTTP`);
    }
    return {
      state: 'found',
      value: {
        url: call.url,
        method: call.method,
        status: response.statusCode,
        headers: keptHeaders(response.headers),
        body: text,
        bodyTruncated: truncated,
        durationMs: Math.round(performance.now() - started),
      },
    };
  } catch (error) {
    const { kind, code, message } = describeHttpFailure(error, { url: call.url, timedOut: deadline.aborted, limits, deadlineMs });
    return failure(call, kind, code, message);
  }
}

function failure(call: StageCall, kind: 'timeout' | 'network' | 'other', code: string, message: string): Observed<never> {
  return { state: 'error', error: { kind, operation: call.operation, code, message } };
}

/** Reads at most `limit` bytes, then stops reading (and so closes the connection) if more is coming. */
async function readBounded(body: Dispatcher.ResponseData['body'], limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = limit - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  if (truncated) body.destroy();
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

function keptHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
