// The platform lines Lambda writes around each invocation's log.

import { readFileSync } from 'node:fs';

export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST\n`;
}

export function endAndReportLines(requestId: string, durationMs: number, memoryMb: number, pid: number | undefined): string {
  const used = pid === undefined ? undefined : peakMemoryMb(pid);
  const report = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(durationMs)} ms`,
    `Memory Size: ${memoryMb} MB`,
    ...(used === undefined ? [] : [`Max Memory Used: ${used} MB`]),
  ];
  return `END RequestId: ${requestId}\n${report.join('\t')}\t\n`;
}

/** The worker's resident high-water mark (Linux /proc); undefined elsewhere or once the process is gone. */
function peakMemoryMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.ceil(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
