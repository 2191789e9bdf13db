// npm run bench (process): `lab-grader grade` as a learner runs it, a whole process from start to exit (the
// shipped single-file build through bin/lab-grader.mjs), against a sandbox with the reference solution deployed;
// beside it, on the same sandbox in the same run, a bash script that checks the same facts with one AWS CLI call
// each, in sequence (scripts/bench-check-facts.sh). Prints one JSON document with both medians and their ratio.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { deployReferenceSolution } from '../reference-solution/deploy/index.js';
import { referenceConfigFor } from '../src/demo/index.js';
import { startSandbox } from '../src/sandbox/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 5);
const ACCOUNT = '555555555555';
const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin/lab-grader.mjs');
const CHECK_SCRIPT = join(REPO, 'scripts/bench-check-facts.sh');
/** AWS CLI v2 where the machine has it (Debian's package), else whatever `aws` is on PATH. */
const AWS_CLI = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const round = (ms: number): number => Math.round(ms);

/** Runs a command to its exit; its wall time in ms, or an error with the end of its stderr. */
function timed(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: REPO, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-1_000)}`));
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'lab-grader-bench-process-'));
const sandbox = await startSandbox({ port: 0 });
try {
  // What `npm run build` makes, from the sources as they are now.
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: REPO, stdio: 'ignore' });
  await deployReferenceSolution(referenceConfigFor({ endpoint: sandbox.url, accountId: ACCOUNT }));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: ACCOUNT,
    AWS_SECRET_ACCESS_KEY: 'sandbox',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const out = join(dir, 'reports');
  const grade = () => timed(process.execPath, [BIN, 'grade', '--endpoint-url', sandbox.url, '--format', 'json', '--out', out], env);
  const checkScript = () =>
    timed('bash', [CHECK_SCRIPT], { ...env, AWS: AWS_CLI, ENDPOINT: sandbox.url, STAGE_BASE: `${sandbox.url}/_aws/execute-api` });

  // One of each first, untimed: the Lambda function's first start and the disk cache are not what is measured.
  await grade();
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { score: number; completeness: string };
  if (report.score !== 100) throw new Error(`the grade scored ${report.score}, not 100: the bench measures the complete lab`);
  await checkScript();

  const [loadBefore = 0] = loadavg();
  // Alternated, so that a busy moment of the machine falls on both.
  const grades: number[] = [];
  const scripts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    grades.push(await grade());
    scripts.push(await checkScript());
  }
  const gradeMedian = median(grades);
  const scriptMedian = median(scripts);
  const awsVersion = execFileSync(AWS_CLI, ['--version'], { encoding: 'utf8' }).trim();
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'process',
        what: 'wall time of whole processes against the sandbox (the reference solution deployed): lab-grader grade (process start included) beside a bash script checking the same facts with one AWS CLI call each, in sequence',
        node: process.version,
        runs: RUNS,
        // Whole processes on a shared machine: the load they ran under says how far the figures are from a quiet one.
        loadAverage1m: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadavg()[0]! * 10) / 10 },
        grade: {
          command: 'node bin/lab-grader.mjs grade --endpoint-url <sandbox> --format json (the single-file build, dist/lab-grader.mjs)',
          score: report.score,
          medianMs: round(gradeMedian),
          // The fastest run is the closest to a quiet machine's figure.
          minMs: round(Math.min(...grades)),
          allMs: grades.map(round),
          goalMs: 900,
          underGoal: gradeMedian < 900,
        },
        awsCliScript: {
          command: 'bash scripts/bench-check-facts.sh: 17 AWS CLI calls and 4 curl calls, in sequence',
          awsCli: { path: AWS_CLI, version: awsVersion },
          medianMs: round(scriptMedian),
          minMs: round(Math.min(...scripts)),
          allMs: scripts.map(round),
        },
        scriptOverGrade: Math.round((scriptMedian / gradeMedian) * 10) / 10,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
}
