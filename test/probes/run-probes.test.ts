// runProbes end to end at the unit level: a real sign-in (the sandbox's Cognito) and a loopback stage that
// records what each probe sent; the forged token against the pool's JWKS; what is skipped, and why.
import { CognitoIdentityProviderClient, InitiateAuthCommand, NotAuthorizedException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { POOL_ID } from '../../fixtures/account.js';
import { completeSnapshot } from '../../fixtures/complete.js';
import type { LabSpec } from '../../src/lab/types.js';
import { planProbes, runProbes, type ProbeOptions } from '../../src/probes/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import type { ProbeEvidence, Snapshot } from '../../src/snapshot/types.js';
import { cognitoClient, createLabPool, gatewayAnswer, PASSWORD, startLocalServer, type LabPool, type LocalServer } from './support.js';
import { loadLabSpec } from '../../checks/index.js';

// Every call here is answered: limits long enough that a busy machine's slow turn is never what the test sees.
const LIMITS: ProbeOptions['limits'] = { connectMs: 10_000, requestMs: 30_000 };

let sandbox: RunningSandbox;
let cognito: CognitoIdentityProviderClient;
let pool: LabPool;
let lab: LabSpec;
/** A stage whose function echoes the Authorization header it got, as a learner's debugging function might. */
let echoStage: LocalServer;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  cognito = cognitoClient(sandbox);
  pool = await createLabPool(cognito);
  lab = await loadLabSpec(undefined);
  echoStage = await startLocalServer((request, response) =>
    request.headers.authorization === undefined
      ? gatewayAnswer(response, 401, '{"message":"Unauthorized"}', 'UnauthorizedException')
      : gatewayAnswer(response, 200, JSON.stringify({ message: 'Hello from secured API!', authorization: request.headers.authorization })),
  );
});

after(async () => {
  cognito.destroy();
  await echoStage.stop();
  await sandbox.stop();
});

/** The complete lab's snapshot, pointing at this sandbox's pool and client. */
function snapshotOfSandboxPool(): Snapshot {
  const snapshot = completeSnapshot();
  if (snapshot.cognito.client.state !== 'found' || snapshot.cognito.pool.state !== 'found') throw new Error('the complete snapshot has both');
  snapshot.cognito.client.value.clientId = pool.clientId;
  snapshot.cognito.pool.value.id = pool.poolId;
  return snapshot;
}

/** The Authorization header each request to the stage carried, in arrival order, since `from`. */
function authorizationsSince(from: number): (string | undefined)[] {
  return echoStage.requests.slice(from).map((request) => request.headers.authorization);
}

describe('runProbes with a real sign-in', () => {
  let evidence: ProbeEvidence;
  let sent: (string | undefined)[];
  let jwks: ReturnType<typeof createRemoteJWKSet>;
  /** The Bearer tokens sent: the pool's own ID token, and the one its keys did not sign. */
  let idToken: string | undefined;
  let forged: string | undefined;

  before(async () => {
    const from = echoStage.requests.length;
    const plan = planProbes(snapshotOfSandboxPool(), lab, { stageUrl: `${echoStage.url}/prod` });
    evidence = await runProbes(plan, { cognito, password: PASSWORD, limits: LIMITS });
    sent = authorizationsSince(from);
    jwks = createRemoteJWKSet(new URL(`${sandbox.url}/${pool.poolId}/.well-known/jwks.json`));
    for (const token of bearerTokens(sent)) {
      const signedByPool = await jwtVerify(token, jwks).then(() => true, () => false);
      if (signedByPool) idToken = token;
      else forged = token;
    }
  });

  test('makes all five calls to the stage URL and records each', () => {
    assert.equal(evidence.state, 'run');
    assert.equal(evidence.stageUrl, `${echoStage.url}/prod`);
    assert.equal(evidence.auth.state === 'found' && evidence.auth.value.outcome, 'tokens');
    for (const [name, observed] of Object.entries(evidence.http)) {
      assert.equal(observed.state, 'found', `${name}: ${JSON.stringify(observed)}`);
      assert.equal(observed.state === 'found' && observed.value.url, `${echoStage.url}/prod/hello`);
    }
    assert.equal(sent.length, 5);
    assert.equal(evidence.http.noToken.state === 'found' && evidence.http.noToken.value.status, 401);
  });

  test('sends the ID token as Bearer and raw, the access token raw, and a forged token as Bearer', () => {
    assert.ok(idToken, 'no Bearer token signed by the pool was sent');
    assert.equal(decodeJwt(idToken)['token_use'], 'id');
    const raw = sent.filter((header): header is string => header !== undefined && !header.startsWith('Bearer '));
    assert.deepEqual(raw.map((token) => decodeJwt(token)['token_use']).sort(), ['access', 'id']);
    assert.ok(raw.includes(idToken), 'the raw ID token is the same token as the Bearer one');
    assert.equal(sent.filter((header) => header === undefined).length, 1, 'exactly one call without a token');
  });

  test("the forged token copies the ID token's header, kid and claims, and fails verification with the pool's JWKS", async () => {
    assert.ok(idToken && forged);
    assert.notEqual(forged, idToken);
    assert.deepEqual(decodeProtectedHeader(forged), decodeProtectedHeader(idToken));
    assert.deepEqual(decodeJwt(forged), decodeJwt(idToken));
    await assert.rejects(jwtVerify(forged, jwks), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  test('no token or password in the evidence, even when the function echoes the token back', () => {
    const saved = JSON.stringify(evidence);
    for (const header of sent) if (header !== undefined) assert.ok(!saved.includes(header.replace(/^Bearer /, '')), 'a token reached the evidence');
    assert.ok(!saved.includes(PASSWORD));
    assert.match(saved, /\[redacted\]/, 'the echoed token was cut out');
  });
});

function bearerTokens(headers: (string | undefined)[]): string[] {
  return headers.filter((header): header is string => header?.startsWith('Bearer ') ?? false).map((header) => header.slice('Bearer '.length));
}

describe('runProbes when something is missing', () => {
  test('no app client: the sign-in and the token calls are skipped; no token and forged are still made', async () => {
    const snapshot = completeSnapshot();
    snapshot.cognito.client = { state: 'absent', detail: 'no app client named APIClient' };
    const from = echoStage.requests.length;
    const evidence = await runProbes(planProbes(snapshot, lab, { stageUrl: `${echoStage.url}/prod` }), { cognito, password: PASSWORD, limits: LIMITS });
    assert.equal(evidence.state, 'run');
    assert.deepEqual(evidence.auth, { state: 'skipped', reason: 'no app client to sign in with' });
    for (const probe of ['bearerIdToken', 'rawIdToken', 'accessToken'] as const) {
      assert.deepEqual(evidence.http[probe], { state: 'skipped', reason: 'no app client to sign in with' });
    }
    assert.equal(evidence.http.noToken.state, 'found');
    assert.equal(evidence.http.forgedToken.state, 'found');
    // The forged token has what a real one would: the pool's issuer, the lab user.
    const forged = bearerTokens(authorizationsSince(from))[0];
    assert.ok(forged);
    assert.equal(decodeJwt(forged)['iss'], `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`);
    assert.equal(decodeJwt(forged)['cognito:username'], 'testuser');
  });

  test('Cognito refuses: the token calls are skipped because no tokens were issued', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const mock = mockClient(client);
    mock.on(InitiateAuthCommand).rejects(new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: { httpStatusCode: 400 } }));
    try {
      const evidence = await runProbes(planProbes(completeSnapshot(), lab, { stageUrl: `${echoStage.url}/prod` }), { cognito: client, password: 'wrong', limits: LIMITS });
      assert.deepEqual(evidence.auth, { state: 'found', value: { outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' } });
      assert.deepEqual(evidence.http.bearerIdToken, { state: 'skipped', reason: 'Cognito issued no tokens' });
      assert.equal(evidence.http.forgedToken.state, 'found');
    } finally {
      mock.restore();
      client.destroy();
    }
  });

  test('no REST API: every call is skipped, and the probes still count as run', async () => {
    const snapshot = completeSnapshot();
    snapshot.apigateway.api = { state: 'absent', detail: 'no REST API named SecureAPI' };
    const evidence = await runProbes(planProbes(snapshot, lab), { cognito, password: PASSWORD, limits: LIMITS });
    assert.equal(evidence.state, 'run');
    assert.equal(evidence.stageUrl, null);
    for (const observed of Object.values(evidence.http)) assert.deepEqual(observed, { state: 'skipped', reason: 'no REST API to call' });
  });

  test('the call without a token does not wait for the sign-in', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const mock = mockClient(client);
    const from = echoStage.requests.length;
    let stageCalledFirst = false;
    mock.on(InitiateAuthCommand).callsFake(async () => {
      // Answer only once the stage has seen the call without a token (or give up after 30 s, and the test fails).
      for (let waited = 0; waited < 1_500 && !stageCalledFirst; waited++) {
        stageCalledFirst = authorizationsSince(from).some((header) => header === undefined);
        if (!stageCalledFirst) await sleep(20);
      }
      return { ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: {} };
    });
    try {
      const evidence = await runProbes(planProbes(completeSnapshot(), lab, { stageUrl: `${echoStage.url}/prod` }), { cognito: client, password: PASSWORD, limits: LIMITS });
      assert.equal(stageCalledFirst, true);
      assert.deepEqual(evidence.auth, { state: 'found', value: { outcome: 'challenge', challengeName: 'NEW_PASSWORD_REQUIRED' } });
    } finally {
      mock.restore();
      client.destroy();
    }
  });
});
