// Cognito in the sandbox, through the real HTTP server and the real SDK v3 client: control plane, every
// InitiateAuth outcome of the facts (section 2), the tokens and their JWKS, and account isolation.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startSandbox } from '../../src/sandbox/index.js';
import { clientConfig } from './helpers.js';

const TEMP_PASSWORD = 'TempPass123!';
const PASSWORD = 'MySecurePass123!';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let cognito: CognitoIdentityProviderClient;
let otherAccount: CognitoIdentityProviderClient;

function clientFor(accountId: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(clientConfig(sandbox, accountId));
}

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  cognito = clientFor('111111111111');
  otherAccount = clientFor('222222222222');
});

after(async () => {
  cognito.destroy();
  otherAccount.destroy();
  await sandbox.stop();
});

/** Rejects with exactly this AWS error code, message and HTTP 400. */
async function rejectsWith(call: Promise<unknown>, code: string, message: string): Promise<void> {
  await assert.rejects(call, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, code);
    assert.equal(error.message, message);
    assert.equal(error.$metadata?.httpStatusCode, 400);
    return true;
  });
}

async function newPool(name = 'MyAPIUserPool'): Promise<string> {
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
  return UserPool?.Id as string;
}

async function newClient(poolId: string, settings: Partial<CreateUserPoolClientCommandInput> = {}): Promise<string> {
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'APIClient', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'], ...settings }),
  );
  return UserPoolClient?.ClientId as string;
}

async function newUser(poolId: string, username: string, permanentPassword?: string, attributes: Record<string, string> = {}): Promise<void> {
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      TemporaryPassword: TEMP_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  if (permanentPassword) {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: permanentPassword, Permanent: true }));
  }
}

/** Activities 3 to 5 of the lab. */
async function labSetup(): Promise<{ poolId: string; clientId: string }> {
  const poolId = await newPool();
  const clientId = await newClient(poolId);
  await newUser(poolId, 'testuser', PASSWORD);
  return { poolId, clientId };
}

function passwordAuth(clientId: string, username: string, password: string, extra: Record<string, string> = {}) {
  return cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password, ...extra } }),
  );
}

describe('user pools', () => {
  it('creates a pool with the AWS defaults and describes it', async () => {
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
    assert.match(UserPool?.Id ?? '', /^us-east-1_[0-9A-Za-z]{9}$/);
    assert.equal(UserPool?.Arn, `arn:aws:cognito-idp:us-east-1:111111111111:userpool/${UserPool?.Id}`);
    assert.deepEqual(UserPool?.Policies?.PasswordPolicy, {
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
    assert.ok(UserPool?.CreationDate instanceof Date && UserPool.LastModifiedDate instanceof Date);
    assert.ok(UserPool?.SchemaAttributes?.some((a) => a.Name === 'email'));

    const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: UserPool?.Id }));
    assert.equal(described.UserPool?.Name, 'MyAPIUserPool');
    assert.equal(described.UserPool?.EstimatedNumberOfUsers, 0);
    assert.equal(described.UserPool?.MfaConfiguration, 'OFF');
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    await rejectsWith(cognito.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nope12345' })), 'ResourceNotFoundException', 'User pool us-east-1_Nope12345 does not exist.');
  });

  it('requires MaxResults on ListUserPools and keeps it within 1..60', async () => {
    await rejectsWith(
      cognito.send(new ListUserPoolsCommand({} as never)),
      'InvalidParameterException',
      "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    );
    await rejectsWith(
      cognito.send(new ListUserPoolsCommand({ MaxResults: 61 })),
      'InvalidParameterException',
      "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
  });

  it('pages ListUserPools with NextToken', async () => {
    const created = [await newPool('PageA'), await newPool('PageB'), await newPool('PageC')];
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken }));
      assert.ok((page.UserPools?.length ?? 0) <= 1);
      seen.push(...(page.UserPools ?? []).map((p) => p.Id as string));
      NextToken = page.NextToken;
    } while (NextToken);
    for (const id of created) assert.ok(seen.includes(id));
    assert.equal(new Set(seen).size, seen.length);
  });

  it('updates the password policy and deletes pools, honouring deletion protection', async () => {
    const poolId = await newPool('Updatable');
    await cognito.send(
      new UpdateUserPoolCommand({ UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 6 } }, DeletionProtection: 'ACTIVE' }),
    );
    const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(UserPool?.Policies?.PasswordPolicy?.MinimumLength, 6);
    assert.equal(UserPool?.Policies?.PasswordPolicy?.RequireSymbols, false);
    await rejectsWith(
      cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId })),
      'InvalidParameterException',
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    );
    await cognito.send(new UpdateUserPoolCommand({ UserPoolId: poolId, DeletionProtection: 'INACTIVE' }));
    await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await rejectsWith(cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), 'ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  });
});

describe('app clients', () => {
  it('echoes legacy auth flow names and defaults PreventUserExistenceErrors to LEGACY', async () => {
    const poolId = await newPool();
    const clientId = await newClient(poolId);
    assert.match(clientId, /^[a-z0-9]{26}$/);
    const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    assert.deepEqual(UserPoolClient?.ExplicitAuthFlows, ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
    assert.equal(UserPoolClient?.PreventUserExistenceErrors, 'LEGACY');
    assert.equal(UserPoolClient?.RefreshTokenValidity, 30);
    assert.equal(UserPoolClient?.ClientSecret, undefined);
  });

  it('defaults omitted flows to refresh, SRP and custom auth', async () => {
    const poolId = await newPool();
    const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'Defaults' }));
    assert.deepEqual(UserPoolClient?.ExplicitAuthFlows, ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
  });

  it('refuses legacy and ALLOW_* flows on one client', async () => {
    const poolId = await newPool();
    await assert.rejects(newClient(poolId, { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }), { name: 'InvalidParameterException' });
  });

  it('refuses an unknown flow name with a validation error', async () => {
    const poolId = await newPool();
    await assert.rejects(newClient(poolId, { ExplicitAuthFlows: ['PASSWORD_AUTH' as never] }), (error: Error) => {
      assert.equal(error.name, 'InvalidParameterException');
      assert.match(error.message, /^1 validation error detected: Value '\[PASSWORD_AUTH\]' at 'explicitAuthFlows' failed to satisfy constraint/);
      return true;
    });
  });

  it('generates a secret on request, lists clients, and resets omitted settings on update', async () => {
    const poolId = await newPool();
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'Secret', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], PreventUserExistenceErrors: 'ENABLED' }),
    );
    assert.match(UserPoolClient?.ClientSecret ?? '', /^[a-z0-9]{51}$/);
    const clientId = UserPoolClient?.ClientId as string;
    const listed = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
    assert.deepEqual(listed.UserPoolClients, [{ ClientId: clientId, UserPoolId: poolId, ClientName: 'Secret' }]);

    const updated = await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ClientName: 'Renamed' }));
    assert.equal(updated.UserPoolClient?.ClientName, 'Renamed');
    assert.equal(updated.UserPoolClient?.ClientSecret, UserPoolClient?.ClientSecret);
    assert.deepEqual(updated.UserPoolClient?.ExplicitAuthFlows, ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
    assert.equal(updated.UserPoolClient?.PreventUserExistenceErrors, 'LEGACY');

    await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    await rejectsWith(
      cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
      'ResourceNotFoundException',
      `User pool client ${clientId} does not exist.`,
    );
  });
});

describe('users', () => {
  it('creates a user in FORCE_CHANGE_PASSWORD with a sub, then confirms it with a permanent password', async () => {
    const poolId = await newPool();
    const { User } = await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS' }),
    );
    assert.equal(User?.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.equal(User?.Enabled, true);
    assert.match(User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? '', /^[0-9a-f-]{36}$/);

    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: PASSWORD, Permanent: true }));
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' }))).UserStatus, 'CONFIRMED');

    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: PASSWORD, Permanent: false }));
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' }))).UserStatus, 'FORCE_CHANGE_PASSWORD');
  });

  it('checks temporary and permanent passwords against the policy', async () => {
    const poolId = await newPool();
    await rejectsWith(
      cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'weak', TemporaryPassword: 'temppass123!', MessageAction: 'SUPPRESS' })),
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    );
    await newUser(poolId, 'strong');
    await rejectsWith(
      cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'strong', Password: 'Short1!', Permanent: true })),
      'InvalidPasswordException',
      'Password does not conform to policy: Password not long enough',
    );
    await rejectsWith(
      cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'strong', Password: 'NoSymbols123', Permanent: true })),
      'InvalidPasswordException',
      'Password does not conform to policy: Password must have symbol characters',
    );
  });

  it('refuses a second user of the same name and an unknown user', async () => {
    const poolId = await newPool();
    await newUser(poolId, 'testuser');
    await rejectsWith(
      cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: TEMP_PASSWORD, MessageAction: 'SUPPRESS' })),
      'UsernameExistsException',
      'User account already exists',
    );
    await rejectsWith(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nobody' })), 'UserNotFoundException', 'User does not exist.');
  });

  it('finds users and clients only under the names they were stored with, even names an object inherits', async () => {
    const poolId = await newPool();
    await rejectsWith(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'constructor' })), 'UserNotFoundException', 'User does not exist.');
    await newUser(poolId, 'toString');
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'toString' }))).Username, 'toString');
    await rejectsWith(
      cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'constructor' })),
      'ResourceNotFoundException',
      'User pool client constructor does not exist.',
    );
    await rejectsWith(passwordAuth('constructor', 'testuser', PASSWORD), 'ResourceNotFoundException', 'User pool client constructor does not exist.');
  });

  it('lists users with a username filter and pages them', async () => {
    const poolId = await newPool();
    for (const name of ['alice', 'bob', 'carol']) await newUser(poolId, name, undefined, { email: `${name}@example.com` });
    const filtered = await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = "bob"' }));
    assert.deepEqual(filtered.Users?.map((u) => u.Username), ['bob']);
    const byEmail = await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email ^= "car"' }));
    assert.deepEqual(byEmail.Users?.map((u) => u.Username), ['carol']);

    const first = await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2 }));
    assert.deepEqual(first.Users?.map((u) => u.Username), ['alice', 'bob']);
    const second = await cognito.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken: first.PaginationToken }));
    assert.deepEqual(second.Users?.map((u) => u.Username), ['carol']);
    assert.equal(second.PaginationToken, undefined);

    await rejectsWith(cognito.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = bob' })), 'InvalidParameterException', 'Error while parsing filter.');
  });

  it('disables, enables and deletes users', async () => {
    const poolId = await newPool();
    await newUser(poolId, 'testuser', PASSWORD);
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'testuser' }));
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' }))).Enabled, false);
    await cognito.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'testuser' }));
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' }))).Enabled, true);
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'testuser' }));
    await rejectsWith(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' })), 'UserNotFoundException', 'User does not exist.');
  });
});

describe('InitiateAuth outcomes (facts section 2)', () => {
  it('refuses USER_PASSWORD_AUTH on a client that does not allow it', async () => {
    const poolId = await newPool();
    const clientId = await newClient(poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await newUser(poolId, 'testuser', PASSWORD);
    await rejectsWith(passwordAuth(clientId, 'testuser', PASSWORD), 'InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
    await rejectsWith(
      cognito.send(
        new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'testuser', PASSWORD } }),
      ),
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    );
  });

  it('refuses a wrong password', async () => {
    const { clientId } = await labSetup();
    await rejectsWith(passwordAuth(clientId, 'testuser', 'WrongPass123!'), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('reveals an unknown user under LEGACY and hides it under ENABLED', async () => {
    const { poolId, clientId } = await labSetup();
    await rejectsWith(passwordAuth(clientId, 'nobody', PASSWORD), 'UserNotFoundException', 'User does not exist.');
    const hidingClient = await newClient(poolId, { PreventUserExistenceErrors: 'ENABLED' });
    await rejectsWith(passwordAuth(hidingClient, 'nobody', PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('answers NEW_PASSWORD_REQUIRED for a user still in FORCE_CHANGE_PASSWORD, and tokens after the new password', async () => {
    const poolId = await newPool();
    const clientId = await newClient(poolId);
    await newUser(poolId, 'newbie', undefined, { email: 'newbie@example.com' });
    const challenge = await passwordAuth(clientId, 'newbie', TEMP_PASSWORD);
    assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    assert.equal(challenge.AuthenticationResult, undefined);
    assert.ok((challenge.Session?.length ?? 0) >= 20);
    assert.deepEqual(challenge.ChallengeParameters, {
      USER_ID_FOR_SRP: 'newbie',
      requiredAttributes: '[]',
      userAttributes: '{"email":"newbie@example.com"}',
    });

    await rejectsWith(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'weak' },
        }),
      ),
      'InvalidPasswordException',
      'Password does not conform to policy: Password not long enough',
    );
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: PASSWORD },
      }),
    );
    assert.ok(answered.AuthenticationResult?.IdToken);
    assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'newbie' }))).UserStatus, 'CONFIRMED');
    await rejectsWith(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: PASSWORD },
        }),
      ),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    assert.ok((await passwordAuth(clientId, 'newbie', PASSWORD)).AuthenticationResult?.AccessToken);
  });

  it('runs the admin flow and its challenge (ADMIN_NO_SRP_AUTH)', async () => {
    const poolId = await newPool();
    const clientId = await newClient(poolId);
    await newUser(poolId, 'admin-made');
    const challenge = await cognito.send(
      new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_NO_SRP_AUTH', AuthParameters: { USERNAME: 'admin-made', PASSWORD: TEMP_PASSWORD } }),
    );
    assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    const answered = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'admin-made', NEW_PASSWORD: PASSWORD },
      }),
    );
    assert.equal(answered.AuthenticationResult?.TokenType, 'Bearer');
  });

  it('refuses an admin flow on the public endpoint', async () => {
    const { clientId } = await labSetup();
    await rejectsWith(
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'ADMIN_NO_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } })),
      'InvalidParameterException',
      'Initiate Auth method not supported.',
    );
  });

  it('requires the SECRET_HASH of a client with a secret, and checks it', async () => {
    const poolId = await newPool();
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'WithSecret', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const clientId = UserPoolClient?.ClientId as string;
    await newUser(poolId, 'testuser', PASSWORD);
    await rejectsWith(passwordAuth(clientId, 'testuser', PASSWORD), 'NotAuthorizedException', `Client ${clientId} is configured for secret but secret was not received`);
    await rejectsWith(
      passwordAuth(clientId, 'testuser', PASSWORD, { SECRET_HASH: 'bm90IHRoZSBoYXNo' }),
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${clientId}`,
    );
    const secretHash = createHmac('sha256', UserPoolClient?.ClientSecret as string).update(`testuser${clientId}`).digest('base64');
    const { AuthenticationResult } = await passwordAuth(clientId, 'testuser', PASSWORD, { SECRET_HASH: secretHash });
    assert.ok(AuthenticationResult?.IdToken);
  });

  it('refuses a disabled user', async () => {
    const { poolId, clientId } = await labSetup();
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'testuser' }));
    await rejectsWith(passwordAuth(clientId, 'testuser', PASSWORD), 'NotAuthorizedException', 'User is disabled.');
  });

  it('answers ResourceNotFoundException for an unknown ClientId', async () => {
    await rejectsWith(passwordAuth('0123456789abcdefghijklmnop', 'testuser', PASSWORD), 'ResourceNotFoundException', 'User pool client 0123456789abcdefghijklmnop does not exist.');
  });

  it('asks for missing auth parameters', async () => {
    const { clientId } = await labSetup();
    await rejectsWith(
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser' } })),
      'InvalidParameterException',
      'Missing required parameter PASSWORD',
    );
  });
});

describe('tokens', () => {
  const ID_CLAIMS = ['aud', 'auth_time', 'cognito:username', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'sub', 'token_use'];
  const ACCESS_CLAIMS = ['auth_time', 'client_id', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub', 'token_use', 'username'];

  it('issues tokens for the lab user that verify against the JWKS served over HTTP, with exactly the facts claims', async () => {
    const { poolId, clientId } = await labSetup();
    const { AuthenticationResult: result } = await passwordAuth(clientId, 'testuser', PASSWORD);
    assert.equal(result?.ExpiresIn, 3600);
    assert.equal(result?.TokenType, 'Bearer');
    assert.equal(typeof result?.RefreshToken, 'string');

    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    const keySet = createRemoteJWKSet(new URL(`${sandbox.url}/${poolId}/.well-known/jwks.json`));
    const id = await jwtVerify(result?.IdToken as string, keySet, { issuer, audience: clientId, algorithms: ['RS256'] });
    const access = await jwtVerify(result?.AccessToken as string, keySet, { issuer, algorithms: ['RS256'] });

    assert.deepEqual(Object.keys(id.payload).sort(), ID_CLAIMS);
    assert.deepEqual(Object.keys(access.payload).sort(), ACCESS_CLAIMS);
    assert.deepEqual(Object.keys(id.protectedHeader).sort(), ['alg', 'kid']);
    assert.notEqual(id.protectedHeader.kid, access.protectedHeader.kid);

    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' }));
    const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    assert.equal(id.payload.sub, sub);
    assert.equal(id.payload['cognito:username'], 'testuser');
    assert.equal(id.payload['token_use'], 'id');
    assert.equal(id.payload.aud, clientId);
    assert.equal(access.payload['client_id'], clientId);
    assert.equal(access.payload['username'], 'testuser');
    assert.equal(access.payload['token_use'], 'access');
    assert.equal(access.payload['scope'], 'aws.cognito.signin.user.admin');
    assert.equal((id.payload.exp as number) - (id.payload.iat as number), 3600);
    assert.equal(id.payload['origin_jti'], access.payload['origin_jti']);
    assert.notEqual(id.payload.jti, access.payload.jti);
    assert.equal(typeof id.payload['auth_time'], 'number');
  });

  it('adds attribute claims only when the user has them, email_verified as a boolean', async () => {
    const poolId = await newPool();
    const clientId = await newClient(poolId);
    await newUser(poolId, 'mailer', PASSWORD, { email: 'mailer@example.com', email_verified: 'true' });
    const { AuthenticationResult: result } = await passwordAuth(clientId, 'mailer', PASSWORD);
    const keySet = createRemoteJWKSet(new URL(`${sandbox.url}/${poolId}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(result?.IdToken as string, keySet);
    assert.equal(payload['email'], 'mailer@example.com');
    assert.equal(payload['email_verified'], true);
    const access = await jwtVerify(result?.AccessToken as string, keySet);
    assert.equal(access.payload['email'], undefined);
  });

  it('serves a JWKS with both public keys and an OpenID configuration', async () => {
    const { poolId } = await labSetup();
    const jwks = (await (await fetch(`${sandbox.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    assert.equal(jwks.keys.length, 2);
    for (const key of jwks.keys) {
      assert.deepEqual(Object.keys(key).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
      assert.equal(key['alg'], 'RS256');
      assert.equal(key['kty'], 'RSA');
      assert.equal(key['use'], 'sig');
    }
    const config = (await (await fetch(`${sandbox.url}/${poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(config['issuer'], `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    assert.equal(config['jwks_uri'], `${sandbox.url}/${poolId}/.well-known/jwks.json`);
    assert.equal((await fetch(`${sandbox.url}/us-east-1_Missing12/.well-known/jwks.json`)).status, 404);
  });

  it('refreshes with REFRESH_TOKEN_AUTH, keeping origin_jti and auth_time, without a new refresh token', async () => {
    const { poolId, clientId } = await labSetup();
    const first = (await passwordAuth(clientId, 'testuser', PASSWORD)).AuthenticationResult;
    const refreshed = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: first?.RefreshToken as string } }),
    );
    assert.equal(refreshed.AuthenticationResult?.RefreshToken, undefined);
    const keySet = createRemoteJWKSet(new URL(`${sandbox.url}/${poolId}/.well-known/jwks.json`));
    const before = await jwtVerify(first?.IdToken as string, keySet);
    const after = await jwtVerify(refreshed.AuthenticationResult?.IdToken as string, keySet);
    assert.equal(after.payload['origin_jti'], before.payload['origin_jti']);
    assert.equal(after.payload['auth_time'], before.payload['auth_time']);
    assert.notEqual(after.payload.jti, before.payload.jti);
    await rejectsWith(
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: 'not-a-token' } })),
      'NotAuthorizedException',
      'Invalid Refresh Token',
    );
  });

  it('signs each pool with its own keys', async () => {
    const a = await labSetup();
    const b = await labSetup();
    const tokenA = (await passwordAuth(a.clientId, 'testuser', PASSWORD)).AuthenticationResult?.IdToken as string;
    const keySetB = createRemoteJWKSet(new URL(`${sandbox.url}/${b.poolId}/.well-known/jwks.json`));
    const kidA = decodeProtectedHeader(tokenA).kid;
    const jwksB = (await (await fetch(`${sandbox.url}/${b.poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    assert.ok(!jwksB.keys.some((k) => k.kid === kidA));
    await assert.rejects(jwtVerify(tokenA, keySetB));
  });
});

describe('account isolation', () => {
  it('hides one account’s pools from another, but lets anyone sign in with a client id', async () => {
    const { poolId, clientId } = await labSetup();
    const listed = await otherAccount.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    assert.ok(!(listed.UserPools ?? []).some((p) => p.Id === poolId));
    await rejectsWith(otherAccount.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), 'ResourceNotFoundException', `User pool ${poolId} does not exist.`);
    await rejectsWith(
      otherAccount.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' })),
      'ResourceNotFoundException',
      `User pool ${poolId} does not exist.`,
    );
    await rejectsWith(
      otherAccount.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_NO_SRP_AUTH', AuthParameters: { USERNAME: 'testuser', PASSWORD } })),
      'ResourceNotFoundException',
      `User pool ${poolId} does not exist.`,
    );
    // InitiateAuth is unsigned in AWS: the client id alone finds the pool.
    const { AuthenticationResult } = await otherAccount.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD } }),
    );
    assert.ok(AuthenticationResult?.IdToken);
  });
});
