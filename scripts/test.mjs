// npm test: every test file. The heavy ones (each runs many concurrent grades against sandboxes and Lambda
// workers of its own) run after the others, one at a time: beside each other they would compete for the
// cores, and their calls' timeouts would expire on calls that are merely waiting for their turn.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SERIAL = [
  'test/faults/matrix.test.ts',
  'test/faults/batch.test.ts',
  'test/matrix/mistakes.test.ts',
  'test/batch/large-class.test.ts',
  'test/load/load.test.ts',
];
const PARALLEL_FILES = 4;

const missing = SERIAL.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`scripts/test.mjs: ${missing.join(', ')} not found: update its SERIAL list.`);
  process.exit(2);
}

const testFiles = ['src', 'test', 'checks']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((file) => join(dir, String(file))))
  .filter((file) => file.endsWith('.test.ts'))
  .sort();

/** Runs one node --test over `files`, passing its output through, and reads its closing counts. */
function runTests(concurrency, files) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4096);
    });
    child.on('close', (code) => {
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tail)?.[1] ?? 0);
      resolve({ status: code ?? 1, passed: count('pass'), failed: count('fail'), skipped: count('skipped') });
    });
  });
}

const parallel = await runTests(PARALLEL_FILES, testFiles.filter((file) => !SERIAL.includes(file)));
const serial = await runTests(1, SERIAL);
// One closing line for both runs, so that the whole suite's counts are the last thing printed.
const runs = [parallel, serial];
const total = (key) => runs.reduce((sum, run) => sum + run[key], 0);
console.log(`\ntotal: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(parallel.status !== 0 ? parallel.status : serial.status);
