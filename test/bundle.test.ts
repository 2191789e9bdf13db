import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CHECK_COUNT, FULL_MARKS } from './support/bundled-lab.js';
import { REPO } from './support/cli.js';

const run = promisify(execFile);

describe('the single-file bundle', () => {
  let root = '';
  let folder = '';
  let bundle = '';

  before(async () => {
    // <root>/dist/lab-grader.mjs, as `npm run build` makes it, and <root>/bin/lab-grader.mjs, the package's executable.
    root = await mkdtemp(join(tmpdir(), 'lab-grader-bundle-'));
    folder = join(root, 'dist');
    bundle = join(folder, 'lab-grader.mjs');
    await run(process.execPath, [join(REPO, 'scripts/bundle.mjs'), bundle], { cwd: REPO });
    await mkdir(join(root, 'bin'));
    await copyFile(join(REPO, 'bin/lab-grader.mjs'), join(root, 'bin/lab-grader.mjs'));
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

  test("the package's executable runs the build", async () => {
    const packageJson = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(packageJson.bin['lab-grader'], 'bin/lab-grader.mjs');
    const version = await run(process.execPath, [join(root, 'bin/lab-grader.mjs'), '--version'], { cwd: root });
    assert.equal(version.stdout.trim(), packageJson.version);
    const checks = await run(process.execPath, [join(root, 'bin/lab-grader.mjs'), 'checks'], { cwd: root });
    assert.match(checks.stdout, new RegExp(`\\n${CHECK_COUNT} checks, ${FULL_MARKS} points\\n`));
  });

  test('the executable without a build says how to make one, exit 3, no stack trace', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'lab-grader-unbuilt-'));
    await mkdir(join(bare, 'bin'));
    await copyFile(join(REPO, 'bin/lab-grader.mjs'), join(bare, 'bin/lab-grader.mjs'));
    await assert.rejects(run(process.execPath, [join(bare, 'bin/lab-grader.mjs'), '--version'], { cwd: bare }), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 3);
      assert.match(error.stderr, /npm run build/);
      assert.doesNotMatch(error.stderr, /\n\s+at /);
      return true;
    });
  });
});
