// npm test: every test file. The heavy ones (each runs many concurrent grades against sandboxes and Lambda
// workers of its own) run after the others, one at a time: beside each other they would compete for the
// cores, and their calls' timeouts would expire on calls that are merely waiting for their turn.
import { spawnSync } from 'node:child_process';
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

function runTests(concurrency, files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
  return result.status ?? 1;
}

const parallel = runTests(PARALLEL_FILES, testFiles.filter((file) => !SERIAL.includes(file)));
const serial = runTests(1, SERIAL);
process.exit(parallel !== 0 ? parallel : serial);
