// moto (python3 -m moto.server), an independent AWS emulator: the collectors' real endpoint, the sandbox's
// conformance peer, and the benchmark's yardstick. Installed on the development and CI machines, not on users'.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** Why moto cannot run here, or undefined when it can. */
export function motoMissing(): string | undefined {
  return spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status === 0
    ? undefined
    : 'moto is not installed (python3 -c "import moto" failed); pip install "moto[server]" to run this test';
}

export interface Moto {
  endpoint: string;
  /** From spawn until it first answered. */
  startupMs: number;
  stop(): Promise<void>;
}

/** Starts moto on a free loopback port and waits (at most ~30 s) until it answers. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    // AWS managed policies (AWSLambdaBasicExecutionRole) exist in moto only when asked for.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(endpoint, child, () => stderr);
  return {
    endpoint,
    startupMs: performance.now() - started,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`moto did not start within 30 s: ${stderr()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
