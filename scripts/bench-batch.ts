// npm run bench:batch: students graded per second at several concurrencies, against a sandbox that adds 50 ms
// to every AWS call (no throttling, no errors), and the grader's peak memory for two class sizes. The sandbox
// runs in a child process so that the memory measured is the grader's alone. Loopback only; prints one JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { labBundle, loadLabSpec } from '../checks/index.js';
import { runBatch } from '../src/batch/run.js';
import type { LabSpec } from '../src/lab/types.js';
import { startSandbox, type RunningSandbox } from '../src/sandbox/index.js';
import { buildAccounts, completeLab, emptyAccount, generateClass, gradingRole, INSTRUCTOR_ACCOUNT, writeRoster } from '../test/batch/support/class.js';

const LATENCY_MS = 50;
const THROUGHPUT_CLASS = 48;
const CONCURRENCIES = [1, 4, 16, 64];
const MEMORY_CLASSES = [50, 200];
const MEMORY_CONCURRENCY = 16;
const RSS_SAMPLE_MS = 25;

/** Child mode: serve the sandbox and print its URL. */
async function serveSandbox(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, fidelity: { faults: { seed: 1, latencyMs: LATENCY_MS, throttleRate: 0, errorRate5xx: 0 } } });
  process.stdout.write(`${sandbox.url}\n`);
  process.once('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
}

function startSandboxProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-sandbox'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code})`)));
    child.stdout?.once('data', (chunk: Buffer) => resolve({ child, url: chunk.toString().trim() }));
  });
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function gradeClass(lab: LabSpec, url: string, roster: string, out: string, concurrency: number): Promise<{ seconds: number; peakRss: number; graded: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), RSS_SAMPLE_MS);
  const started = performance.now();
  try {
    const result = await runBatch({
      rosterPath: roster,
      outDir: out,
      spec: lab,
      lab: labBundle,
      probes: { password: lab.password },
      instructor: { endpointUrl: url },
      concurrency,
      accountTimeoutMs: 120_000,
      resume: false,
      force: true,
      only: null,
      shard: null,
      progress: { stream: { write: () => true }, tty: false },
    });
    return { seconds: (performance.now() - started) / 1000, peakRss, graded: result.gradedNow };
  } finally {
    clearInterval(sampler);
  }
}

async function bench(): Promise<void> {
  const { child, url } = await startSandboxProcess();
  const work = await mkdtemp(join(tmpdir(), 'lab-grader-bench-'));
  process.env.AWS_ACCESS_KEY_ID = INSTRUCTOR_ACCOUNT;
  process.env.AWS_SECRET_ACCESS_KEY = 'x';
  try {
    const lab = await loadLabSpec();
    const sandbox = { url } as RunningSandbox;
    // One complete lab in eight (with probes, like a real class), the rest empty accounts with the grading role.
    const mixed = generateClass(THROUGHPUT_CLASS, [
      { kind: 'complete', setups: (externalId) => [gradingRole(externalId), completeLab()] },
      ...Array.from({ length: 7 }, () => ({ kind: 'empty', setups: (externalId: string) => [gradingRole(externalId), emptyAccount] })),
    ]);
    await buildAccounts(sandbox, mixed);
    const mixedRoster = await writeRoster(work, mixed, 'mixed.csv');
    const throughput = [];
    for (const concurrency of CONCURRENCIES) {
      const run = await gradeClass(lab, url, mixedRoster, join(work, `c${concurrency}`), concurrency);
      throughput.push({ concurrency, students: run.graded, seconds: Math.round(run.seconds * 100) / 100, studentsPerSecond: Math.round((run.graded / run.seconds) * 100) / 100 });
    }

    const largest = generateClass(Math.max(...MEMORY_CLASSES), [{ kind: 'empty', setups: (externalId) => [gradingRole(externalId), emptyAccount] }]);
    // Its first accounts are the throughput class's (same ids, same ExternalIds): only the rest are new.
    await buildAccounts(sandbox, largest.slice(THROUGHPUT_CLASS));
    const memory = [];
    for (const size of MEMORY_CLASSES) {
      const roster = await writeRoster(work, largest.slice(0, size), `class-${size}.csv`);
      const baseline = process.memoryUsage().rss;
      const run = await gradeClass(lab, url, roster, join(work, `m${size}`), MEMORY_CONCURRENCY);
      memory.push({ students: run.graded, concurrency: MEMORY_CONCURRENCY, baselineRssMb: mb(baseline), peakRssMb: mb(run.peakRss), seconds: Math.round(run.seconds * 100) / 100 });
    }
    const result = {
      sandbox: { latencyMsPerCall: LATENCY_MS, throttleRate: 0, errorRate5xx: 0 },
      throughput: { class: `${THROUGHPUT_CLASS} students, 1 in 8 a complete lab (probes on), the rest empty`, runs: throughput },
      memory: { class: `the ${THROUGHPUT_CLASS} above, then empty accounts with the grading role`, sampledEveryMs: RSS_SAMPLE_MS, runs: memory },
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    child.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve-sandbox')) await serveSandbox();
else await bench();
