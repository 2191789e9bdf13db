// Reading the sandbox's request log: which calls reached which account (the grader's calls, counted).
import { readFile } from 'node:fs/promises';
import type { RequestLogEntry } from '../../../src/sandbox/index.js';

/** The log once its writes have landed (the sandbox appends through a stream): read until two reads agree. */
export async function readRequestLog(path: string): Promise<RequestLogEntry[]> {
  let text = await readFile(path, 'utf8').catch(() => '');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await readFile(path, 'utf8').catch(() => '');
    if (again === text) break;
    text = again;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RequestLogEntry);
}

/** Grades per account since `from` (an index into the log): each grade calls GetCallerIdentity once in the account. */
export function gradesPerAccount(entries: readonly RequestLogEntry[], from = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries.slice(from)) {
    if (entry.operation === 'GetCallerIdentity') counts.set(entry.account, (counts.get(entry.account) ?? 0) + 1);
  }
  return counts;
}
