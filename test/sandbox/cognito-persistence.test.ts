// Cognito state across a sandbox restart (--state-dir): keys, users and refresh tokens survive, so tokens
// issued before the restart still verify against the JWKS served after it; passwords are stored hashed.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSandbox } from '../../src/sandbox/index.js';

const PASSWORD = 'MySecurePass123!';
let stateDir: string;

before(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'cognito-state-'));
});

after(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

async function withSandbox<T>(run: (url: string, cognito: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, stateDir });
  const cognito = new CognitoIdentityProviderClient({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' },
    maxAttempts: 1,
  });
  try {
    return await run(sandbox.url, cognito);
  } finally {
    cognito.destroy();
    await sandbox.stop();
  }
}

it('verifies tokens issued before a restart, and signs in and refreshes after it', async () => {
  const issued = await withSandbox(async (_url, cognito) => {
    const poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }))).UserPool?.Id as string;
    const clientId = (
      await cognito.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'APIClient', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] }),
      )
    ).UserPoolClient?.ClientId as string;
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS' }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: PASSWORD, Permanent: true }));
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } }),
    );
    return { poolId, clientId, tokens: AuthenticationResult };
  });

  const saved = await readFile(join(stateDir, 'cognito-idp.json'), 'utf8');
  assert.ok(saved.includes(issued.poolId));
  assert.ok(!saved.includes(PASSWORD) && !saved.includes('TempPass123!'), 'passwords are stored hashed');
  assert.ok(!saved.includes(issued.tokens?.RefreshToken as string), 'refresh tokens are stored hashed');

  await withSandbox(async (url, cognito) => {
    const keySet = createRemoteJWKSet(new URL(`${url}/${issued.poolId}/.well-known/jwks.json`));
    const id = await jwtVerify(issued.tokens?.IdToken as string, keySet, { audience: issued.clientId });
    assert.equal(id.payload['cognito:username'], 'testuser');
    const access = await jwtVerify(issued.tokens?.AccessToken as string, keySet);
    assert.equal(access.payload['token_use'], 'access');

    const again = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: issued.clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } }),
    );
    assert.ok(again.AuthenticationResult?.IdToken);
    const refreshed = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: issued.clientId, AuthParameters: { REFRESH_TOKEN: issued.tokens?.RefreshToken as string } }),
    );
    assert.ok(refreshed.AuthenticationResult?.AccessToken);
  });
});
