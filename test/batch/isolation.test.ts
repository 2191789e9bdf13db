// One account's trouble stays that student's: a snapshot that hangs past --account-timeout, a grader bug, a
// CannotGradeError; the others are graded. A roster password reaches only its own student's probes.
// No AWS: the snapshot step is replaced by a saved snapshot stamped with the student's account.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { labBundle, loadLabSpec } from '../../checks/index.js';
import type { SnapshotTaker } from '../../src/batch/grade-student.js';
import { runBatch } from '../../src/batch/run.js';
import { CannotGradeError } from '../../src/errors.js';
import type { Snapshot } from '../../src/snapshot/types.js';

const account = (n: number): string => String(100000000000 + n);

describe('isolation between students', () => {
  let dir: string;
  let saved: Snapshot;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-grader-isolation-'));
    saved = JSON.parse(await readFile(new URL('../../fixtures/complete-lab/snapshot.json', import.meta.url), 'utf8')) as Snapshot;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a hang, a bug and a CannotGradeError are errors of their own students only', async () => {
    const roster = join(dir, 'roster.csv');
    await writeFile(
      roster,
      ['student_id,account_id,profile,password', ...[1, 2, 3, 4, 5].map((n) => `s${n},${account(n)},p${n},${n === 5 ? 'Own-Pass-5!' : ''}`)].join('\n'),
    );
    const passwords = new Map<string, string | undefined>();
    const takeSnapshot: SnapshotTaker = async (target, _lab, options) => {
      const profile = target.credentialSource.kind === 'profile' ? target.credentialSource.profile : '';
      const n = Number(profile.slice(1));
      passwords.set(profile, options.probes?.password);
      if (n === 2) return new Promise<Snapshot>(() => {});
      if (n === 3) throw new Error('boom');
      if (n === 4) throw new CannotGradeError('the credentials of p4 were refused');
      return { ...saved, identity: { state: 'found', value: { account: account(n), arn: `arn:aws:iam::${account(n)}:user/x`, userId: 'AIDA' } } };
    };
    const lab = await loadLabSpec();
    const result = await runBatch({
      rosterPath: roster,
      outDir: join(dir, 'out'),
      spec: lab,
      lab: labBundle,
      probes: { password: 'class-password' },
      instructor: {},
      concurrency: 5,
      accountTimeoutMs: 300,
      resume: false,
      force: false,
      only: null,
      shard: null,
      progress: { stream: { write: () => true }, tty: false },
      takeSnapshot,
    });
    const byId = new Map(result.record.done.map((outcome) => [outcome.student.studentId, outcome]));
    assert.equal(byId.get('s1')?.status, 'graded');
    assert.equal(byId.get('s1')?.score, 100);
    assert.equal(byId.get('s5')?.score, 100);
    assert.equal(byId.get('s2')?.error, 'timed out after 0.3 s');
    assert.equal(byId.get('s3')?.error, 'internal error: boom');
    assert.equal(byId.get('s4')?.error, 'the credentials of p4 were refused');
    assert.equal(passwords.get('p1'), 'class-password');
    assert.equal(passwords.get('p5'), 'Own-Pass-5!');
    assert.deepEqual(result.summary.errors.map((error) => error.studentId), ['s2', 's3', 's4']);
  });
});
