// The lab's own cognito-idp commands (Activities 3 to 5, and the initiate-auth of Activity 10), run with
// the AWS CLI against the sandbox. Skipped when there is no `aws` on PATH.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, it } from 'node:test';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { startSandbox } from '../../src/sandbox/index.js';

const run = promisify(execFile);

async function awsCliVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run('aws', ['--version']);
    return (stdout || stderr).trim();
  } catch {
    return undefined;
  }
}

const version = await awsCliVersion();
const skip = version ? false : 'no AWS CLI (`aws`) on PATH';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;

before(async () => {
  if (!skip) sandbox = await startSandbox({ port: 0 });
});

after(async () => {
  await sandbox?.stop();
});

/** `aws <args> --region us-east-1 --endpoint-url <sandbox>` with credentials of account 111111111111 only. */
async function aws(...args: string[]): Promise<string> {
  const { stdout } = await run('aws', [...args, '--region', 'us-east-1', '--endpoint-url', sandbox.url], {
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      AWS_ACCESS_KEY_ID: '111111111111',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });
  return stdout.trim();
}

it('runs the lab’s cognito-idp commands with the AWS CLI', { skip }, async () => {
  const poolId = await aws('cognito-idp', 'create-user-pool', '--pool-name', 'MyAPIUserPool', '--query', 'UserPool.Id', '--output', 'text');
  assert.match(poolId, /^us-east-1_[0-9A-Za-z]{9}$/);

  const clientId = await aws(
    'cognito-idp', 'create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'APIClient',
    '--explicit-auth-flows', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', '--query', 'UserPoolClient.ClientId', '--output', 'text',
  );
  assert.match(clientId, /^[a-z0-9]{26}$/);

  const created = JSON.parse(
    await aws('cognito-idp', 'admin-create-user', '--user-pool-id', poolId, '--username', 'testuser', '--temporary-password', 'TempPass123!', '--message-action', 'SUPPRESS'),
  ) as { User: { Username: string; UserStatus: string } };
  assert.equal(created.User.UserStatus, 'FORCE_CHANGE_PASSWORD');

  assert.equal(
    await aws('cognito-idp', 'admin-set-user-password', '--user-pool-id', poolId, '--username', 'testuser', '--password', 'MySecurePass123!', '--permanent'),
    '',
  );
  const status = await aws('cognito-idp', 'admin-get-user', '--user-pool-id', poolId, '--username', 'testuser', '--query', 'UserStatus', '--output', 'text');
  assert.equal(status, 'CONFIRMED');

  const signIn = (query: string) =>
    aws('cognito-idp', 'initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', clientId,
      '--auth-parameters', 'USERNAME=testuser,PASSWORD=MySecurePass123!', '--query', query, '--output', 'text');
  const accessToken = await signIn('AuthenticationResult.AccessToken');
  assert.equal(decodeJwt(accessToken)['token_use'], 'access');
  const idToken = await signIn('AuthenticationResult.IdToken');
  assert.equal(decodeJwt(idToken)['token_use'], 'id');
  assert.equal(decodeJwt(idToken)['cognito:username'], 'testuser');
});

it('shows a Cognito error as the AWS CLI reports it', { skip }, async () => {
  await assert.rejects(
    aws('cognito-idp', 'describe-user-pool', '--user-pool-id', 'us-east-1_Missing12'),
    (error: Error & { stderr?: string }) => {
      assert.match(error.stderr ?? '', /\(ResourceNotFoundException\) when calling the DescribeUserPool operation: User pool us-east-1_Missing12 does not exist\./);
      return true;
    },
  );
});
