import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CHECK_COUNT, FULL_MARKS } from './support/bundled-lab.js';
import { noCredentialsEnv, REPO, runInProcess, runProcess } from './support/cli.js';

const COMPLETE = join(REPO, 'fixtures/complete-lab/snapshot.json');
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lab-grader-cli-'));
}

describe('lab-grader CLI', () => {
  test('--help lists every command', async () => {
    const run = await runInProcess(['--help']);
    assert.equal(run.code, 0);
    for (const command of ['grade', 'checks', 'explain', 'sandbox']) assert.match(run.stdout, new RegExp(`lab-grader ${command}`));
  });

  test('no command and unknown commands or options exit 2 with a one-paragraph message', async () => {
    for (const args of [[], ['gradee'], ['grade', '--regoin', 'us-east-1']]) {
      const run = await runInProcess(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^Error: /);
      assert.doesNotMatch(run.stderr, STACK_LINE);
    }
  });

  test('grades a saved snapshot into every format', async () => {
    const out = await tempDir();
    const run = await runInProcess(['grade', '--from-snapshot', COMPLETE, '--format', 'console,json,junit,gradescope', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${FULL_MARKS}\\s*/\\s*${FULL_MARKS}`));
    assert.deepEqual((await readdir(out)).sort(), ['junit.xml', 'report.json', 'results.json']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    assert.equal(report.score, FULL_MARKS);
    assert.equal(report.source, 'snapshot');
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
  });

  test('colours only on a terminal, and NO_COLOR turns them off', async () => {
    const tty = await runInProcess(['grade', '--from-snapshot', COMPLETE], { tty: true });
    assert.match(tty.stdout, /\u001b\[/);
    const noColor = await runInProcess(['grade', '--from-snapshot', COMPLETE], { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stdout, /\u001b\[/);
  });

  test('bad input is named, exit 2', async () => {
    const dir = await tempDir();
    const malformed = join(dir, 'lab.json');
    await writeFile(malformed, '{"id": ');
    const cases: [string[], RegExp][] = [
      [['grade', '--from-snapshot', COMPLETE, '--format', 'console,xml'], /xml/],
      [['grade', '--from-snapshot', join(dir, 'missing.json')], /missing\.json/],
      [['grade', '--from-snapshot', COMPLETE, '--region', 'us-east-1'], /--region/],
      [['grade', '--from-snapshot', COMPLETE, '--lab', malformed], /lab\.json/],
      [['grade', '--region', 'mars-north-1'], /mars-north-1/],
      [['explain', 'no-such-check'], /no-such-check/],
      [['sandbox', '--port', '70000'], /--port/],
    ];
    for (const [args, pattern] of cases) {
      const run = await runInProcess(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, pattern);
      assert.doesNotMatch(run.stderr, STACK_LINE);
      assert.equal(run.stdout, '', `${args.join(' ')} printed a report`);
    }
  });

  test('checks lists the catalogue with its points', async () => {
    const run = await runInProcess(['checks']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(`\\n${CHECK_COUNT} checks, ${FULL_MARKS} points\\n`));
    const json = await runInProcess(['checks', '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; points: number }[];
    assert.equal(rows.length, CHECK_COUNT);
    assert.equal(rows.reduce((sum, row) => sum + row.points, 0), FULL_MARKS);
  });

  test('explain shows a check and suggests ids on a typo', async () => {
    const run = await runInProcess(['explain', 'hello-get-authorized']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^hello-get-authorized: /);
    assert.match(run.stdout, /aws apigateway/);
    const typo = await runInProcess(['explain', 'authorized-hello']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /Did you mean hello-get-authorized/);
  });

  test('a live grade without credentials exits 3 with a clear message and no report', async () => {
    const out = await tempDir();
    const run = await runProcess(['grade', '--format', 'console,json', '--out', out, '--endpoint-url', 'http://127.0.0.1:9'], noCredentialsEnv());
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /^Cannot grade: .*credentials/im);
    assert.doesNotMatch(run.stderr, STACK_LINE);
    assert.equal(run.stdout, '');
    assert.deepEqual(await readdir(out), []);
  });
});
