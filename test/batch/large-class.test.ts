// A class of 200 accounts in assorted states (the complete lab, every mistake of the matrix, partial labs,
// nothing done, the role missing, a wrong ExternalId) graded with one `lab-grader batch`: each student's result
// equals grading that account alone, and the gradebook and summary agree with the outcomes and each other.
// The same class is then graded by a real child process killed (SIGKILL) or stopped (SIGINT) at a random,
// seeded moment and finished with --resume: the same gradebook, and no student graded twice.
// LARGE_CLASS_SEED=<n> replays a run's interruption moments (each run prints its seed).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { catalogue, loadLabSpec } from '../../checks/index.js';
import { MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { parseCsv } from '../../src/batch/csv.js';
import { readOutcomes } from '../../src/batch/journal.js';
import type { StudentOutcome } from '../../src/batch/outcome.js';
import type { ClassSummary } from '../../src/batch/summary.js';
import type { GradeResult } from '../../src/engine/types.js';
import { CannotGradeError } from '../../src/errors.js';
import type { LabSpec } from '../../src/lab/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { setEnv } from '../collect/support/env.js';
import { noCredentialsEnv } from '../support/cli.js';
import { failingChecks } from '../support/mistake-verdicts.js';
import {
  apiWithoutMethods,
  buildAccounts,
  completeLab,
  emptyAccount,
  forEachConcurrently,
  functionOnly,
  generateClass,
  gradingRole,
  INSTRUCTOR_ACCOUNT,
  mistakenLab,
  spreadKinds,
  userPoolOnly,
  writeRoster,
  type AccountKind,
  type AccountSetup,
} from './support/class.js';
import { runCliUninterrupted, startCliProcess, type CliProcess } from './support/cli.js';
import { gradeAlone } from './support/grade-alone.js';
import { gradesPerAccount, readRequestLog } from './support/request-log.js';

const OWN_PASSWORD = 'Own-Secret-Pass-7!';
const withRole = (kind: string, ...setups: AccountSetup[]): AccountKind => ({ kind, setups: (externalId) => [gradingRole(externalId), ...setups] });
// A user pool costs the sandbox ~0.7 s of CPU for its two RSA keys, so a deployment ~1 s: the reference
// solution and each mistake once, the bulk of the class cheap states (~15-50 ms each).
const KINDS = spreadKinds([
  [withRole('complete', completeLab()), 1],
  [{ ...withRole('complete-own-password', completeLab(OWN_PASSWORD)), password: OWN_PASSWORD }, 1],
  ...(Object.keys(MISTAKES) as MistakeName[]).map((name) => [withRole(`mistake:${name}`, mistakenLab(name)), 1] as const),
  [withRole('nothing-done', emptyAccount), 67],
  [withRole('function-only', functionOnly), 30],
  [withRole('api-only', apiWithoutMethods), 20],
  [withRole('pool-only', userPoolOnly), 1],
  [{ kind: 'role-missing', setups: () => [] }, 30],
  [{ kind: 'wrong-external-id', setups: (externalId) => [gradingRole(externalId)], wrongExternalId: true }, 30],
]);
const SIZE = KINDS.length;
const ERROR_KINDS = new Set(['role-missing', 'wrong-external-id']);
const CONCURRENCY = '16';
/** The instructor's credentials, and nothing of this machine's AWS configuration. */
const INSTRUCTOR_ENV = { ...noCredentialsEnv(), AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x' };

const SEED = Number(process.env.LARGE_CLASS_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** A whole number in [min, max], the same for the same seed and label. */
function seededBetween(label: string, min: number, max: number): number {
  const draw = Number.parseInt(createHash('sha256').update(`${SEED}:${label}`).digest('hex').slice(0, 8), 16);
  return min + (draw % (max - min + 1));
}

/** The non-TTY progress prints one `[done/total]` line per student once its outcome.json is written. */
const finishedSoFar = (stderr: string): number => stderr.match(/^\[\d+\/\d+\] /gm)?.length ?? 0;

/** What a student's grade says, check by check: from the batch's outcome and report, or from a grade alone. */
type Verdict = { score: number | null; checks: Record<string, string> } | { error: string };

const verdictOf = (result: GradeResult): Verdict => ({
  score: result.score,
  checks: Object.fromEntries(result.checks.map((check) => [check.id, `${check.status} ${check.messageId}`])),
});

describe(`a class of ${SIZE} accounts`, () => {
  const students = generateClass(SIZE, KINDS);
  const children = new Set<CliProcess>();
  let sandbox: RunningSandbox;
  let lab: LabSpec;
  let work: string;
  let roster: string;
  let requestLog: string;
  let restoreEnv: () => void;
  let run: { code: number; stdout: string; stderr: string };
  let out: string;
  let outcomes: Map<string, StudentOutcome>;

  const batchArgs = (outDir: string, ...extra: string[]): string[] =>
    ['batch', roster, '--out', outDir, '--endpoint-url', sandbox.url, '--concurrency', CONCURRENCY, ...extra];

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-large-'));
    requestLog = join(work, 'requests.jsonl');
    sandbox = await startSandbox({ port: 0, requestLogFile: requestLog, signingKeys: 'shared' });
    lab = await loadLabSpec();
    await buildAccounts(sandbox, students);
    restoreEnv = setEnv({ ...INSTRUCTOR_ENV, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
    roster = await writeRoster(work, students);
    out = join(work, 'uninterrupted');
    run = await runCliUninterrupted(batchArgs(out));
    outcomes = await readOutcomes(out);
  });
  after(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all([...children].map(({ exited }) => exited.catch(() => undefined)));
    restoreEnv?.();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("every student's status follows from the account's state", () => {
    assert.equal(run.code, 3, run.stderr.slice(-2000));
    assert.equal(outcomes.size, SIZE);
    for (const student of students) {
      const outcome = outcomes.get(student.studentId);
      const label = `${student.studentId} (${student.kind}): ${outcome?.error}`;
      assert.equal(outcome?.status, ERROR_KINDS.has(student.kind) ? 'error' : 'graded', label);
      if (student.kind.startsWith('complete')) assert.equal(outcome?.score, outcome?.maxScore, label);
      if (student.kind === 'nothing-done') assert.equal(outcome?.score, 0, label);
      const failing = student.kind.startsWith('mistake:') ? failingChecks(student.kind.slice('mistake:'.length) as MistakeName) : [];
      for (const checkId of failing) assert.equal(outcome?.checks[checkId], 'FAIL', `${label} ${checkId}`);
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
  });

  test("every student's result equals grading that account alone (the same checks, messageIds and score)", async () => {
    const inBatch = new Map<string, Verdict>();
    const alone = new Map<string, Verdict>();
    await forEachConcurrently(students, 8, async (student) => {
      const outcome = outcomes.get(student.studentId) as StudentOutcome;
      if (outcome.status === 'error') {
        inBatch.set(student.studentId, { error: outcome.error ?? '' });
      } else {
        const report = JSON.parse(await readFile(join(out, 'students', student.studentId, 'report.json'), 'utf8')) as GradeResult;
        assert.deepEqual(Object.fromEntries(report.checks.map((check) => [check.id, check.status])), outcome.checks, `${student.studentId}: outcome.json and report.json`);
        inBatch.set(student.studentId, verdictOf(report));
      }
      alone.set(
        student.studentId,
        await gradeAlone(sandbox, student, lab).then(verdictOf, (error: unknown) =>
          // Only a CannotGradeError is an account the grader cannot grade; anything else shows as itself.
          ({ error: error instanceof CannotGradeError ? error.message : `not a CannotGradeError: ${String(error)}` }),
        ),
      );
    });
    const sorted = (verdicts: Map<string, Verdict>) => new Map([...verdicts].sort(([a], [b]) => a.localeCompare(b)));
    assert.deepEqual(sorted(inBatch), sorted(alone));
    assert.equal([...alone.values()].filter((verdict) => 'error' in verdict).length, students.filter((student) => ERROR_KINDS.has(student.kind)).length);
  });

  test('the gradebook has every outcome, and the summary is what the gradebook adds up to', async () => {
    const [header, ...rows] = parseCsv(await readFile(join(out, 'gradebook.csv'), 'utf8')).records.map((record) => record.fields);
    const checkIds = catalogue.map((check) => check.meta.id);
    assert.deepEqual(header, ['student_id', 'name', 'account_id', 'score', 'max_score', 'percent', 'status', 'error', ...checkIds]);
    assert.deepEqual(rows.map((row) => row[0]), students.map((student) => student.studentId), 'one row per student, in roster order');
    const byColumn = rows.map((row) => Object.fromEntries((header as string[]).map((column, i) => [column, row[i] ?? ''])));
    for (const row of byColumn) {
      const outcome = outcomes.get(row.student_id as string) as StudentOutcome;
      assert.deepEqual(row, {
        student_id: outcome.student.studentId,
        name: outcome.student.name,
        account_id: outcome.student.accountId,
        score: outcome.score === null ? '' : String(outcome.score),
        max_score: String(outcome.maxScore),
        percent: row.percent,
        status: outcome.status,
        // The one-sentence cause; the whole text is in outcome.json and error.txt.
        error: outcome.cause ?? '',
        ...Object.fromEntries(checkIds.map((id) => [id, outcome.checks[id] ?? ''])),
      });
      if (outcome.score !== null) assert.ok(Math.abs(Number(row.percent) - (100 * outcome.score) / outcome.maxScore) <= 0.05, `${row.student_id}: ${row.percent} %`);
      else assert.equal(row.percent, '');
    }

    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as ClassSummary;
    const graded = byColumn.filter((row) => row.status === 'graded');
    const scores = graded.map((row) => Number(row.score)).sort((a, b) => a - b);
    const round2 = (value: number): number => Math.round(value * 100) / 100;
    assert.deepEqual(summary.counts, {
      students: rows.length,
      graded: graded.length,
      error: byColumn.filter((row) => row.status === 'error').length,
      pending: 0,
      incomplete: graded.filter((row) => checkIds.some((id) => row[id] === 'ERROR')).length,
      fullMarks: graded.filter((row) => row.score === row.max_score).length,
    });
    assert.deepEqual(summary.scores, {
      mean: round2(scores.reduce((sum, score) => sum + score, 0) / scores.length),
      median: scores.length % 2 ? scores[(scores.length - 1) / 2] : ((scores[scores.length / 2 - 1] as number) + (scores[scores.length / 2] as number)) / 2,
      min: scores[0],
      max: scores[scores.length - 1],
    });
    assert.deepEqual(
      summary.distribution.map((bin) => bin.count),
      Array.from({ length: 10 }, (_, bin) => graded.filter((row) => Math.min(9, Math.floor(Number(row.percent) / 10)) === bin).length),
    );
    assert.deepEqual(
      summary.checks.map(({ id, counts, passRate }) => ({ id, counts, passRate })),
      checkIds.map((id) => {
        const count = (status: string): number => graded.filter((row) => row[id] === status).length;
        return { id, counts: { PASS: count('PASS'), FAIL: count('FAIL'), BLOCKED: count('BLOCKED'), ERROR: count('ERROR') }, passRate: round2(count('PASS') / graded.length) };
      }),
    );
    assert.deepEqual(
      summary.errors,
      byColumn
        .filter((row) => row.status === 'error')
        .map((row) => ({ studentId: row.student_id, name: row.name, accountId: row.account_id, cause: row.error, error: outcomes.get(row.student_id as string)?.error })),
    );
  });

  /**
   * Grades the class in a child process stopped with `signal` once a seeded number of students (10 to 90 %)
   * are done, then finishes it with --resume in another: the same class files as the uninterrupted run, each
   * student once, and nobody done before the stop graded again.
   */
  async function interruptThenResume(signal: 'SIGKILL' | 'SIGINT', diagnostic: (message: string) => void): Promise<void> {
    const outDir = join(work, signal);
    const stopAfter = seededBetween(signal, Math.ceil(SIZE * 0.1), Math.floor(SIZE * 0.9));
    const context = `LARGE_CLASS_SEED=${SEED}: ${signal} once ${stopAfter} of ${SIZE} students were done`;
    diagnostic(context);
    let sent = false;
    const stopped = startCliProcess(batchArgs(outDir), INSTRUCTOR_ENV, (stderr) => {
      // Once only: a second SIGINT would find no handler and end the process as SIGKILL does.
      if (!sent && finishedSoFar(stderr) >= stopAfter) sent = stopped.child.kill(signal);
    });
    children.add(stopped);
    const first = await stopped.exited;
    if (signal === 'SIGKILL') assert.equal(first.signal, 'SIGKILL', `${context}\n${first.stderr.slice(-2000)}`);
    else {
      assert.equal(first.code, 130, `${context}\n${first.stderr.slice(-2000)}`);
      assert.match(first.stderr, /Interrupted: \d+ students not graded yet\. Continue with: lab-grader batch .* --resume/);
    }

    const doneAtStop = await readOutcomes(outDir);
    assert.ok(doneAtStop.size >= stopAfter && doneAtStop.size < SIZE, `${context}; ${doneAtStop.size} outcomes`);
    const outcomeFile = (studentId: string): Promise<string> => readFile(join(outDir, 'students', studentId, 'outcome.json'), 'utf8');
    const outcomesAtStop = new Map(await Promise.all([...doneAtStop.keys()].map(async (id) => [id, await outcomeFile(id)] as const)));
    const logFrom = (await readRequestLog(requestLog)).length;

    const resuming = startCliProcess(batchArgs(outDir, '--resume'), INSTRUCTOR_ENV);
    children.add(resuming);
    const resumed = await resuming.exited;
    assert.equal(resumed.code, 3, `${context}\n${resumed.stderr.slice(-2000)}`);

    assert.equal(await readFile(join(outDir, 'gradebook.csv'), 'utf8'), await readFile(join(out, 'gradebook.csv'), 'utf8'), context);
    assert.equal(await readFile(join(outDir, 'summary.json'), 'utf8'), await readFile(join(out, 'summary.json'), 'utf8'), context);
    // Not graded again: no call reached their accounts, and their outcomes are the ones written before the stop.
    const gradedOnResume = gradesPerAccount(await readRequestLog(requestLog), logFrom);
    const accountOf = new Map(students.map((student) => [student.studentId, student.accountId]));
    assert.deepEqual([...doneAtStop.keys()].filter((id) => gradedOnResume.has(accountOf.get(id) as string)), [], context);
    for (const [id, text] of outcomesAtStop) assert.equal(await outcomeFile(id), text, `${context}: ${id}`);
    // ...while everyone else with a grading role was graded by the resume.
    const gradable = students.filter((student) => !ERROR_KINDS.has(student.kind) && !doneAtStop.has(student.studentId));
    assert.deepEqual(gradable.filter((student) => !gradedOnResume.has(student.accountId)).map((student) => student.studentId), [], context);
    // Each student exactly once: one folder with one outcome and its reports, no leftover of a cut-off write.
    const folders = await readdir(join(outDir, 'students'));
    assert.deepEqual(folders.sort(), students.map((student) => student.studentId).sort(), context);
    for (const student of students) {
      const expected = ERROR_KINDS.has(student.kind) ? ['error.txt', 'outcome.json'] : ['junit.xml', 'outcome.json', 'report.json', 'results.json'];
      assert.deepEqual((await readdir(join(outDir, 'students', student.studentId))).sort(), expected, `${context}: ${student.studentId}`);
    }
  }

  test('killed (SIGKILL) at a random moment, --resume ends with the same gradebook, and no student is graded twice', (t) =>
    interruptThenResume('SIGKILL', (message) => t.diagnostic(message)));

  test('stopped with Ctrl-C (SIGINT) at a random moment: exit 130, and --resume ends with the same gradebook', (t) =>
    interruptThenResume('SIGINT', (message) => t.diagnostic(message)));
});
