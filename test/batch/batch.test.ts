// lab-grader batch against a sandbox class: statuses, equality with grading each account alone, the class
// outputs agreeing with each other, refusing an existing batch, --only, --resume after an interruption or a
// crash, and a roster password that never shows anywhere.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { catalogue, labBundle, loadLabSpec } from '../../checks/index.js';
import { parseCsv } from '../../src/batch/csv.js';
import { readOutcomes } from '../../src/batch/journal.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';
import type { ClassSummary } from '../../src/batch/summary.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { LabSpec } from '../../src/lab/types.js';
import { takeSnapshot } from '../../src/pipeline/take-snapshot.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { resolveTarget } from '../../src/target/target.js';
import { setEnv } from '../collect/support/env.js';
import {
  accountNumber,
  apiWithoutMethods,
  buildAccounts,
  completeLab,
  emptyAccount,
  gradingRole,
  gradingRoleArn,
  INSTRUCTOR_ACCOUNT,
  REGION,
  userPoolOnly,
  writeRoster,
  type StudentSpec,
} from './support/class.js';
import { runCliUninterrupted } from './support/cli.js';
import { gradesPerAccount, readRequestLog } from './support/request-log.js';

const OTHER_PASSWORD = 'Other-Secret-Pass-42!';
const HOSTILE_NAME = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>';

const CLASS: StudentSpec[] = [
  { studentId: 's1', name: 'Ada Lovelace', accountId: accountNumber(1), setups: [gradingRole('e1'), completeLab()], externalId: 'e1', email: 'ada@uni.example' },
  // The lab user has another password; the roster row gives it.
  { studentId: 's2', name: 'Grace, "Amazing" Hopper', accountId: accountNumber(2), setups: [gradingRole('e2'), completeLab(OTHER_PASSWORD)], externalId: 'e2', password: OTHER_PASSWORD },
  { studentId: 's3', name: 'Partial Pool', accountId: accountNumber(3), setups: [gradingRole('e3'), userPoolOnly], externalId: 'e3' },
  { studentId: 's4', name: HOSTILE_NAME, accountId: accountNumber(4), setups: [gradingRole('e4'), emptyAccount], externalId: 'e4' },
  { studentId: 's5', accountId: accountNumber(5), setups: [gradingRole('e5'), apiWithoutMethods], externalId: 'e5' },
  { studentId: 's6', name: 'No Role', accountId: accountNumber(6), setups: [], externalId: 'e6' },
  { studentId: 's7', name: 'Wrong ExternalId', accountId: accountNumber(7), setups: [gradingRole('e7')], externalId: 'not-e7' },
  // Credentials that reach another account than the roster's.
  { studentId: 's8', name: 'Mismatch', accountId: accountNumber(8), setups: [], externalId: '', profile: 'elsewhere' },
];
const GRADED = ['s1', 's2', 's3', 's4', 's5'];
const ERRORS = ['s6', 's7', 's8'];

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `lab-grader-batch-${prefix}-`));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('lab-grader batch', () => {
  let sandbox: RunningSandbox;
  let lab: LabSpec;
  let work: string;
  let roster: string;
  let requestLog: string;
  let restoreEnv: () => void;
  let firstOut: string;
  let first: { code: number; stdout: string; stderr: string };

  const batchArgs = (out: string, ...extra: string[]): string[] => ['batch', roster, '--out', out, '--endpoint-url', sandbox.url, '--concurrency', '4', ...extra];

  before(async () => {
    work = await tempDir('work');
    requestLog = join(work, 'requests.jsonl');
    sandbox = await startSandbox({ port: 0, requestLogFile: requestLog, signingKeys: 'shared' });
    lab = await loadLabSpec();
    await buildAccounts(sandbox, CLASS);
    const credentials = join(work, 'credentials');
    await writeFile(credentials, `[elsewhere]\naws_access_key_id = ${accountNumber(42)}\naws_secret_access_key = x\n`);
    restoreEnv = setEnv({
      AWS_ACCESS_KEY_ID: INSTRUCTOR_ACCOUNT,
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CONFIG_FILE: join(work, 'no-config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    roster = await writeRoster(work, CLASS);
    firstOut = join(work, 'first');
    first = await runCliUninterrupted(batchArgs(firstOut));
  });

  after(async () => {
    restoreEnv?.();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('every student is graded or in error with the reason; exit 3 because some could not be graded', async () => {
    assert.equal(first.code, 3, first.stderr);
    const outcomes = await readOutcomes(firstOut);
    assert.deepEqual([...outcomes.keys()].sort(), CLASS.map((student) => student.studentId).sort());
    for (const id of GRADED) assert.equal(outcomes.get(id)?.status, 'graded', `${id}: ${outcomes.get(id)?.error}`);
    for (const id of ERRORS) assert.equal(outcomes.get(id)?.status, 'error', id);
    assert.match(outcomes.get('s6')?.error ?? '', /AccessDenied.*not authorized to perform: sts:AssumeRole/);
    assert.match(outcomes.get('s7')?.error ?? '', /AccessDenied/);
    assert.match(outcomes.get('s8')?.error ?? '', new RegExp(`reached account ${accountNumber(42)}, but the roster says ${accountNumber(8)}`));
    // AWS (and the sandbox) deny a missing role and a wrong ExternalId alike: the cause names both, guesses neither.
    const denied = (id: string): string =>
      `could not assume ${gradingRoleArn(CLASS.find((student) => student.studentId === id)?.accountId ?? '')}: AccessDenied ` +
      '(the role does not exist, does not trust your account, or wants another ExternalId)';
    assert.equal(outcomes.get('s6')?.cause, denied('s6'));
    assert.equal(outcomes.get('s7')?.cause, denied('s7'));
    assert.equal(outcomes.get('s8')?.cause, `the credentials reached account ${accountNumber(42)}, but the roster says ${accountNumber(8)}`);
    // The full text is in the student's folder.
    assert.equal(await readFile(join(firstOut, 'students', 's6', 'error.txt'), 'utf8'), `${outcomes.get('s6')?.error}\n`);
    assert.equal(outcomes.get('s1')?.score, 100);
    assert.equal(outcomes.get('s2')?.score, 100, 'the roster password signs in the lab user');
    assert.ok((outcomes.get('s3')?.score ?? 100) < 100);
    // The class table and the paths written.
    for (const id of CLASS.map((student) => student.studentId)) assert.match(first.stdout, new RegExp(`^${id} `, 'm'));
    // The class table leads with the cause, whole: not the paragraph clipped.
    assert.ok(first.stdout.includes(`error: ${outcomes.get('s6')?.cause}\n`), first.stdout);
    assert.doesNotMatch(first.stdout, /more characters/);
    assert.match(first.stderr, /gradebook\.csv/);
    assert.match(first.stderr, /--only s6,s7,s8/);
    // A class grade does not look for what is missing in other regions (s4 has nothing): every call is in the lab's.
    assert.deepEqual([...new Set((await readRequestLog(requestLog)).map((entry) => entry.region))], [REGION]);
  });

  test("each student's result equals grading that account alone", async () => {
    const outcomes = await readOutcomes(firstOut);
    for (const student of CLASS.filter((candidate) => GRADED.includes(candidate.studentId))) {
      const target = resolveTarget({ region: REGION, roleArn: gradingRoleArn(student.accountId), externalId: student.externalId, endpointUrl: sandbox.url });
      const snapshot = await takeSnapshot(target, lab, labBundle, { probes: { password: student.password ?? lab.password } });
      const alone = gradeSnapshot(snapshot, lab, labBundle, { source: 'live' });
      assert.deepEqual(outcomes.get(student.studentId)?.checks, Object.fromEntries(alone.checks.map((check) => [check.id, check.status])), student.studentId);
      const report = JSON.parse(await readFile(join(firstOut, 'students', student.studentId, 'report.json'), 'utf8'));
      assert.equal(report.score, alone.score);
      await stat(join(firstOut, 'students', student.studentId, 'junit.xml'));
      await stat(join(firstOut, 'students', student.studentId, 'results.json'));
    }
  });

  test('the gradebook, summary.json and junit.xml agree', async () => {
    const { records } = parseCsv(await readFile(join(firstOut, 'gradebook.csv'), 'utf8'));
    const [header, ...rows] = records.map((record) => record.fields);
    assert.deepEqual(header?.slice(0, 8), ['student_id', 'name', 'account_id', 'score', 'max_score', 'percent', 'status', 'error']);
    // The roster's extra column, then the checks.
    assert.deepEqual(header?.slice(8), ['email', ...catalogue.map((check) => check.meta.id)]);
    assert.deepEqual(rows.map((row) => row[8]), ['ada@uni.example', '', '', '', '', '', '', '']);
    assert.deepEqual(rows.map((row) => row[0]), CLASS.map((student) => student.studentId), 'roster order');
    const summary = JSON.parse(await readFile(join(firstOut, 'summary.json'), 'utf8')) as ClassSummary;
    assert.equal(summary.counts.graded, rows.filter((row) => row[6] === 'graded').length);
    assert.equal(summary.counts.error, rows.filter((row) => row[6] === 'error').length);
    assert.deepEqual(summary.errors.map((error) => error.studentId), ERRORS);
    for (const [i, check] of catalogue.entries()) {
      const passes = rows.filter((row) => row[9 + i] === 'PASS').length;
      assert.equal(summary.checks[i]?.counts.PASS, passes, check.meta.id);
    }
    assert.equal(summary.distribution.reduce((sum, bin) => sum + bin.count, 0), GRADED.length);
    // The hostile name is text in the gradebook, never a formula.
    // Error cells hold the one-sentence cause.
    const errorCells = Object.fromEntries(summary.errors.map((error) => [error.studentId, error.cause]));
    for (const row of rows.filter((candidate) => candidate[6] === 'error')) assert.equal(row[7], errorCells[row[0] ?? ''], row[0]);
    assert.match(rows.find((row) => row[0] === 's6')?.[7] ?? '', /^could not assume arn:aws:iam::\d{12}:role\/LabGraderReadOnly: AccessDenied/);
    const hostile = rows.find((row) => row[0] === 's4');
    assert.equal(hostile?.[1], `'${HOSTILE_NAME}`);
    const junit = await readFile(join(firstOut, 'junit.xml'), 'utf8');
    assert.equal(junit.match(/<testsuite /g)?.length, CLASS.length);
    assert.match(junit, /<testsuite name="s6 \(No Role\)" tests="1" failures="0" errors="1"/);
    assert.doesNotMatch(junit, /<script>/);
  });

  test('the roster password appears in no output, log line or message', async () => {
    for (const file of await filesUnder(firstOut)) {
      assert.doesNotMatch(await readFile(file, 'utf8'), new RegExp(OTHER_PASSWORD), file);
    }
    assert.doesNotMatch(first.stdout + first.stderr, new RegExp(OTHER_PASSWORD));
  });

  test('an --out that holds a batch is refused without --resume, --only or --force', async () => {
    const again = await runCliUninterrupted(batchArgs(firstOut));
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already holds a batch.*--resume.*--force/s);
    const resumeNothing = await runCliUninterrupted(batchArgs(join(work, 'never-started'), '--resume'));
    assert.equal(resumeNothing.code, 2);
    assert.match(resumeNothing.stderr, /no batch to resume/);
  });

  test('--only regrades just the students named, and the gradebook keeps everyone', async () => {
    const before = (await readRequestLog(requestLog)).length;
    const gradebookBefore = await readFile(join(firstOut, 'gradebook.csv'), 'utf8');
    const run = await runCliUninterrupted(batchArgs(firstOut, '--only', 's3'));
    assert.equal(run.code, 3, run.stderr);
    const grades = gradesPerAccount(await readRequestLog(requestLog), before);
    assert.deepEqual([...grades.entries()], [[accountNumber(3), 1]]);
    assert.equal(await readFile(join(firstOut, 'gradebook.csv'), 'utf8'), gradebookBefore);
    const unknown = await runCliUninterrupted(batchArgs(firstOut, '--only', 's3,nobody'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /nobody is not in the roster/);
  });

  test('--resume after an interruption grades only the students not done, and ends with the same gradebook', async () => {
    const out = join(work, 'interrupted');
    const stop = new AbortController();
    let snapshots = 0;
    const options: BatchOptions = {
      rosterPath: roster,
      outDir: out,
      spec: lab,
      lab: labBundle,
      probes: { password: lab.password },
      instructor: { endpointUrl: sandbox.url },
      concurrency: 1,
      accountTimeoutMs: 60_000,
      resume: false,
      force: false,
      only: null,
      shard: null,
      signal: stop.signal,
      progress: { stream: { write: () => true }, tty: false },
      takeSnapshot: async (target, snapshotLab, snapshotOptions) => {
        const snapshot = await takeSnapshot(target, snapshotLab, labBundle, snapshotOptions);
        if (++snapshots === 3) stop.abort();
        return snapshot;
      },
    };
    const interrupted = await runBatch(options);
    assert.equal(interrupted.interrupted, true);
    const doneFirst = [...(await readOutcomes(out)).keys()];
    assert.ok(doneFirst.length >= 1 && doneFirst.length < CLASS.length, `done after the interruption: ${doneFirst.join(',')}`);
    assert.deepEqual(interrupted.record.pending.map((student) => student.studentId), CLASS.map((s) => s.studentId).filter((id) => !doneFirst.includes(id)));

    const gradedOnResume: string[] = [];
    const resumed = await runBatch({
      ...options,
      resume: true,
      signal: undefined,
      takeSnapshot: (target, snapshotLab, snapshotOptions) => {
        const role = target.credentialSource.kind === 'role' ? target.credentialSource.roleArn : 'profile';
        gradedOnResume.push(CLASS.find((student) => role.includes(student.accountId) || (role === 'profile' && student.profile))?.studentId ?? '?');
        return takeSnapshot(target, snapshotLab, labBundle, snapshotOptions);
      },
    });
    assert.equal(resumed.interrupted, false);
    assert.deepEqual(gradedOnResume.filter((id) => doneFirst.includes(id)), [], 'no student graded twice');
    assert.deepEqual([...gradedOnResume, ...doneFirst].sort(), CLASS.map((student) => student.studentId).sort());
    assert.equal(await readFile(join(out, 'gradebook.csv'), 'utf8'), await readFile(join(firstOut, 'gradebook.csv'), 'utf8'));
    assert.equal(await readFile(join(out, 'summary.json'), 'utf8'), await readFile(join(firstOut, 'summary.json'), 'utf8'));
  });

  test('after a crash, a student whose outcome is missing or half-written is graded again, and only they are', async () => {
    const out = join(work, 'crashed');
    assert.equal((await runCliUninterrupted(batchArgs(out))).code, 3);
    // s1 lost its outcome; s3's was cut short; a temporary file of an unfinished write lies in s5's folder.
    await rm(join(out, 'students', 's1', 'outcome.json'));
    await writeFile(join(out, 'students', 's3', 'outcome.json'), '{"schemaVersion": 1, "stud');
    await writeFile(join(out, 'students', 's5', '.outcome.json.abc123.tmp'), '{');
    await rm(join(out, 'gradebook.csv'));
    const before = (await readRequestLog(requestLog)).length;
    const resumed = await runCliUninterrupted(batchArgs(out, '--resume'));
    assert.equal(resumed.code, 3, resumed.stderr);
    const grades = gradesPerAccount(await readRequestLog(requestLog), before);
    assert.deepEqual([...grades.entries()].sort(), [[accountNumber(1), 1], [accountNumber(3), 1]]);
    assert.equal(await readFile(join(out, 'gradebook.csv'), 'utf8'), await readFile(join(firstOut, 'gradebook.csv'), 'utf8'));
  });

  test('Ctrl-C stops the batch: exit 130, and the command that continues it', async () => {
    const out = join(work, 'ctrl-c');
    const run = await runCliUninterrupted(batchArgs(out), { interrupted: Promise.resolve() });
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, new RegExp(`Interrupted: ${CLASS.length} students not graded yet\\. Continue with: lab-grader batch .*roster\\.csv --resume --out .*ctrl-c`));
    const resumed = await runCliUninterrupted(batchArgs(out, '--resume'));
    assert.equal(resumed.code, 3, resumed.stderr);
    assert.equal(await readFile(join(out, 'gradebook.csv'), 'utf8'), await readFile(join(firstOut, 'gradebook.csv'), 'utf8'));
  });

  test('--force starts over', async () => {
    const out = join(work, 'forced');
    assert.equal((await runCliUninterrupted(batchArgs(out, '--only', 's4'))).code, 0);
    assert.deepEqual([...(await readOutcomes(out)).keys()], ['s4']);
    const forced = await runCliUninterrupted(batchArgs(out, '--force', '--only', 's5'));
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual([...(await readOutcomes(out)).keys()], ['s5']);
  });

  test('--excel (or --csv-bom) starts gradebook.csv with a UTF-8 byte order mark; without it there is none', async () => {
    const bytes = async (out: string): Promise<string> => (await readFile(join(out, 'gradebook.csv'))).subarray(0, 3).toString('hex');
    assert.notEqual(await bytes(firstOut), 'efbbbf');
    for (const flag of ['--excel', '--csv-bom']) {
      const out = join(work, `bom${flag}`);
      const run = await runCliUninterrupted(batchArgs(out, '--only', 's1', flag));
      assert.equal(run.code, 0, run.stderr);
      assert.equal(await bytes(out), 'efbbbf', flag);
      assert.equal(parseCsv(await readFile(join(out, 'gradebook.csv'), 'utf8')).records[0]?.fields[0], 'student_id', 'the BOM is not part of the first column name');
    }
  });
});
