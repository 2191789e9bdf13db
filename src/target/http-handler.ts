// Every network call has a timeout (design safety rule): the SDK's default handler has none.
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface Timeouts {
  connectionMs: number;
  requestMs: number;
}

export function createHttpHandler(timeouts: Timeouts): NodeHttpHandler {
  return new NodeHttpHandler({
    connectionTimeout: timeouts.connectionMs,
    requestTimeout: timeouts.requestMs,
    // Without this, a request over requestTimeout only logs a warning and keeps waiting.
    throwOnRequestTimeout: true,
  });
}
