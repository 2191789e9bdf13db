// A class of 200 accounts in assorted states, graded at concurrency 16: each student's status follows from its
// account's state, students in the same state get the same verdicts, and the class outputs count them all.
// The class generator takes any list of account setups (the mistake matrix can be added to KINDS).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../src/batch/csv.js';
import { readOutcomes } from '../../src/batch/journal.js';
import type { StudentOutcome } from '../../src/batch/outcome.js';
import type { ClassSummary } from '../../src/batch/summary.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { setEnv } from '../collect/support/env.js';
import { apiWithoutMethods, buildAccounts, completeLab, emptyAccount, generateClass, gradingRole, INSTRUCTOR_ACCOUNT, userPoolOnly, writeRoster } from './support/class.js';
import { runCliUninterrupted } from './support/cli.js';

const SIZE = 200;
// Mostly cheap states: a user pool costs the sandbox a key pair, and a fresh API without a working stage makes
// the probes wait out API Gateway's propagation retries.
const KINDS = [
  ...Array.from({ length: 6 }, () => ({ kind: 'empty', setups: (externalId: string) => [gradingRole(externalId), emptyAccount] })),
  ...Array.from({ length: 4 }, () => ({ kind: 'no-role', setups: () => [] })),
  ...Array.from({ length: 4 }, () => ({ kind: 'wrong-external-id', setups: (externalId: string) => [gradingRole(externalId)], wrongExternalId: true })),
  ...Array.from({ length: 4 }, () => ({ kind: 'api-only', setups: (externalId: string) => [gradingRole(externalId), apiWithoutMethods] })),
  { kind: 'pool-only', setups: (externalId: string) => [gradingRole(externalId), userPoolOnly] },
  { kind: 'complete', setups: (externalId: string) => [gradingRole(externalId), completeLab()] },
];
const ERROR_KINDS = new Set(['no-role', 'wrong-external-id']);

describe(`a class of ${SIZE} accounts`, () => {
  const students = generateClass(SIZE, KINDS);
  let sandbox: RunningSandbox;
  let work: string;
  let restoreEnv: () => void;
  let run: { code: number; stdout: string; stderr: string };
  let outcomes: Map<string, StudentOutcome>;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-large-'));
    sandbox = await startSandbox({ port: 0 });
    await buildAccounts(sandbox, students);
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
    run = await runCliUninterrupted(['batch', await writeRoster(work, students), '--out', join(work, 'out'), '--endpoint-url', sandbox.url, '--concurrency', '16']);
    outcomes = await readOutcomes(join(work, 'out'));
  });
  after(async () => {
    restoreEnv?.();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("every student's status follows from the account's state", () => {
    assert.equal(run.code, 3, run.stderr.slice(-2000));
    assert.equal(outcomes.size, SIZE);
    for (const student of students) {
      const outcome = outcomes.get(student.studentId);
      assert.equal(outcome?.status, ERROR_KINDS.has(student.kind) ? 'error' : 'graded', `${student.studentId} (${student.kind}): ${outcome?.error}`);
      if (student.kind === 'complete') assert.equal(outcome?.score, outcome?.maxScore, student.studentId);
      if (student.kind === 'empty') assert.equal(outcome?.score, 0, student.studentId);
    }
  });

  test('students in the same state get the same verdicts (no interference between concurrent accounts)', () => {
    const verdicts = new Map<string, Set<string>>();
    for (const student of students) {
      const set = verdicts.get(student.kind) ?? new Set<string>();
      set.add(JSON.stringify(outcomes.get(student.studentId)?.checks));
      verdicts.set(student.kind, set);
    }
    for (const [kind, set] of verdicts) assert.equal(set.size, 1, kind);
    assert.equal(new Set([...verdicts.values()].map((set) => [...set][0])).size, 5, 'graded kinds differ from each other; errors have none');
  });

  test('the gradebook and the summary count every student', async () => {
    const rows = parseCsv(await readFile(join(work, 'out', 'gradebook.csv'), 'utf8')).records.slice(1);
    assert.equal(rows.length, SIZE);
    const summary = JSON.parse(await readFile(join(work, 'out', 'summary.json'), 'utf8')) as ClassSummary;
    const expectedErrors = students.filter((student) => ERROR_KINDS.has(student.kind)).length;
    assert.deepEqual(
      { graded: summary.counts.graded, error: summary.counts.error, fullMarks: summary.counts.fullMarks },
      { graded: SIZE - expectedErrors, error: expectedErrors, fullMarks: students.filter((student) => student.kind === 'complete').length },
    );
  });
});
