// The sandbox in a child process, so that a crash, a hang or memory growth is its own and can be observed:
// either the real `lab-grader sandbox --port 0` (fuzzing), or a sandbox with --expose-gc answering memory
// questions over IPC (load rounds).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BIN, REPO } from '../../support/cli.js';

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

function wrap(child: ChildProcess, url: string): SandboxProcess {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Settles with `found` from the child's output, or rejects when it exits or does not start in time. */
function startedChild(child: ChildProcess, found: (resolve: (url: string) => void) => void): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before it listened`)));
    found((url) => {
      clearTimeout(timer);
      resolve(wrap(child, url));
    });
  });
}

/** `lab-grader sandbox --port 0`, as a user starts it; its URL read from the first line it prints. */
export function startCliSandbox(): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.resume();
  return startedChild(child, (resolve) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Sandbox listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (url) resolve(url);
    });
  });
}

export interface MeasuredSandbox extends SandboxProcess {
  /** The sandbox process's memory after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
}

export async function startMeasuredSandbox(): Promise<MeasuredSandbox> {
  const entry = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const started = await startedChild(child, (resolve) => {
    const onMessage = (message: unknown): void => {
      const url = (message as { url?: string }).url;
      if (url === undefined) return;
      child.off('message', onMessage);
      resolve(url);
    };
    child.on('message', onMessage);
  });
  return {
    ...started,
    memory: () =>
      new Promise((resolve) => {
        const onMessage = (message: unknown): void => {
          const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
          if (memory === undefined) return;
          child.off('message', onMessage);
          resolve(memory);
        };
        child.on('message', onMessage);
        child.send('memory');
      }),
  };
}
