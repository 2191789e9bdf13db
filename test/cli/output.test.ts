// Where `lab-grader grade` writes, graded from saved snapshots in-process: one report on stdout and nothing else
// there (--out -, --output), --quiet, the colour switches and variables, and the saved snapshot's path.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runInProcess, type InProcessOptions } from '../support/cli.js';

const COMPLETE = 'fixtures/complete-lab/snapshot.json';
const BROKEN = 'fixtures/hello-get-none/snapshot.json';
const SGR = /\x1b\[/;

const scratch = await mkdtemp(join(tmpdir(), 'lab-grader-output-'));
after(() => rm(scratch, { recursive: true, force: true }));

const grade = (snapshot: string, args: string[], options?: InProcessOptions) => runInProcess(['grade', '--from-snapshot', snapshot, ...args], options);

describe('one report on stdout', () => {
  test('--format json --out - and --output json print the JSON report alone, and write no file', async () => {
    for (const args of [['--format', 'json', '--out', '-'], ['--output', 'json'], ['--out=-', '--format=JSON']]) {
      const run = await grade(COMPLETE, args);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as { score: number; target: { region: string } };
      assert.equal(report.score, 100, args.join(' '));
      assert.equal(run.stderr, '', `${args.join(' ')}: nothing to say on stderr`);
    }
  });

  test('any one format can go to stdout: junit, gradescope, and the console report itself', async () => {
    assert.match((await grade(COMPLETE, ['--output', 'junit'])).stdout, /^<\?xml[^]*<\/testsuites>\n?$/);
    assert.ok('tests' in JSON.parse((await grade(COMPLETE, ['--format', 'gradescope', '--out', '-'])).stdout));
    assert.match((await grade(COMPLETE, ['--out', '-'])).stdout, /^Score: 100\/100$/m);
  });

  test('two reports for stdout, or --output beside --format/--out, are input errors (exit 2) that print nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'console,json', '--out', '-'], /--out - prints one report on stdout, but 2 formats were asked for \(console, json\)/],
      [['--output', 'json,junit'], /--output prints one report on stdout, but 2 formats/],
      [['--output', 'json', '--format', 'junit'], /--output prints one report on stdout in place of --format and --out/],
      [['--output', 'json', '--out', scratch], /in place of --format and --out/],
      [['--output', 'yaml'], /Unknown report format "yaml"/],
    ];
    for (const [args, message] of cases) {
      const run = await grade(COMPLETE, args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });

  test('with a folder, the console report stays on stdout and the notes of what was written go to stderr', async () => {
    const out = join(scratch, 'folder');
    const run = await grade(COMPLETE, ['--format', 'console,json', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Score: 100\/100$/m);
    assert.doesNotMatch(run.stdout, /Wrote/);
    assert.equal(run.stderr, `Wrote the json report to ${join(out, 'report.json')}\n`);
  });
});

describe('--quiet', () => {
  test('shows the checks that did not pass and the score, nothing that passed, no notes on stderr', async () => {
    const full = await grade(BROKEN, []);
    const out = join(scratch, 'quiet');
    const quiet = await grade(BROKEN, ['--quiet', '--format', 'console,json', '--out', out]);
    assert.equal(quiet.code, full.code);
    assert.equal(quiet.code, 1);
    assert.match(full.stdout, /✔ PASS/);
    assert.doesNotMatch(quiet.stdout, /✔ PASS/);
    assert.match(quiet.stdout, /✘ FAIL/);
    assert.match(quiet.stdout, /^Fix: |^\s+Fix: /m);
    assert.match(quiet.stdout, /^Score: \d+\/100$/m);
    const marks = (stdout: string): string[] => stdout.split('\n').filter((line) => /^  [✘⊘!] /.test(line));
    assert.deepEqual(marks(quiet.stdout), marks(full.stdout), 'every check that did not pass, in order');
    assert.equal(quiet.stderr, '');
    assert.deepEqual(await readdir(out), ['report.json'], 'the files are still written');
  });

  test('a lab that passes leaves only the score (-q)', async () => {
    const run = await grade(COMPLETE, ['-q']);
    assert.equal(run.stdout, 'Score: 100/100\n28 passed · 0 failed · 0 blocked · 0 could not be checked\n');
  });
});

describe('colour', () => {
  const colored = async (args: string[], options: InProcessOptions): Promise<boolean> => SGR.test((await grade(COMPLETE, args, options)).stdout);

  test('on a terminal by default; NO_COLOR set and non-empty turns it off, an empty NO_COLOR does not', async () => {
    assert.equal(await colored([], { tty: true }), true);
    assert.equal(await colored([], { tty: false }), false);
    assert.equal(await colored([], { tty: true, env: { NO_COLOR: '1' } }), false);
    assert.equal(await colored([], { tty: true, env: { NO_COLOR: '' } }), true);
    assert.equal(await colored([], { tty: true, env: { TERM: 'dumb' } }), false);
  });

  test('FORCE_COLOR colours a pipe (set, even empty), except FORCE_COLOR=0 or false, which turn colour off', async () => {
    for (const value of ['1', '2', '3', 'true', '']) assert.equal(await colored([], { tty: false, env: { FORCE_COLOR: value } }), true, `FORCE_COLOR=${value}`);
    for (const value of ['0', 'false']) assert.equal(await colored([], { tty: true, env: { FORCE_COLOR: value } }), false, `FORCE_COLOR=${value}`);
    assert.equal(await colored([], { tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), true, 'FORCE_COLOR is the more specific ask');
  });

  test('--color and --no-color decide over both variables', async () => {
    assert.equal(await colored(['--color'], { tty: false, env: { NO_COLOR: '1' } }), true);
    assert.equal(await colored(['--no-color'], { tty: true, env: { FORCE_COLOR: '1' } }), false);
  });
});

test('--save-snapshot says on stderr where it wrote', async () => {
  const path = join(scratch, 'saved.json');
  const run = await grade(COMPLETE, ['--save-snapshot', path]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, `Saved the snapshot to ${path}\n`);
  assert.equal(JSON.parse(await readFile(path, 'utf8')).lab.id, JSON.parse(await readFile(COMPLETE, 'utf8')).lab.id);
});
