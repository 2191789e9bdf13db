// No secret in anything lab-grader writes or prints: the demo, a batch (roster passwords and ExternalIds,
// instructor credentials with a secret key and a session token) and a grade with every format and
// --save-snapshot, each a child process with known secrets in its environment. Every file under the output
// folders, the snapshot, the sandbox's request log, stdout and stderr are scanned for the secrets, any JWT
// (the tokens issued during the run) and any STS session token (those AssumeRole handed out).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPORT_FORMATS } from '../../src/report/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { buildAccounts, completeLab, emptyAccount, gradingRole, gradingRoleArn, INSTRUCTOR_ACCOUNT, accountNumber, writeRoster, type StudentSpec } from '../batch/support/class.js';
import { runProcess, type CliRun } from '../support/cli.js';
import { assertNoSecrets, readOutputs, type Outputs } from '../support/secret-scan.js';
import { fakeCredentialsEnv, PASSWORD, SECRET_ACCESS_KEY, SESSION_TOKEN } from './support/fake-credentials.js';

/** The class's password (LAB_GRADER_PASSWORD), and one student's own (the roster's password column). */
const CLASS_PASSWORD = PASSWORD;
const ROW_PASSWORD = 'Row-Override-Pass-58!';

const CLASS: StudentSpec[] = [
  { studentId: 'ada', accountId: accountNumber(701), setups: [gradingRole('extid-Ada-Leak-4417'), completeLab(CLASS_PASSWORD)], externalId: 'extid-Ada-Leak-4417' },
  {
    studentId: 'grace',
    accountId: accountNumber(702),
    setups: [gradingRole('extid-Grace-Leak-9023'), completeLab(ROW_PASSWORD)],
    externalId: 'extid-Grace-Leak-9023',
    password: ROW_PASSWORD,
  },
  // AssumeRole refused: the ExternalId the roster gives is not the role's.
  { studentId: 'alan', accountId: accountNumber(703), setups: [gradingRole('extid-Alan-Leak-3301')], externalId: 'extid-Alan-Wrong-7786' },
  { studentId: 'edsger', accountId: accountNumber(704), setups: [gradingRole('extid-Edsger-Leak-1209'), emptyAccount], externalId: 'extid-Edsger-Leak-1209' },
];
/** The roster's, and the one alan's role really requires. */
const EXTERNAL_IDS = [...CLASS.map((student) => student.externalId), 'extid-Alan-Leak-3301'];
const SECRETS = [CLASS_PASSWORD, ROW_PASSWORD, SECRET_ACCESS_KEY, SESSION_TOKEN, ...EXTERNAL_IDS];

/** The instructor's credentials: the sandbox takes the 12-digit key id as their account. */
const instructorEnv = (): Record<string, string> => ({ ...fakeCredentialsEnv(INSTRUCTOR_ACCOUNT), LAB_GRADER_PASSWORD: CLASS_PASSWORD });

const printed = (run: CliRun): Outputs => ({ stdout: run.stdout, stderr: run.stderr });

describe('no secret in any output', () => {
  let work: string;
  let sandbox: RunningSandbox;
  let requestLog: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lab-grader-secrets-'));
    requestLog = join(work, 'requests.jsonl');
    sandbox = await startSandbox({ port: 0, requestLogFile: requestLog });
    await buildAccounts(sandbox, CLASS);
  });

  after(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('lab-grader demo, with secrets in its environment', async () => {
    const out = join(work, 'demo');
    const run = await runProcess(['demo', '--out', out], { ...fakeCredentialsEnv(), LAB_GRADER_PASSWORD: CLASS_PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Score: 100\/100/);
    const outputs = { ...printed(run), ...(await readOutputs([out])) };
    assert.equal(Object.keys(outputs).length, 2 + 3, 'stdout, stderr and the three report files');
    assertNoSecrets(outputs, SECRETS);
  });

  test('lab-grader batch: roster passwords and ExternalIds, instructor secret key and session token', async () => {
    const roster = await writeRoster(work, CLASS);
    const rosterText = await readFile(roster, 'utf8');
    for (const secret of [ROW_PASSWORD, ...CLASS.map((student) => student.externalId)]) assert.ok(rosterText.includes(secret), 'the roster holds the secrets');
    const out = join(work, 'batch');
    const run = await runProcess(['batch', roster, '--out', out, '--endpoint-url', sandbox.url, '--concurrency', '4'], instructorEnv());
    assert.equal(run.code, 3, `alan's role refuses its ExternalId: ${run.stderr}`);
    assert.match(run.stdout, /^ada .*100/m, 'the class password signed ada in');
    assert.match(run.stdout, /^grace .*100/m, "grace's roster password signed her in");
    const outputs = { ...printed(run), ...(await readOutputs([out, requestLog])) };
    assert.ok(Object.keys(outputs).length >= 2 + 1 + 6 + 4 * 1, Object.keys(outputs).join(', '));
    assertNoSecrets(outputs, SECRETS);
  });

  test('lab-grader grade through a role with an ExternalId: every format and --save-snapshot', async () => {
    const [ada] = CLASS as [StudentSpec];
    const out = join(work, 'grade');
    const snapshot = join(work, 'snapshot.json');
    const run = await runProcess(
      [
        'grade', '--endpoint-url', sandbox.url, '--role-arn', gradingRoleArn(ada.accountId), '--external-id', ada.externalId,
        '--format', REPORT_FORMATS.join(','), '--out', out, '--save-snapshot', snapshot,
      ],
      instructorEnv(),
    );
    assert.equal(run.code, 0, run.stderr);
    const outputs = { ...printed(run), ...(await readOutputs([out, snapshot, requestLog])) };
    assert.equal(Object.keys(outputs).length, 2 + REPORT_FORMATS.length - 1 + 2, Object.keys(outputs).join(', '));
    assertNoSecrets(outputs, SECRETS);
  });
});
