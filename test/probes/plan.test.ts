// Where the probes call and what they need: the stage URL forms, the plan taken from the evidence, redaction.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_ID, CLIENT_ID, POOL_ID } from '../../fixtures/account.js';
import { completeSnapshot } from '../../fixtures/complete.js';
import { stageUrl } from '../../src/aws/execute-api.js';
import { InputError } from '../../src/errors.js';
import { planProbes } from '../../src/probes/plan.js';
import { redactSecrets } from '../../src/probes/redact.js';
import { parseStageUrlOption } from '../../src/probes/stage-url.js';
import { loadLabSpec } from '../../checks/index.js';

describe('stageUrl', () => {
  test("AWS's execute-api host, the emulator path form, and China's domain", () => {
    assert.equal(stageUrl({ apiId: 'a1b2c3d4e5', stage: 'prod', region: 'us-east-1', endpoint: null }), 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod');
    assert.equal(stageUrl({ apiId: 'a1b2c3d4e5', stage: 'prod', region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' }), 'http://127.0.0.1:4566/_aws/execute-api/a1b2c3d4e5/prod');
    assert.equal(stageUrl({ apiId: 'a1b2c3d4e5', stage: 'prod', region: 'cn-north-1', endpoint: null }), 'https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/prod');
  });

  test('--stage-url takes an http(s) URL without credentials or query; a trailing slash is dropped', () => {
    assert.equal(parseStageUrlOption('https://x.example.com/prod/', '--stage-url'), 'https://x.example.com/prod');
    for (const bad of ['not a url', 'ftp://x.example.com/prod', 'https://user:pw@x.example.com/prod', 'https://x.example.com/prod?a=1']) {
      assert.throws(() => parseStageUrlOption(bad, '--stage-url'), (error: unknown) => error instanceof InputError && /--stage-url/.test(error.message), bad);
    }
  });
});

describe('planProbes', async () => {
  const lab = await loadLabSpec(undefined);

  test('takes the client, the API, the deployment date and the issuer from the evidence', () => {
    const plan = planProbes(completeSnapshot(), lab);
    assert.deepEqual(plan.clientId, { ready: true, value: CLIENT_ID });
    assert.deepEqual(plan.stageUrl, { ready: true, value: `https://${API_ID}.execute-api.us-east-1.amazonaws.com/prod` });
    assert.deepEqual([plan.httpMethod, plan.resourcePath, plan.username], ['GET', '/hello', 'testuser']);
    assert.equal(plan.deployedAt?.toISOString(), '2026-02-03T13:31:40.000Z');
    assert.equal(plan.issuer, `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`);
  });

  test('an --endpoint-url target is called in the path form; --stage-url overrides both', () => {
    const snapshot = completeSnapshot();
    snapshot.target.endpoint = 'http://127.0.0.1:4566';
    assert.deepEqual(planProbes(snapshot, lab).stageUrl, { ready: true, value: `http://127.0.0.1:4566/_aws/execute-api/${API_ID}/prod` });
    assert.deepEqual(planProbes(snapshot, lab, { stageUrl: 'https://stage.example.com/prod' }).stageUrl, { ready: true, value: 'https://stage.example.com/prod' });
  });

  test('says why a prerequisite is missing: absent, not looked for, or unreadable', () => {
    const snapshot = completeSnapshot();
    snapshot.apigateway.api = { state: 'error', error: { kind: 'access-denied', operation: 'apigateway:GetRestApis', code: 'AccessDeniedException', message: 'denied' } };
    snapshot.cognito.client = { state: 'skipped', reason: 'the user pool MyAPIUserPool does not exist' };
    const plan = planProbes(snapshot, lab);
    assert.deepEqual(plan.stageUrl, { ready: false, reason: 'the REST API could not be read (access-denied)' });
    assert.deepEqual(plan.clientId, { ready: false, reason: 'no app client to sign in with (the user pool MyAPIUserPool does not exist)' });
    snapshot.apigateway.api = { state: 'absent', detail: 'no REST API named SecureAPI' };
    assert.deepEqual(planProbes(snapshot, lab).stageUrl, { ready: false, reason: 'no REST API to call' });
  });
});

describe('redactSecrets', () => {
  test('cuts every secret out of every string, keys included, and leaves the rest alone', () => {
    const value = { body: 'token=abc.def.ghi; again abc.def.ghi', nested: [{ 'abc.def.ghi': 'pw123456' }], status: 200, empty: null };
    assert.deepEqual(redactSecrets(value, ['abc.def.ghi', 'pw123456', '']), {
      body: 'token=[redacted]; again [redacted]',
      nested: [{ '[redacted]': '[redacted]' }],
      status: 200,
      empty: null,
    });
  });
});
