// Runs the CLI in-process with an interruption the test controls (test/support/cli.ts interrupts at once).
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';

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
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
