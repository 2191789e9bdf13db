// `lab-grader grade` with the live probes against the sandbox, where the reference solution has built the lab:
// full marks; the password options in their order; and no password or token in any report, the saved snapshot
// or the console.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { REPORT_FORMATS } from '../../src/report/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { runInProcess, type CliRun } from '../support/cli.js';
import { assertNoSecrets } from '../support/secret-scan.js';
import { ACCOUNT, cognitoClient, gatewayAnswer, REGION, startLocalServer, USERNAME, type LocalServer } from './support.js';

/** Not the lab's own password, so that finding it in an output cannot be the lab spec's text. */
const SECRET_PASSWORD = 'Grader-Only-Pass-7!';

let sandbox: RunningSandbox;
let clientId: string;
/** A stage whose function echoes the Authorization header it got: the worst case for leaking a token. */
let echoStage: LocalServer;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  // The grader takes its credentials from the default chain, as a learner's CloudShell does.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: ACCOUNT,
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const outputs = await deployReferenceSolution({
    region: REGION,
    endpoint: sandbox.url,
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' },
    password: SECRET_PASSWORD,
  });
  clientId = outputs.clientId;
  echoStage = await startLocalServer((request, response) =>
    gatewayAnswer(response, 200, JSON.stringify({ message: 'Hello from secured API!', echoed: request.headers.authorization ?? null })),
  );
});

after(async () => {
  await echoStage.stop();
  await sandbox.stop();
});

interface Graded {
  run: CliRun;
  out: string;
  report: { score: number; checks: { id: string; status: string; messageId: string; message: string }[] };
}

/** A live grade into a fresh folder; `formats` must include json (the report read back). */
async function grade(args: string[], env: Record<string, string> = {}, formats = 'json'): Promise<Graded> {
  const out = await mkdtemp(join(tmpdir(), 'lab-grader-probes-'));
  const run = await runInProcess(['grade', '--endpoint-url', sandbox.url, '--format', formats, '--out', out, ...args], { env });
  assert.notEqual(run.code, 2, run.stderr);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Graded['report'];
  return { run, out, report };
}

function statusOf(graded: Graded, checkId: string): string {
  const check = graded.report.checks.find((candidate) => candidate.id === checkId);
  assert.ok(check, `no check ${checkId}`);
  return `${check.status} ${check.messageId}`;
}

describe('lab-grader grade with probes, against the lab in the sandbox', () => {
  test('the reference solution scores 100: every probe check passes, exit 0', async () => {
    const graded = await grade([], { LAB_GRADER_PASSWORD: SECRET_PASSWORD });
    assert.equal(graded.run.code, 0, graded.run.stderr);
    assert.equal(graded.report.score, 100);
    const probeChecks = graded.report.checks.filter((check) => check.id.startsWith('probe-'));
    assert.equal(probeChecks.length, 7);
    for (const check of probeChecks) assert.equal(check.status, 'PASS', `${check.id}: ${check.message}`);
  });

  test('the password: --password over LAB_GRADER_PASSWORD over the lab spec', async () => {
    const specOnly = await grade([]);
    assert.equal(statusOf(specOnly, 'probe-token-issued'), 'FAIL wrongPassword', "the lab spec's password is not this user's");
    const fromEnv = await grade([], { LAB_GRADER_PASSWORD: SECRET_PASSWORD });
    assert.equal(statusOf(fromEnv, 'probe-token-issued'), 'PASS issued');
    const flagOverEnv = await grade(['--password', 'Wrong-Pass-1!'], { LAB_GRADER_PASSWORD: SECRET_PASSWORD });
    assert.equal(statusOf(flagOverEnv, 'probe-token-issued'), 'FAIL wrongPassword');
    const fromFlag = await grade(['--password', SECRET_PASSWORD]);
    assert.equal(statusOf(fromFlag, 'probe-token-issued'), 'PASS issued');
  });

  test('--no-probes grades the configuration only: the probe checks say the probes were not run', async () => {
    const graded = await grade(['--no-probes']);
    assert.equal(statusOf(graded, 'probe-token-issued'), 'ERROR probesNotRun');
    assert.equal(statusOf(graded, 'probe-unauthenticated-401'), 'ERROR probesNotRun');
    assert.match(graded.report.checks.find((check) => check.id === 'probe-token-issued')?.message ?? '', /--no-probes/);
    assert.equal(statusOf(graded, 'prod-deployment-current'), 'PASS current');
  });

  test('probe options that cannot apply are input errors (exit 2)', async () => {
    for (const args of [
      ['grade', '--endpoint-url', sandbox.url, '--no-probes', '--stage-url', 'http://127.0.0.1:1/prod'],
      ['grade', '--endpoint-url', sandbox.url, '--stage-url', 'ftp://example.com/prod'],
      ['grade', '--from-snapshot', 'fixtures/complete-lab/snapshot.json', '--password', 'x'],
    ]) {
      const run = await runInProcess(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /Grader-Only|Wrong-Pass/);
    }
  });
});

describe('no password or token reaches a report, the snapshot or the console', () => {
  /** Tokens Cognito issues to the lab user now: the same keys, the same claims as the grader's. */
  async function ownTokens(): Promise<string[]> {
    const cognito = cognitoClient(sandbox);
    try {
      const { AuthenticationResult: result } = await cognito.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME, PASSWORD: SECRET_PASSWORD } }),
      );
      return [result?.IdToken, result?.AccessToken, result?.RefreshToken].filter((token): token is string => token !== undefined);
    } finally {
      cognito.destroy();
    }
  }

  async function everyOutput(graded: Graded, snapshotPath: string): Promise<Record<string, string>> {
    const files: Record<string, string> = { stdout: graded.run.stdout, stderr: graded.run.stderr, snapshot: await readFile(snapshotPath, 'utf8') };
    for (const name of await readdir(graded.out)) files[name] = await readFile(join(graded.out, name), 'utf8');
    return files;
  }

  for (const [how, args, env] of [
    ['--password', ['--password', SECRET_PASSWORD], {}],
    ['LAB_GRADER_PASSWORD', [], { LAB_GRADER_PASSWORD: SECRET_PASSWORD }],
  ] as const) {
    test(`every format and --save-snapshot, the password given by ${how}`, async () => {
      const tokens = await ownTokens();
      assert.ok(tokens.length === 3);
      const snapshotPath = join(await mkdtemp(join(tmpdir(), 'lab-grader-secrets-')), 'snapshot.json');
      const graded = await grade([...args, '--save-snapshot', snapshotPath], env, REPORT_FORMATS.join(','));
      assert.equal(graded.run.code, 0, graded.run.stderr);
      const outputs = await everyOutput(graded, snapshotPath);
      // stdout, stderr, the snapshot, and one file per format but console (which is stdout).
      assert.equal(Object.keys(outputs).length, 3 + REPORT_FORMATS.length - 1, `every report was written: ${Object.keys(outputs).join(', ')}`);
      assert.match(graded.run.stdout, /100\s*\/\s*100/, 'the console report is in stdout');
      assertNoSecrets(outputs, [SECRET_PASSWORD, ...tokens]);
    });
  }

  test('a function that echoes the Authorization header: the exact tokens sent are nowhere in the outputs', async () => {
    const from = echoStage.requests.length;
    const snapshotPath = join(await mkdtemp(join(tmpdir(), 'lab-grader-echo-')), 'snapshot.json');
    const graded = await grade(['--stage-url', `${echoStage.url}/prod`, '--save-snapshot', snapshotPath], { LAB_GRADER_PASSWORD: SECRET_PASSWORD }, REPORT_FORMATS.join(','));
    const sent = echoStage.requests
      .slice(from)
      .map((request) => request.headers.authorization?.replace(/^Bearer /, ''))
      .filter((token): token is string => token !== undefined);
    assert.equal(sent.length, 4, 'the four calls with a token reached the stage');
    const outputs = await everyOutput(graded, snapshotPath);
    assertNoSecrets(outputs, [SECRET_PASSWORD, ...sent]);
    assert.match(outputs['snapshot'] ?? '', /\[redacted\]/, 'the echoed tokens were cut out of the saved bodies');
  });
});
