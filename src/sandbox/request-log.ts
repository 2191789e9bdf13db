// One JSON line per request, for debugging and for counting the grader's API calls. Never secrets:
// only names, the account and the outcome.

import { createWriteStream, type WriteStream } from 'node:fs';

export interface RequestLogEntry {
  time: string;
  service: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  durationMs: number;
}

export class RequestLog {
  private readonly stream: WriteStream;

  constructor(file: string) {
    this.stream = createWriteStream(file, { flags: 'a' });
  }

  write(entry: RequestLogEntry): void {
    this.stream.write(`${JSON.stringify(entry)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
