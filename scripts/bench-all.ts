// npm run bench: every benchmark of the project, each in its own child process (so each starts clean), their
// JSON gathered into one document with the machine they ran on. A benchmark that fails is recorded as such
// (its exit code and the end of its stderr) and makes the exit code 1; the others still run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Name in the document -> script; bench-faults joins when it exists. */
const BENCHMARKS: Record<string, string> = {
  sandbox: 'bench-sandbox.ts',
  grade: 'bench-grade.ts',
  process: 'bench-process.ts',
  batch: 'bench-batch.ts',
  load: 'bench-load.ts',
  faults: 'bench-faults.ts',
};

const STDERR_TAIL = 2_000;

interface Failed {
  error: string;
}

function runBenchmark(script: string): Promise<unknown> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ error: error.message } satisfies Failed));
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(stdout));
      } catch (error) {
        resolve({ error: `${error instanceof Error ? error.message : String(error)}; stderr: ${stderr.slice(-STDERR_TAIL)}` } satisfies Failed);
      }
    });
  });
}

const benchmarks: Record<string, unknown> = {};
for (const [name, file] of Object.entries(BENCHMARKS)) {
  const script = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(script)) continue;
  process.stderr.write(`bench-all: ${name} (${file})…\n`);
  benchmarks[name] = await runBenchmark(script);
}

const document = {
  node: process.version,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10 },
  date: new Date().toISOString(),
  benchmarks,
};
process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
if (Object.values(benchmarks).some((result) => typeof result === 'object' && result !== null && 'error' in result)) process.exitCode = 1;
