// Bounded capture of a worker's output: only the tail of each invocation's log is kept, however much the
// handler prints, and an end marker tells where one invocation's output stops.

/** The last `limit` bytes appended. */
export class LogTail {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  append(data: Buffer | string): void {
    let chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // Copy a kept slice so that a large chunk is not retained whole.
    if (chunk.length > this.limit) chunk = Buffer.from(chunk.subarray(chunk.length - this.limit));
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0]!.length >= this.limit) this.size -= this.chunks.shift()!.length;
  }

  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

/**
 * Forwards a stream's bytes to `sink`, cutting out an expected end marker (which may straddle chunks) and
 * calling back when it passes. Holds back at most marker-length bytes.
 */
export class EndMarkerScanner {
  private held = Buffer.alloc(0);
  private expected: { marker: Buffer; onSeen: () => void } | null = null;

  constructor(private readonly sink: (data: Buffer) => void) {}

  expect(marker: string, onSeen: () => void): void {
    this.expected = { marker: Buffer.from(marker, 'utf8'), onSeen };
  }

  push(chunk: Buffer): void {
    if (!this.expected) return this.sink(chunk);
    const { marker, onSeen } = this.expected;
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const at = data.indexOf(marker);
    if (at >= 0) {
      this.held = Buffer.alloc(0);
      this.expected = null;
      this.sink(data.subarray(0, at));
      onSeen();
      const rest = data.subarray(at + marker.length);
      if (rest.length) this.sink(rest);
      return;
    }
    const keep = Math.min(data.length, marker.length - 1);
    this.sink(data.subarray(0, data.length - keep));
    this.held = Buffer.from(data.subarray(data.length - keep));
  }

  /** The stream ended: release what was held back. */
  flush(): void {
    if (this.held.length) this.sink(this.held);
    this.held = Buffer.alloc(0);
  }
}
