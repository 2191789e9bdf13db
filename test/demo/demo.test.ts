// lab-grader demo, in-process: 100/100 and exit 0 for the reference solution, the three report files, and
// nothing left running (the sandbox's port closed, no Lambda worker); --break shows a mistake (exit 1); a
// name that is no mistake is exit 2 with the list; Ctrl-C stops the sandbox, in-process and as a real signal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { catalogue } from '../../checks/index.js';
import { MISTAKES } from '../../reference-solution/mistakes.js';
import { validateReport } from '../../src/report/json.js';
import { BIN, REPO, runInProcess, type CliRun } from '../support/cli.js';
import { failingChecks } from '../support/mistake-verdicts.js';

interface DemoRun extends CliRun {
  /** The sandbox's URL, from the progress line that names it. */
  sandboxUrl: string | null;
}

/** The demo waits for Ctrl-C only where the test asks for it (interruptWhen); never otherwise. */
async function runDemo(args: string[], interruptWhen = /(?!)/): Promise<DemoRun> {
  const run = await runInProcess(['demo', ...args], { interruptWhen });
  return { ...run, sandboxUrl: /(http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr)?.[1] ?? null };
}

/** Whether anything accepts connections at `url` (the sandbox's port after it stopped: nothing). */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This process's children (the Lambda runner's workers are among them while a sandbox runs in-process). */
async function childProcesses(): Promise<string[]> {
  const children: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (ppid === String(process.pid)) children.push(`${pid} ${(await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ')}`);
  }
  return children.sort();
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const titleOf = (id: string): string => catalogue.find((check) => check.meta.id === id)?.meta.title ?? assert.fail(`no check ${id}`);

describe('lab-grader demo', () => {
  test('grades the reference solution 100/100, exit 0, writes the three reports, and leaves nothing running', async () => {
    const before = await childProcesses();
    const out = await mkdtemp(join(tmpdir(), 'lab-grader-demo-'));
    const run = await runDemo(['--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Score: 100\/100/);
    assert.match(run.stderr, /Starting the sandbox…\nDeploying the reference solution into the sandbox at http:\/\/127\.0\.0\.1:\d+ .*\nGrading, live with the probes…\n/);
    assert.deepEqual((await readdir(out)).sort(), ['junit.xml', 'report.json', 'results.json']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(validateReport(report), []);
    assert.equal(report.score, 100);
    assert.equal(report.source, 'live');
    assert.match(await readFile(join(out, 'junit.xml'), 'utf8'), /<testsuites[^>]* failures="0"/);
    assert.equal(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')).score, 100);

    assert.ok(run.sandboxUrl, run.stderr);
    assert.equal(await listening(run.sandboxUrl), false, 'the sandbox port is closed');
    assert.deepEqual(await childProcesses(), before, 'no Lambda worker outlives the demo');
  });

  test('--break hello-get-none: the report names the failing checks, exit 1', async () => {
    const run = await runDemo(['--break', 'hello-get-none', '--format', 'console']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /Breaking it as a learner might: GET \/hello has authorization NONE \(hello-get-none\)/);
    const failing = failingChecks('hello-get-none');
    assert.ok(failing.length >= 2);
    for (const id of failing) assert.match(run.stdout, new RegExp(`✘ FAIL +\\d+/\\d+ +${escapeRegExp(titleOf(id))}`));
    assert.doesNotMatch(run.stdout, /Score: 100\/100/);
    assert.equal(await listening(run.sandboxUrl ?? assert.fail(run.stderr)), false);
  });

  test('--break list names every mistake with its title, exit 0, without starting a sandbox', async () => {
    const run = await runDemo(['--break', 'list']);
    assert.equal(run.code, 0, run.stderr);
    for (const [name, mistake] of Object.entries(MISTAKES)) assert.match(run.stdout, new RegExp(`^  ${name} +${escapeRegExp(mistake.title)}$`, 'm'));
    assert.equal(run.sandboxUrl, null);
  });

  test('an unknown mistake is exit 2, listing the names, before any sandbox starts', async () => {
    const run = await runDemo(['--break', 'no-such-mistake']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no mistake named "no-such-mistake"/);
    for (const name of Object.keys(MISTAKES)) assert.match(run.stderr, new RegExp(`^  ${name} `, 'm'));
    assert.doesNotMatch(run.stderr, /Starting the sandbox/);
  });

  test('Ctrl-C during the deploy stops the sandbox: exit 130, port closed', async () => {
    const run = await runDemo(['--format', 'console'], /Deploying/);
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /Interrupted\.\nSandbox stopped/);
    assert.equal(run.stdout, '', 'no report for an interrupted demo');
    assert.equal(await listening(run.sandboxUrl ?? assert.fail(run.stderr)), false);
  });

  test('a real SIGINT to the lab-grader process stops the sandbox too', async () => {
    const child = spawn(process.execPath, [BIN, 'demo', '--format', 'console'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const first = !/Deploying/.test(stderr);
      stderr += chunk.toString();
      // Once: a second Ctrl-C finds no handler and kills the process outright, as a shell user expects.
      if (first && /Deploying/.test(stderr)) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130, stderr);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1] ?? assert.fail(stderr);
    assert.equal(await listening(url), false);
  });
});
