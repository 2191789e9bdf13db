// Splitting one roster over several machines: --shard i/n keeps the students whose id hashes to i. The hash
// (not the row number) keeps a student on the same shard when rows are added or reordered.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: "${value}" is not a shard. Write i/n with 1 <= i <= n, e.g. --shard 2/4 for the second of four.`);
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The shard (1-based) a student belongs to among `count`. */
export function shardOf(studentId: string, count: number): number {
  const hash = createHash('sha256').update(studentId.toLowerCase()).digest();
  return (hash.readUInt32BE(0) % count) + 1;
}

export function inShard<T extends { studentId: string }>(students: readonly T[], shard: Shard | null): T[] {
  return shard === null ? [...students] : students.filter((student) => shardOf(student.studentId, shard.count) === shard.index);
}
