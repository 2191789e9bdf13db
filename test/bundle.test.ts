import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CHECK_COUNT, FULL_MARKS } from './support/bundled-lab.js';
import { REPO } from './support/cli.js';

const run = promisify(execFile);

describe('the single-file bundle', () => {
  let folder = '';
  let bundle = '';

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lab-grader-bundle-'));
    bundle = join(folder, 'lab-grader.mjs');
    await run(process.execPath, [join(REPO, 'scripts/bundle.mjs'), bundle], { cwd: REPO });
    // Alone in a folder, as a learner would have it in CloudShell: nothing else of the package beside it.
    await copyFile(join(REPO, 'fixtures/complete-lab/snapshot.json'), join(folder, 'snapshot.json'));
  });

  test('runs with plain Node, away from the package: checks and a graded snapshot', async () => {
    const checks = await run(process.execPath, [bundle, 'checks'], { cwd: folder });
    assert.match(checks.stdout, new RegExp(`\\n${CHECK_COUNT} checks, ${FULL_MARKS} points\\n`));
    const grade = await run(process.execPath, [bundle, 'grade', '--from-snapshot', 'snapshot.json', '--format', 'console,json', '--out', 'out'], { cwd: folder });
    assert.match(grade.stdout, new RegExp(`Score: ${FULL_MARKS}/${FULL_MARKS}`));
    const report = JSON.parse(await readFile(join(folder, 'out/report.json'), 'utf8')) as { score: number };
    assert.equal(report.score, FULL_MARKS);
  });

  test('reports bad input with exit 2 and no stack trace', async () => {
    await assert.rejects(run(process.execPath, [bundle, 'grade', '--format', 'pdf'], { cwd: folder }), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /pdf/);
      assert.doesNotMatch(error.stderr, /\n\s+at /);
      return true;
    });
  });
});
