// One request as raw bytes on its own TCP connection, the client's side then half-closed: what came back
// (a status line, or nothing before the server closed), or 'hung' if neither happened within the time limit.
import { connect } from 'node:net';

export type RawOutcome = { kind: 'answered'; status: number } | { kind: 'closed' } | { kind: 'hung' };

export function sendRaw(url: string, bytes: Uint8Array, timeoutMs: number): Promise<RawOutcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const finish = (outcome: RawOutcome): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'hung' }), timeoutMs);
    const answer = (): RawOutcome | null => {
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(Buffer.concat(received).toString('latin1'))?.[1];
      return status === undefined ? null : { kind: 'answered', status: Number(status) };
    };
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      const answered = answer();
      if (answered) finish(answered);
    });
    // A reset while the server closes is a closed connection too.
    socket.on('error', () => finish(answer() ?? { kind: 'closed' }));
    socket.on('close', () => finish(answer() ?? { kind: 'closed' }));
  });
}
