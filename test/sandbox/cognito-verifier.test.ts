// The Cognito module on its own: the token verifier the API data plane uses (every rejection reason),
// the test clock, the issuer form option, and export/import of state between two service instances.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { createCognitoService, poolIdFromArn, type CognitoServiceOptions } from '../../src/sandbox/cognito/index.js';
import type { RequestContext } from '../../src/sandbox/service.js';

const T0 = new Date('2025-01-01T00:00:00Z');
const PASSWORD = 'MySecurePass123!';

function context(): RequestContext {
  return { accountId: '111111111111', region: 'us-east-1', accessKeyId: '111111111111', requestId: 'test', now: new Date(), baseUrl: 'http://127.0.0.1:1' };
}

type Service = ReturnType<typeof createCognitoService>;

/** Activities 3 to 5 and a sign-in, straight through handle(). */
async function signedIn(service: Service) {
  const ctx = context();
  const call = (operation: string, input: Record<string, unknown>) => service.handle(operation, input, ctx) as Promise<Record<string, any>>;
  const poolId = (await call('CreateUserPool', { PoolName: 'MyAPIUserPool' })).UserPool.Id as string;
  const clientId = (await call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'APIClient', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }))
    .UserPoolClient.ClientId as string;
  await call('AdminCreateUser', { UserPoolId: poolId, Username: 'testuser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS' });
  await call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'testuser', Password: PASSWORD, Permanent: true });
  const auth = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } });
  return { poolId, clientId, idToken: auth.AuthenticationResult.IdToken as string, accessToken: auth.AuthenticationResult.AccessToken as string, call };
}

function serviceAt(clock: { now: Date }, extra: CognitoServiceOptions = {}): Service {
  return createCognitoService({ now: () => clock.now, ...extra });
}

describe('verifyToken', () => {
  it('accepts a good ID token and returns its claims', async () => {
    const clock = { now: T0 };
    const service = serviceAt(clock);
    const { poolId, idToken } = await signedIn(service);
    const check = await service.verifier.verifyToken(idToken, { allowedPoolIds: [poolId], tokenUse: 'id' });
    assert.ok(check.ok);
    assert.equal(check.poolId, poolId);
    assert.equal(check.claims['cognito:username'], 'testuser');
    assert.equal(check.claims.iat, T0.getTime() / 1000);
  });

  it('names why it rejects a token', async () => {
    const clock = { now: T0 };
    const service = serviceAt(clock);
    const { poolId, idToken, accessToken } = await signedIn(service);
    const verify = (token: string, options: Partial<Parameters<Service['verifier']['verifyToken']>[1]> = {}) =>
      service.verifier.verifyToken(token, { allowedPoolIds: [poolId], ...options });

    assert.deepEqual(await verify('not.a.jwt'), { ok: false, reason: 'malformed' });
    assert.deepEqual(await verify(idToken, { allowedPoolIds: ['us-east-1_Other1234'] }), { ok: false, reason: 'other-pool' });
    assert.deepEqual(await verify(accessToken, { tokenUse: 'id' }), { ok: false, reason: 'wrong-token-use' });

    const [header, , signature] = idToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(idToken), 'cognito:username': 'admin' })).toString('base64url');
    assert.deepEqual(await verify(`${header}.${forgedPayload}.${signature}`), { ok: false, reason: 'bad-signature' });

    clock.now = new Date(T0.getTime() + 3601_000);
    assert.deepEqual(await verify(idToken), { ok: false, reason: 'expired' });
    assert.equal((await verify(idToken, { now: T0 })).ok, true);
  });

  it('rejects the tokens of a deleted pool', async () => {
    const service = serviceAt({ now: T0 });
    const { poolId, idToken, call } = await signedIn(service);
    await call('DeleteUserPool', { UserPoolId: poolId });
    assert.deepEqual(await service.verifier.verifyToken(idToken, { allowedPoolIds: [poolId] }), { ok: false, reason: 'unknown-pool' });
  });

  it('issues and accepts the issuer-cognito-idp form when configured', async () => {
    const service = serviceAt({ now: T0 }, { issuerForm: 'issuer-cognito-idp' });
    const { poolId, idToken } = await signedIn(service);
    assert.equal(decodeJwt(idToken).iss, `https://issuer-cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    assert.equal((await service.verifier.verifyToken(idToken, { allowedPoolIds: [poolId] })).ok, true);
  });
});

describe('state', () => {
  it('moves pools, keys and users to another instance with exportState / importState', async () => {
    const first = serviceAt({ now: T0 });
    const { poolId, clientId, idToken } = await signedIn(first);
    const second = serviceAt({ now: T0 });
    second.importState(first.exportState());
    assert.equal((await second.verifier.verifyToken(idToken, { allowedPoolIds: [poolId] })).ok, true);
    const auth = (await second.handle('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } }, context())) as {
      AuthenticationResult: { IdToken: string };
    };
    assert.equal(decodeJwt(auth.AuthenticationResult.IdToken).aud, clientId);
    assert.throws(() => second.importState({ pools: {} }), /cognito-idp state: not a version 1 state document/);
  });

  it('answers UnknownOperationException for an operation it does not have', () => {
    assert.throws(() => createCognitoService().handle('SignUp', {}, context()), { code: 'UnknownOperationException' });
  });
});

it('reads the pool id out of an authorizer provider ARN', () => {
  assert.equal(poolIdFromArn('arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_AbC123xyZ'), 'us-east-1_AbC123xyZ');
  assert.equal(poolIdFromArn('arn:aws:iam::111111111111:role/x'), undefined);
});

/** The kid in a token's header. */
const kidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()).kid as string;

describe('signingKeys', () => {
  it("'shared' gives every pool the same two keys, and a pool still refuses another pool's tokens", async () => {
    const service = serviceAt({ now: T0 }, { signingKeys: 'shared' });
    const first = await signedIn(service);
    const second = await signedIn(service);
    assert.equal(kidOf(first.idToken), kidOf(second.idToken));
    assert.notEqual(kidOf(first.idToken), kidOf(first.accessToken), 'ID and access tokens keep their own keys');
    assert.deepEqual(await service.verifier.verifyToken(first.idToken, { allowedPoolIds: [second.poolId] }), { ok: false, reason: 'other-pool' });
    assert.ok((await service.verifier.verifyToken(second.idToken, { allowedPoolIds: [second.poolId] })).ok);
  });

  it("'per-pool' (the default) gives each pool keys of its own", async () => {
    const service = serviceAt({ now: T0 });
    const first = await signedIn(service);
    const second = await signedIn(service);
    assert.notEqual(kidOf(first.idToken), kidOf(second.idToken));
  });
});
