// gradescope/run_autograder as Gradescope runs it, in a temporary /autograder-shaped folder (AUTOGRADER_ROOT):
// the single-file build and the autograder files in source/, the student's submission, and a sandbox class
// whose accounts have the grading role. Reads results.json as Gradescope would.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { accountNumber, buildAccounts, completeLab, gradingRole, gradingRoleArn, INSTRUCTOR_ACCOUNT, type StudentSpec } from '../batch/support/class.js';
import { REPO } from '../support/cli.js';

const run = promisify(execFile);
const EXTERNAL_ID = 'course-2026';
const COMPLETE = accountNumber(41);
const NO_ROLE = accountNumber(42);
const CLASS: StudentSpec[] = [
  { studentId: 'ada', accountId: COMPLETE, setups: [gradingRole(EXTERNAL_ID), completeLab()], externalId: EXTERNAL_ID },
  { studentId: 'bob', accountId: NO_ROLE, setups: [], externalId: EXTERNAL_ID },
];

interface Results {
  score: number;
  output: string;
  extra_data: { graded?: boolean; reason?: string; completeness?: string; source?: { kind: string; accountId?: string } };
  tests: { status: string; output: string }[];
}

describe('the Gradescope autograder', () => {
  let sandbox: RunningSandbox;
  let work = '';
  let build = '';

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    await buildAccounts(sandbox, CLASS);
    work = await mkdtemp(join(tmpdir(), 'lab-grader-gradescope-'));
    build = join(work, 'lab-grader.mjs');
    await run(process.execPath, [join(REPO, 'scripts/bundle.mjs'), build], { cwd: REPO });
  });
  after(async () => {
    await sandbox.stop();
    await rm(work, { recursive: true, force: true });
  });

  /** A fresh /autograder: source/ as the autograder zip unpacks it, the submission, and the metadata. */
  async function autograder(name: string, submission: Record<string, string>, options: { accountsCsv?: string; email?: string } = {}): Promise<string> {
    const root = join(work, name);
    await mkdir(join(root, 'source'), { recursive: true });
    await mkdir(join(root, 'submission'));
    for (const file of ['run_autograder', 'run-autograder.mjs', 'setup.sh']) await copyFile(join(REPO, 'gradescope', file), join(root, 'source', file));
    await copyFile(build, join(root, 'source/lab-grader.mjs'));
    await writeFile(join(root, 'source/lab-grader-autograder.json'), JSON.stringify({ externalId: EXTERNAL_ID, endpointUrl: sandbox.url }));
    // The instructor's credentials: in the sandbox, the access key id is the account.
    await writeFile(join(root, 'source/aws-credentials'), `[default]\naws_access_key_id = ${INSTRUCTOR_ACCOUNT}\naws_secret_access_key = sandbox\n`);
    if (options.accountsCsv) await writeFile(join(root, 'source/accounts.csv'), options.accountsCsv);
    await writeFile(join(root, 'submission_metadata.json'), JSON.stringify({ users: [{ email: options.email ?? 'ada@example.edu', name: 'Ada', sid: '1' }] }));
    for (const [file, text] of Object.entries(submission)) await writeFile(join(root, 'submission', file), text);
    return root;
  }

  async function runAutograder(root: string): Promise<Results> {
    await run('bash', [join(root, 'source/run_autograder')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: root,
        AUTOGRADER_ROOT: root,
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_REGION: 'us-east-1',
      },
      timeout: 120_000,
    });
    return JSON.parse(await readFile(join(root, 'results/results.json'), 'utf8')) as Results;
  }

  test('setup.sh, where Node.js 20.19+ is already installed, installs nothing and checks that the grader runs', async () => {
    const root = await autograder('setup', {});
    const setup = await run('bash', [join(root, 'source/setup.sh')], { env: { PATH: process.env.PATH ?? '', AUTOGRADER_ROOT: root } });
    assert.match(setup.stdout, /^lab-grader \d+\.\d+\.\d+ on Node\.js v2\d\./);
  });

  test('grades the account of a submitted role ARN live, through the grading role, and says so', async () => {
    const results = await runAutograder(await autograder('role-arn', { 'lab-grader.json': JSON.stringify({ role_arn: gradingRoleArn(COMPLETE) }) }));
    assert.equal(results.score, 100, results.output);
    assert.equal(results.tests.length, 28);
    assert.ok(results.tests.every((test) => test.status === 'passed'));
    assert.equal(results.extra_data.source?.kind, 'live');
    assert.equal(results.extra_data.source?.accountId, COMPLETE);
    assert.match(results.output, new RegExp(`Graded live: account ${COMPLETE}, us-east-1, at \\d{4}-`));
  });

  test('takes the account from the student\'s Gradescope email and the instructor\'s accounts.csv when nothing is submitted', async () => {
    const root = await autograder('metadata', {}, { accountsCsv: `email,account_id\nbob@example.edu,${NO_ROLE}\nada@example.edu,${COMPLETE}\n` });
    const results = await runAutograder(root);
    assert.equal(results.score, 100, results.output);
    assert.equal(results.extra_data.source?.accountId, COMPLETE);
  });

  test('an account it cannot grade is NOT GRADED with the reason, never a silent 0', async () => {
    const results = await runAutograder(await autograder('no-role', { 'account.txt': `${NO_ROLE}\n` }));
    assert.equal(results.score, 0);
    assert.deepEqual(results.tests, []);
    assert.deepEqual(results.extra_data, { graded: false, reason: 'cannot-grade' });
    assert.match(results.output, /^NOT GRADED\./);
    assert.match(results.output, new RegExp(`could not grade the account of arn:aws:iam::${NO_ROLE}:role/LabGraderReadOnly`));
    assert.match(results.output, /AccessDenied|assume/i);
    assert.doesNotMatch(results.output, /\n\s+at /);
    assert.ok(!results.output.includes(EXTERNAL_ID), 'the course ExternalId is not shown to the student');
  });

  test('a submission that names no account asks for the right file', async () => {
    const submissions: Record<string, Record<string, string>> = {
      garbage: { 'lab-grader.json': '{"role_arn": "my account"}' },
      empty: { 'notes.md': 'hello' },
      broken: { 'lab-grader.json': '{' },
    };
    for (const [name, submission] of Object.entries(submissions)) {
      const results = await runAutograder(await autograder(`bad-${name}`, submission));
      assert.equal(results.score, 0, name);
      assert.deepEqual(results.extra_data, { graded: false, reason: 'submission' }, name);
      assert.match(results.output, /^NOT GRADED\./, name);
      assert.match(results.output, /Submit a file named lab-grader\.json/, name);
    }
  });
});
