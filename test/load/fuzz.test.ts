// Malformed requests, fuzzed (fast-check, bounded) against `lab-grader sandbox` in a child process: each gets an
// HTTP answer or a closed connection within a time limit, never a hang; and afterwards the process is still
// running and answers a normal request correctly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MALFORMED_BYTES } from './support/malformed-requests.js';
import { sendRaw, type RawOutcome } from './support/raw-request.js';
import { startCliSandbox, type SandboxProcess } from './support/sandbox-process.js';

const RUNS = 400;
/** Far above any answer the sandbox gives on loopback, even on busy cores; reaching it means the request hung. */
const ANSWER_TIMEOUT_MS = 30_000;
const SEED = 20_260_101;

describe('the sandbox, fuzzed with malformed requests', () => {
  let sandbox: SandboxProcess;
  const outcomes: RawOutcome[] = [];

  before(async () => {
    sandbox = await startCliSandbox();
  });
  after(() => sandbox?.stop());

  test(`${RUNS} malformed requests: each answered (4xx/5xx) or its connection closed, none hung`, async () => {
    await fc.assert(
      fc.asyncProperty(MALFORMED_BYTES, async (bytes) => {
        const outcome = await sendRaw(sandbox.url, bytes, ANSWER_TIMEOUT_MS);
        outcomes.push(outcome);
        assert.notEqual(outcome.kind, 'hung', `no answer within ${ANSWER_TIMEOUT_MS} ms to ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 300))}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const statuses = outcomes.flatMap((outcome) => (outcome.kind === 'answered' ? [outcome.status] : []));
    assert.ok(statuses.length > RUNS / 2, `most requests were answered (${statuses.length} of ${outcomes.length})`);
    assert.deepEqual(statuses.filter((status) => status < 400 || status === 500), [], 'no success for a malformed request, no internal failure');
  });

  test('afterwards the sandbox runs and answers a normal request', async () => {
    assert.ok(sandbox.alive(), 'the process is still running');
    const response = await fetch(`${sandbox.url}/_sandbox/health`, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
    const signed = await fetch(`${sandbox.url}/`, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        'content-type': 'application/x-amz-json-1.1',
        authorization: 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: '{"MaxResults": 10}',
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    assert.equal(signed.status, 200);
    assert.deepEqual(await signed.json(), { UserPools: [] });
  });
});
