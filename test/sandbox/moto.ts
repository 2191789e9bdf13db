// moto (python3 -m moto.server) as a reference emulator for the conformance test and the benchmark.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Why moto cannot run here, or undefined when it can. */
export function motoMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import moto'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'moto is not installed (python3 -c "import moto" failed); pip install "moto[server]" to run this test';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningMoto {
  url: string;
  /** From spawn until it first answered. */
  startupMs: number;
  stop(): Promise<void>;
}

/** Starts moto on a free loopback port and waits (at most ~30 s) until it answers. */
export async function startMoto(): Promise<RunningMoto> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    // Without it moto knows no AWS managed policies, and the lab's attach-role-policy fails.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) return { url, startupMs: performance.now() - started, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error('moto did not start within 30 s');
}
