// What the HTTP core hands a wire protocol, and what it gets back. Protocols never see node's http objects.

import type { AwsError, RequestContext } from '../service.js';

export interface WireRequest {
  method: string;
  url: URL;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Reads the whole body once; rejects with the service's "too large" error past its limit. */
  readBody(operation: string): Promise<Buffer>;
}

export interface WireResponse {
  status: number;
  /** An array is one header sent several times (a Lambda proxy result's multiValueHeaders). */
  headers: Record<string, string | string[]>;
  body: Buffer | string;
}

/** A request understood well enough to name its operation (for faults and the log) before running it. */
export interface PreparedCall {
  operation: string;
  invoke(ctx: RequestContext): Promise<WireResponse>;
}

export interface Protocol<Binding> {
  /** Throws AwsError when the request cannot even be routed to an operation. */
  prepare(binding: Binding, request: WireRequest): Promise<PreparedCall>;
  serializeError(binding: Binding, error: AwsError, requestId: string): WireResponse;
}
