// Every network call is bounded (design safety rule), in time and in size. The SDK's default handler has no
// timeout, and NodeHttpHandler's requestTimeout ends once the headers arrive: a server that then trickles or
// stalls the body would hold the call forever, and a huge body would be read whole into memory.
import { Transform, pipeline, type Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface Timeouts {
  connectionMs: number;
  requestMs: number;
}

/** More than any answer the grader asks for (a page of 60 pools is a few tens of kB); past it, the call fails. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The answer was larger than MAX_RESPONSE_BYTES: the call fails with this, nothing else is read. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLarge';
  // The SDK appends "Deserialization error: ..." to the message of an error without $metadata met while reading.
  readonly $metadata = {};
}

/** The answer's body did not arrive within the request timeout (named as the SDK names its own timeouts). */
export class BodyTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly $metadata = {};
}

type HandleArgs = Parameters<NodeHttpHandler['handle']>;
type HandleResult = Awaited<ReturnType<NodeHttpHandler['handle']>>;

class BoundedHttpHandler extends NodeHttpHandler {
  constructor(
    private readonly timeouts: Timeouts,
    private readonly stop: AbortSignal | undefined,
  ) {
    super({
      connectionTimeout: timeouts.connectionMs,
      requestTimeout: timeouts.requestMs,
      // Without this, a request over requestTimeout only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    });
  }

  override async handle(request: HandleArgs[0], options: HandleArgs[1] = {}): Promise<HandleResult> {
    // Headers and body together get requestMs: the headers' share is enforced by NodeHttpHandler, the rest here.
    const deadline = Date.now() + this.timeouts.requestMs;
    const signals = [this.stop, options.abortSignal as AbortSignal | undefined].filter((signal) => signal !== undefined);
    const abortSignal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const result = await super.handle(request, { ...options, ...(abortSignal === undefined ? {} : { abortSignal }) });
    const { response } = result;
    const declared = Number(response.headers['content-length']);
    const body = response.body as Readable;
    if (declared > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw tooLarge();
    }
    response.body = boundedBody(body, deadline - Date.now(), this.timeouts.requestMs, abortSignal);
    return result;
  }
}

/** `body` as a stream that fails once it runs past `remainingMs`, past MAX_RESPONSE_BYTES, or when `stop` aborts. */
function boundedBody(body: Readable, remainingMs: number, requestMs: number, stop: AbortSignal | undefined): Readable {
  let received = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength;
      callback(received > MAX_RESPONSE_BYTES ? tooLarge() : null, chunk);
    },
  });
  const timer = setTimeout(() => {
    bounded.destroy(new BodyTimeoutError(`the answer did not finish arriving within the ${requestMs} ms request timeout`));
  }, Math.max(remainingMs, 0)).unref();
  const onStop = (): void => {
    bounded.destroy(stop?.reason instanceof Error ? stop.reason : new Error('the call was stopped'));
  };
  stop?.addEventListener('abort', onStop, { once: true });
  // pipeline destroys the socket's stream when `bounded` fails, and passes the socket's errors on.
  pipeline(body, bounded, () => {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  });
  return bounded;
}

function tooLarge(): ResponseTooLargeError {
  return new ResponseTooLargeError(`the answer was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, more than lab-grader reads from one call`);
}

/** The handler for every SDK client: `stop` (a grade's deadline) ends its calls in flight and fails new ones. */
export function createHttpHandler(timeouts: Timeouts, stop?: AbortSignal): NodeHttpHandler {
  return new BoundedHttpHandler(timeouts, stop);
}
