// moto (a Python AWS emulator) as a child process for the collector tests, and the lab built in it with the
// lab's own AWS CLI commands (lab-commands.sh).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SESSION_TOKEN: 'testing' };
/** moto's default account. */
export const MOTO_ACCOUNT = '123456789012';

/** Why the moto tests cannot run here, or null when they can. */
export function motoUnavailable(): string | null {
  if (spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status !== 0) {
    return 'moto is not installed (pip install "moto[server]")';
  }
  if (spawnSync('aws', ['--version'], { stdio: 'ignore' }).status !== 0) return 'the AWS CLI (aws) is not on PATH';
  return null;
}

export interface Moto {
  endpoint: string;
  /** Forget every resource, so the next test starts from an empty account. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
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
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset answered ${response.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
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
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`moto did not start: ${stderr()}`);
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

/** The IDs lab-commands.sh created (USER_POOL_ID, CLIENT_ID, API_ID, ...). */
export type LabIds = Record<string, string>;

/** Runs LAB.md Activities 2 to 10 against moto. DUPLICATE_POOL=1 also creates a second, unused pool of the lab's name. */
export function buildLab(endpoint: string, options: { duplicatePool?: boolean } = {}): LabIds {
  const workdir = mkdtempSync(join(tmpdir(), 'lab-grader-lab-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...MOTO_CREDENTIALS,
      AWS_DEFAULT_REGION: 'us-east-1',
      // Keep the developer's own AWS configuration out of it.
      AWS_CONFIG_FILE: join(workdir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(workdir, 'no-credentials'),
      ENDPOINT: endpoint,
      WORKDIR: workdir,
      DUPLICATE_POOL: options.duplicatePool ? '1' : '0',
    };
    delete env['AWS_PROFILE'];
    const result = spawnSync('bash', [new URL('../lab-commands.sh', import.meta.url).pathname], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`lab-commands.sh failed (${result.status}): ${result.stderr}`);
    return Object.fromEntries(
      result.stdout
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map(([, key = '', value = '']) => [key, value]),
    );
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}
