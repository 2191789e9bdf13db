// lab-grader demo --class N: sandbox accounts with the grading role and a mix of mistakes, graded by the batch
// into <out>/class-demo, the sandbox stopped afterwards; a class size out of range is refused before anything starts.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../src/batch/csv.js';
import { readOutcomes } from '../../src/batch/journal.js';
import { MAX_DEMO_CLASS } from '../../src/demo/index.js';
import { runInProcess, type CliRun } from '../support/cli.js';

const NEVER = /(?!)/;

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

describe('lab-grader demo --class', () => {
  let out: string;
  let run: CliRun;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'lab-grader-demo-class-'));
    run = await runInProcess(['demo', '--class', '5', '--out', out], { interruptWhen: NEVER });
  });
  after(() => rm(out, { recursive: true, force: true }));

  test('grades a class with full marks, mistakes and a student who cannot be graded, and says why', async () => {
    // Exit 3: one student could not be graded (the roster's ExternalId is wrong).
    assert.equal(run.code, 3, run.stderr);
    const classDir = join(out, 'class-demo');
    const outcomes = await readOutcomes(classDir);
    assert.deepEqual([...outcomes.keys()].sort(), ['s01', 's02', 's03', 's04', 's05']);
    assert.equal(outcomes.get('s01')?.score, outcomes.get('s01')?.maxScore, 'the complete lab: full marks');
    for (const id of ['s02', 's04', 's05']) {
      const outcome = outcomes.get(id);
      assert.equal(outcome?.status, 'graded', `${id}: ${outcome?.error}`);
      assert.ok((outcome?.score ?? 100) < (outcome?.maxScore ?? 0), `${id} has a mistake`);
    }
    assert.equal(
      outcomes.get('s03')?.cause,
      'could not assume arn:aws:iam::100000000003:role/LabGraderReadOnly: AccessDenied (the role does not exist, does not trust your account, or wants another ExternalId)',
    );
    assert.match(run.stdout, /^s03 +Student 3 +- +error: could not assume arn:aws:iam::100000000003:role\/LabGraderReadOnly: AccessDenied/m);
    // The roster it wrote, and every class output beside it.
    const roster = parseCsv(await readFile(join(classDir, 'roster.csv'), 'utf8')).records.map((record) => record.fields);
    assert.deepEqual(roster[0], ['student_id', 'name', 'account_id', 'role_arn', 'external_id']);
    assert.equal(roster.length, 6);
    for (const file of ['gradebook.csv', 'summary.json', 'summary.html', 'junit.xml', 'students/s01/report.json', 'students/s03/error.txt']) {
      await stat(join(classDir, file));
    }
    assert.match(run.stderr, /summary\.html/);
    // The sandbox is gone at the end: no "regrade with --only" that could not work.
    assert.match(run.stderr, /1 student could not be graded \(the reason in full: students\/<id>\/error\.txt\)\n/);
  });

  test('the sandbox is stopped at the end', async () => {
    const url = /Sandbox stopped \((http:\/\/127\.0\.0\.1:\d+) is closed\)/.exec(run.stderr)?.[1];
    assert.ok(url, run.stderr);
    assert.equal(await listening(url), false);
  });

  test('a class size out of range, or with --break, is refused before a sandbox starts', async () => {
    for (const args of [['--class', '0'], ['--class', String(MAX_DEMO_CLASS + 1)], ['--class', 'many'], ['--class', '2', '--break', 'hello-get-none']]) {
      const refused = await runInProcess(['demo', ...args, '--out', out], { interruptWhen: NEVER });
      assert.equal(refused.code, 2, `${args.join(' ')}: ${refused.stderr}`);
      assert.match(refused.stderr, /--class/);
      assert.doesNotMatch(refused.stderr, /Starting the sandbox/);
    }
  });
});
