// The lab as a learner runs it: every command of LAB.md (test/support/lab.sh) with the AWS CLI against the
// sandbox, only --endpoint-url added. Every step must succeed and the ID token must carry the lab claims; then
// the lab's two curl calls, pointed at the sandbox's data plane, answer 200 with the lab's JSON and 401 without.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { awsCliMissing, curlMissing, labScript, runLab, type LabRun } from '../support/lab-script.js';
import { ACCOUNT_A, sandboxOn } from './helpers.js';

describe('AWS CLI: the whole lab, Activities 2 to 10', { skip: awsCliMissing() ?? curlMissing }, () => {
  let sandbox: RunningSandbox;
  let run: LabRun;
  before(async () => {
    sandbox = await sandboxOn();
    run = await runLab(labScript(), { endpoint: sandbox.url, accessKeyId: ACCOUNT_A, report: ['USER_POOL_ID', 'CLIENT_ID', 'ID_TOKEN', 'ACCESS_TOKEN'] });
  });
  after(() => sandbox.stop());

  test('every step succeeds and the ID token has the lab claims', () => {
    assert.equal(run.code, 0, `a lab step failed:\n${run.stderr}`);
    const { vars } = run;
    assert.match(vars.USER_POOL_ID ?? '', /^us-east-1_[0-9A-Za-z]+$/);
    assert.match(run.stdout, /API Endpoint: https:\/\/[a-z0-9]+\.execute-api\.us-east-1\.amazonaws\.com\/prod/);

    const idToken = vars.ID_TOKEN ?? '';
    assert.equal(decodeProtectedHeader(idToken).alg, 'RS256');
    const claims = decodeJwt(idToken);
    assert.equal(claims.token_use, 'id');
    assert.equal(claims.aud, vars.CLIENT_ID);
    assert.equal(claims['cognito:username'], 'testuser');
    assert.ok(claims.iss?.endsWith(`/${vars.USER_POOL_ID}`), `iss ${claims.iss}`);
    assert.equal(decodeJwt(vars.ACCESS_TOKEN ?? '').token_use, 'access');
  });

  test("the lab's curl calls: 200 with the lab's JSON with the ID token, 401 without", () => {
    assert.equal(run.curls.length, 2, run.stdout);
    assert.equal(run.curls[0]?.status, 200);
    assert.deepEqual(JSON.parse(run.curls[0]?.body ?? ''), { message: 'Hello from secured API!', user: 'testuser' });
    assert.deepEqual(run.curls[1], { body: '{"message":"Unauthorized"}', status: 401 });
  });
});
