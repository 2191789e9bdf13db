// The framed protocol between the runner and a worker's bootstrap, carried on the worker's fd 3 (a Unix
// socket), so that whatever the handler prints on stdout/stderr stays in the log and out of the protocol.
//
// Frame: u32 BE header length | u32 BE body length | header (UTF-8 JSON) | body (raw bytes).
// The body carries the event or the response payload untouched, so the runtime's own JSON spacing survives.

/** Runner -> bootstrap. The body is the event, as JSON bytes. */
export interface InvokeHeader {
  type: 'invoke';
  requestId: string;
  /** Epoch ms at which the invocation times out (for get_remaining_time_in_millis). */
  deadlineMs: number;
  invokedFunctionArn: string;
  /** Written by the bootstrap on stdout and stderr once the invocation is over: everything before it is its log. */
  endMarker: string;
  maxResponseBytes: number;
}

/** Bootstrap -> runner. The body is the response payload (ok) or the runtime's error document (not ok). */
export interface ResultHeader {
  type: 'result';
  ok: boolean;
  /** Set instead of a body when the response exceeded maxResponseBytes. */
  tooLargeBytes?: number;
  /** The worker exits after this reply (an init error, an uncaught exception): do not reuse it. */
  fatal?: boolean;
}

/** Bootstrap -> runner, once, when init (importing the handler) is over, whether it worked or not. */
export interface ReadyHeader {
  type: 'ready';
}

export interface Frame<H> {
  header: H;
  body: Buffer;
}

const PREFIX_BYTES = 8;

export function encodeFrame(header: object, body: Uint8Array = new Uint8Array()): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.writeUInt32BE(headerBytes.length, 0);
  prefix.writeUInt32BE(body.length, 4);
  return Buffer.concat([prefix, headerBytes, body]);
}

export class FrameTooLargeError extends Error {}

/** Reassembles frames from socket chunks; refuses any frame above maxFrameBytes (memory stays bounded). */
export class FrameDecoder<H> {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): Frame<H>[] {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    const frames: Frame<H>[] = [];
    while (this.bufferedBytes >= PREFIX_BYTES) {
      // Concatenate only once a whole frame is in: a 6 MB body arrives in many chunks.
      const prefix = this.buffered[0]!.length >= PREFIX_BYTES ? this.buffered[0]! : this.flatten();
      const headerLength = prefix.readUInt32BE(0);
      const frameLength = PREFIX_BYTES + headerLength + prefix.readUInt32BE(4);
      if (frameLength > this.maxFrameBytes) {
        throw new FrameTooLargeError(`protocol frame of ${frameLength} bytes exceeds ${this.maxFrameBytes}`);
      }
      if (this.bufferedBytes < frameLength) break;
      const data = this.flatten();
      const headerEnd = PREFIX_BYTES + headerLength;
      frames.push({
        header: JSON.parse(data.subarray(PREFIX_BYTES, headerEnd).toString('utf8')) as H,
        body: Buffer.from(data.subarray(headerEnd, frameLength)),
      });
      this.buffered = [data.subarray(frameLength)];
      this.bufferedBytes = data.length - frameLength;
    }
    return frames;
  }

  private flatten(): Buffer {
    if (this.buffered.length !== 1) this.buffered = [Buffer.concat(this.buffered)];
    return this.buffered[0]!;
  }
}
