// --shard i/n splits a roster deterministically; "lab-grader merge" of the shards equals the unsharded batch,
// and refuses shards missing or given twice, students in two folders, students without a result.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';
import { InputError } from '../../src/errors.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { setEnv } from '../collect/support/env.js';
import { buildAccounts, completeLab, emptyAccount, generateClass, gradingRole, INSTRUCTOR_ACCOUNT, userPoolOnly, writeRoster } from './support/class.js';
import { runCliUninterrupted } from './support/cli.js';

const CLASS = generateClass(12, [
  { kind: 'complete', setups: (externalId) => [gradingRole(externalId), completeLab()] },
  { kind: 'empty', setups: (externalId) => [gradingRole(externalId), emptyAccount] },
  { kind: 'partial', setups: (externalId) => [gradingRole(externalId), userPoolOnly] },
  { kind: 'no-role', setups: () => [] },
]);

// Per-student JUnit files carry the time each was graded and how long it took.
const withoutTimestamps = (xml: string): string => xml.replace(/ (timestamp|time)="[^"]*"/g, '');

describe('--shard', () => {
  test('the shards of a roster are disjoint, cover it, and do not depend on row order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (ids, count) => {
        const students = ids.map((studentId) => ({ studentId }));
        const parts = Array.from({ length: count }, (_, i) => inShard(students, { index: i + 1, count }).map((s) => s.studentId));
        assert.deepEqual(parts.flat().sort(), [...ids].sort());
        for (const id of ids) assert.equal(shardOf(id, count), shardOf(id, count));
        const reversed = inShard([...students].reverse(), { index: 1, count }).map((s) => s.studentId);
        assert.deepEqual(reversed.sort(), [...(parts[0] ?? [])].sort());
      }),
    );
  });

  test('i/n is validated', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1-4', '']) assert.throws(() => parseShard(bad), InputError, bad);
  });
});

describe('lab-grader merge', () => {
  let sandbox: RunningSandbox;
  let work: string;
  let roster: string;
  let restoreEnv: () => void;
  const batch = (out: string, ...extra: string[]) => runCliUninterrupted(['batch', roster, '--out', out, '--endpoint-url', sandbox.url, ...extra]);
  const shardDir = (i: number) => join(work, `shard-${i}`);

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-merge-'));
    sandbox = await startSandbox({ port: 0 });
    await buildAccounts(sandbox, CLASS);
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
    roster = await writeRoster(work, CLASS);
    assert.equal((await batch(join(work, 'whole'))).code, 3);
    for (const i of [1, 2, 3]) {
      const shard = await batch(shardDir(i), '--shard', `${i}/3`);
      assert.notEqual(shard.code, 2, shard.stderr);
    }
  });
  after(async () => {
    restoreEnv?.();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('merging the shards gives the gradebook, summary and JUnit of the unsharded batch', async () => {
    const merged = join(work, 'merged');
    const run = await runCliUninterrupted(['merge', shardDir(3), shardDir(1), shardDir(2), '--out', merged]);
    assert.equal(run.code, 3, run.stderr);
    for (const file of ['gradebook.csv', 'summary.json']) {
      assert.equal(await readFile(join(merged, file), 'utf8'), await readFile(join(work, 'whole', file), 'utf8'), file);
    }
    assert.equal(withoutTimestamps(await readFile(join(merged, 'junit.xml'), 'utf8')), withoutTimestamps(await readFile(join(work, 'whole', 'junit.xml'), 'utf8')));
    const again = await runCliUninterrupted(['merge', shardDir(1), shardDir(2), shardDir(3), '--out', merged]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already holds a batch.*--force/);
    assert.equal((await runCliUninterrupted(['merge', shardDir(1), shardDir(2), shardDir(3), '--out', merged, '--force'])).code, 3);
  });

  test('refuses a missing shard, a shard given twice, a mix with a whole batch, the output among the inputs', async () => {
    const cases: [string[], RegExp][] = [
      [[shardDir(1), shardDir(2)], /Shard 3\/3 is missing: grade it with --shard 3\/3/],
      [[shardDir(1), shardDir(2), shardDir(2), shardDir(3)], /Shard 2\/3 is given twice/],
      [[join(work, 'whole'), shardDir(1)], /Some folders hold shards and some do not/],
      [[shardDir(1), join(work, 'nothing-here')], /nothing-here holds no batch/],
    ];
    for (const [dirs, expected] of cases) {
      const run = await runCliUninterrupted(['merge', ...dirs, '--out', join(work, 'refused')]);
      assert.equal(run.code, 2, dirs.join(' '));
      assert.match(run.stderr, expected);
    }
    const into = await runCliUninterrupted(['merge', shardDir(1), shardDir(2), '--out', shardDir(2)]);
    assert.match(into.stderr, /is one of the folders being merged/);
  });

  test('refuses students in two folders, and students without a result', async () => {
    const copy = join(work, 'whole-copy');
    await cp(join(work, 'whole'), copy, { recursive: true });
    const twice = await runCliUninterrupted(['merge', join(work, 'whole'), copy, '--out', join(work, 'overlap')]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /Students in more than one folder: s0001 \(.*whole and .*whole-copy\)/);
    const unfinished = join(work, 'shard-2-unfinished');
    await cp(shardDir(2), unfinished, { recursive: true });
    const [first] = inShard(CLASS, { index: 2, count: 3 });
    await rm(join(unfinished, 'students', first?.studentId ?? '', 'outcome.json'));
    const missing = await runCliUninterrupted(['merge', shardDir(1), unfinished, shardDir(3), '--out', join(work, 'missing')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, new RegExp(`has no result for 1 student \\(${first?.studentId}\\).*--resume --out`));
  });
});
