// Runs the CLI in-process with an interruption the test controls (test/support/cli.ts interrupts at once), or
// as a real child process the test can kill.
import { spawn, type ChildProcess } from 'node:child_process';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';
import { BIN, REPO } from '../../support/cli.js';
import { labBundle } from '../../../checks/index.js';

export interface BatchCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `interrupted`: when the user's Ctrl-C arrives (never, unless given). */
export async function runCliUninterrupted(
  args: string[],
  options: { tty?: boolean; env?: Record<string, string>; interrupted?: Promise<void> } = {},
): Promise<BatchCliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false },
    env: options.env ?? {},
    untilInterrupted: () => options.interrupted ?? new Promise<void>(() => {}),
  };
  const code = await runCli(args, io, async () => labBundle);
  return { code, stdout, stderr };
}

export interface CliProcess {
  child: ChildProcess;
  /** Settles when the process has exited: its exit code (null when a signal ended it) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts bin/lab-grader.mjs with exactly this environment (plus PATH and HOME). `onStderr` sees all of stderr
 * so far after each chunk (to act at a moment of the run).
 */
export function startCliProcess(args: string[], env: Record<string, string>, onStderr: (stderr: string) => void = () => {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(stderr);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}
