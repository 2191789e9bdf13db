// Runs the CLI, in-process (fast, for parsing and reports) or as a real child process (for the environment).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { labBundle } from '../../checks/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI from its sources (bin/lab-grader.mjs runs the build instead). */
export const BIN = fileURLToPath(new URL('./lab-grader-sources.mjs', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface InProcessOptions {
  tty?: boolean;
  env?: Record<string, string>;
  /** Ctrl-C comes once stderr matches this; without it, at once (a long-running command stops straight away). */
  interruptWhen?: RegExp;
}

export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let interrupt = (): void => {};
  const interrupted = options.interruptWhen ? new Promise<void>((resolve) => (interrupt = resolve)) : Promise.resolve();
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        if (options.interruptWhen?.test(stderr)) interrupt();
      },
      isTTY: false,
    },
    env: options.env ?? {},
    untilInterrupted: () => interrupted,
  };
  const code = await runCli(args, io, async () => labBundle);
  return { code, stdout, stderr };
}

/** Runs the CLI (BIN) with exactly this environment (plus PATH and HOME), killed after timeoutMs. */
export function runProcess(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** An environment in which the AWS SDK finds no credentials and does not wait for instance metadata. */
export function noCredentialsEnv(): Record<string, string> {
  return {
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
