// The sign-in probe against the sandbox's Cognito (a real token issuer): every outcome of InitiateAuth the
// lab can meet, and the rule that no token or password reaches the evidence.
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signIn } from '../../src/probes/auth.js';
import { resolveProbePassword } from '../../src/probes/password.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { closedPort, cognitoClient, createLabPool, PASSWORD, TEMP_PASSWORD, USERNAME } from './support.js';

let sandbox: RunningSandbox;
let cognito: CognitoIdentityProviderClient;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  cognito = cognitoClient(sandbox);
});

after(async () => {
  cognito.destroy();
  await sandbox.stop();
});

describe('signIn', () => {
  test('decodes the ID and access tokens into header and claims; no token string or password in the evidence', async () => {
    const { poolId, clientId } = await createLabPool(cognito);
    const result = await signIn(cognito, { clientId, username: USERNAME, password: PASSWORD });
    assert.equal(result.evidence.state, 'found');
    const outcome = result.evidence.value;
    assert.equal(outcome.outcome, 'tokens');
    assert.equal(outcome.tokenType, 'Bearer');
    assert.equal(outcome.expiresIn, 3600);
    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    assert.equal(outcome.idToken?.header['alg'], 'RS256');
    assert.equal(typeof outcome.idToken?.header['kid'], 'string');
    assert.deepEqual(
      { use: outcome.idToken?.claims['token_use'], aud: outcome.idToken?.claims['aud'], user: outcome.idToken?.claims['cognito:username'], iss: outcome.idToken?.claims['iss'] },
      { use: 'id', aud: clientId, user: USERNAME, iss: issuer },
    );
    assert.deepEqual(
      { use: outcome.accessToken?.claims['token_use'], client: outcome.accessToken?.claims['client_id'], user: outcome.accessToken?.claims['username'] },
      { use: 'access', client: clientId, user: USERNAME },
    );

    const { idToken, accessToken, refreshToken } = result.tokens ?? {};
    assert.ok(idToken && accessToken && refreshToken, 'the raw tokens are handed to the HTTP probes');
    const saved = JSON.stringify(result.evidence);
    for (const secret of [idToken, accessToken, refreshToken, PASSWORD]) assert.ok(!saved.includes(secret), 'a secret reached the evidence');
    // Not even the signature part of a token.
    for (const token of [idToken, accessToken]) assert.ok(!saved.includes(token.split('.')[2] as string));
  });

  test('a wrong password is refused: NotAuthorizedException', async () => {
    const { clientId } = await createLabPool(cognito);
    const result = await signIn(cognito, { clientId, username: USERNAME, password: 'Wrong-Pass-1!' });
    assert.deepEqual(result.evidence, { state: 'found', value: { outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' } });
    assert.equal(result.tokens, null);
  });

  test('a client without USER_PASSWORD_AUTH is refused: InvalidParameterException', async () => {
    const { clientId } = await createLabPool(cognito, { flows: [] });
    const result = await signIn(cognito, { clientId, username: USERNAME, password: PASSWORD });
    assert.deepEqual(result.evidence, {
      state: 'found',
      value: { outcome: 'refused', code: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' },
    });
  });

  test('a client with a secret is refused: the lab sends no SECRET_HASH', async () => {
    const { clientId } = await createLabPool(cognito, { generateSecret: true });
    const result = await signIn(cognito, { clientId, username: USERNAME, password: PASSWORD });
    assert.equal(result.evidence.state, 'found');
    const outcome = result.evidence.value;
    assert.equal(outcome.outcome, 'refused');
    assert.equal(outcome.outcome === 'refused' && outcome.code, 'NotAuthorizedException');
    assert.match(outcome.outcome === 'refused' ? outcome.message : '', /configured for secret but secret was not received/);
  });

  test('an unknown user is refused (UserNotFoundException), not recorded as absent', async () => {
    const { clientId } = await createLabPool(cognito);
    const result = await signIn(cognito, { clientId, username: 'someone-else', password: PASSWORD });
    assert.deepEqual(result.evidence, { state: 'found', value: { outcome: 'refused', code: 'UserNotFoundException', message: 'User does not exist.' } });
  });

  test('a user still in FORCE_CHANGE_PASSWORD gets the NEW_PASSWORD_REQUIRED challenge', async () => {
    const { clientId } = await createLabPool(cognito, { permanentPassword: false });
    const result = await signIn(cognito, { clientId, username: USERNAME, password: TEMP_PASSWORD });
    assert.deepEqual(result.evidence, { state: 'found', value: { outcome: 'challenge', challengeName: 'NEW_PASSWORD_REQUIRED' } });
    assert.ok(!JSON.stringify(result.evidence).includes(TEMP_PASSWORD));
  });

  test('Cognito out of reach is an error of the grader (network), not a refusal', async () => {
    const unreachable = new CognitoIdentityProviderClient({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      const result = await signIn(unreachable, { clientId: 'abc', username: USERNAME, password: PASSWORD });
      assert.equal(result.evidence.state, 'error');
      assert.equal(result.evidence.state === 'error' && result.evidence.error.kind, 'network');
      assert.equal(result.evidence.state === 'error' && result.evidence.error.operation, 'cognito-idp:InitiateAuth');
      assert.ok(!JSON.stringify(result.evidence).includes(PASSWORD));
    } finally {
      unreachable.destroy();
    }
  });

  test('throttling and access denied are errors of the grader', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const mock = mockClient(client);
    const serviceError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
    try {
      mock.on(InitiateAuthCommand).rejects(serviceError('TooManyRequestsException', 'Rate exceeded'));
      const throttled = await signIn(client, { clientId: 'abc', username: USERNAME, password: PASSWORD });
      assert.equal(throttled.evidence.state === 'error' && throttled.evidence.error.kind, 'throttled');
      mock.on(InitiateAuthCommand).rejects(serviceError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/x is not authorized'));
      const denied = await signIn(client, { clientId: 'abc', username: USERNAME, password: PASSWORD });
      assert.equal(denied.evidence.state === 'error' && denied.evidence.error.kind, 'access-denied');
    } finally {
      mock.restore();
      client.destroy();
    }
  });
});

describe('resolveProbePassword', () => {
  test('--password wins over LAB_GRADER_PASSWORD, which wins over the lab spec', () => {
    assert.equal(resolveProbePassword('from-flag', { LAB_GRADER_PASSWORD: 'from-env' }, 'from-spec'), 'from-flag');
    assert.equal(resolveProbePassword(undefined, { LAB_GRADER_PASSWORD: 'from-env' }, 'from-spec'), 'from-env');
    assert.equal(resolveProbePassword(undefined, {}, 'from-spec'), 'from-spec');
  });

  test('an empty value counts as not given', () => {
    assert.equal(resolveProbePassword('', { LAB_GRADER_PASSWORD: '' }, 'from-spec'), 'from-spec');
  });
});
