// AWS errors that quote credentials (SignatureDoesNotMatch with its canonical request and string to sign,
// InvalidClientTokenId with the key id, AccessDenied with the signed header and session token), answered by a
// local fake AWS to the grading clients and the CLI: what the user sees (stderr, every report, the snapshot)
// keeps the error code and none of the key, the secret, the session token, the signature or the signing text.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { reportError } from '../../src/cli/errors.js';
import { REPORT_FORMATS } from '../../src/report/index.js';
import type { LocalServer } from '../collect/support/local-server.js';
import { runProcess } from '../support/cli.js';
import { assertNoSecrets, readOutputs } from '../support/secret-scan.js';
import { signaturesSeen, startEchoingAws, type Answers, type ErrorKind } from './support/echoing-aws.js';
import { ACCESS_KEY_ID, fakeCredentialsEnv, SECRET_ACCESS_KEY, SESSION_TOKEN } from './support/fake-credentials.js';

/** What a canonical request or string to sign looks like, beyond the secrets themselves. */
const SIGNING_TEXT = [/AWS4-HMAC-SHA256/, /x-amz-security-token/i, /aws4_request/, /e3b0c44298fc1c149afbf4c8996fb924/];

const servers: LocalServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function fakeAws(answers: Answers): Promise<LocalServer> {
  const server = await startEchoingAws(answers);
  servers.push(server);
  return server;
}

const secretsSentTo = (server: LocalServer): string[] => [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, ...signaturesSeen(server)];

describe('errors that quote credentials are shown without them', () => {
  const KINDS: Record<ErrorKind, RegExp> = {
    'signature-multiline': /SignatureDoesNotMatch: The request signature we calculated does not match/,
    'signature-one-line': /SignatureDoesNotMatch: Signature expired or invalid/,
    'invalid-token': /InvalidClientTokenId: The security token included in the request is invalid/,
    'access-denied': /AccessDeniedException: User: arn:aws:sts::\d+:assumed-role\/LabGraderReadOnly\/lab-grader is not authorized/,
  };
  for (const [kind, shown] of Object.entries(KINDS) as [ErrorKind, RegExp][]) {
    test(`STS answers ${kind}: the CLI cannot grade (exit 3) and says why, with no secret`, async () => {
      const server = await fakeAws({ sts: kind });
      const out = await mkdtemp(join(tmpdir(), 'lab-grader-sdk-errors-'));
      const run = await runProcess(['grade', '--endpoint-url', server.endpoint, '--out', out], fakeCredentialsEnv());
      assert.equal(run.code, 3, run.stderr);
      assert.match(run.stderr, shown);
      assert.ok(signaturesSeen(server).length > 0, 'the grader signed its calls');
      assertNoSecrets({ stdout: run.stdout, stderr: run.stderr }, secretsSentTo(server), SIGNING_TEXT);
    });
  }

  test('every service answers such an error: every report format and the saved snapshot keep the codes, not the secrets', async () => {
    const server = await fakeAws({ sts: 'identity', 'cognito-idp': 'access-denied', apigateway: 'signature-multiline', lambda: 'invalid-token', iam: 'signature-one-line' });
    const work = await mkdtemp(join(tmpdir(), 'lab-grader-sdk-errors-'));
    const out = join(work, 'reports');
    const snapshot = join(work, 'snapshot.json');
    const run = await runProcess(
      ['grade', '--endpoint-url', server.endpoint, '--format', REPORT_FORMATS.join(','), '--out', out, '--save-snapshot', snapshot],
      fakeCredentialsEnv(),
    );
    assert.equal(run.code, 3, `errors make the grade incomplete: ${run.stderr}`);
    const saved = await readFile(snapshot, 'utf8');
    for (const code of ['AccessDeniedException', 'SignatureDoesNotMatch', 'InvalidClientTokenId']) assert.ok(saved.includes(code), `the snapshot records ${code}`);
    const outputs = { stdout: run.stdout, stderr: run.stderr, ...(await readOutputs([out, snapshot])) };
    assert.equal(Object.keys(outputs).length, 2 + REPORT_FORMATS.length, Object.keys(outputs).join(', '));
    assertNoSecrets(outputs, secretsSentTo(server), SIGNING_TEXT);
  });

  test('an unexpected error (a grader bug) quoting credentials is redacted, in its stack too', () => {
    const error = new Error(
      `boom with Credential=${ACCESS_KEY_ID}/20260101/us-east-1/sts/aws4_request, Signature=${'ab'.repeat(32)} token ${SESSION_TOKEN} secret ${SECRET_ACCESS_KEY}\n\n` +
        "The Canonical String for this request should have been\n'POST\n/\n'",
    );
    for (const debug of [false, true]) {
      const { exitCode, message } = reportError(error, debug);
      assert.equal(exitCode, 3);
      assert.match(message, /^Internal error in lab-grader: boom with/);
      assertNoSecrets({ message }, [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, 'ab'.repeat(32)], [/Canonical String/]);
    }
  });
});
