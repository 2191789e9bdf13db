import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, ACCOUNT_B, clientConfig, failure, sandboxOn } from './helpers.js';

describe('sts', () => {
  let sandbox: RunningSandbox;
  const roleArn = `arn:aws:iam::${ACCOUNT_B}:role/grader`;

  before(async () => {
    sandbox = await sandboxOn();
    // The instructor's grading role in the student's account B, trusting account A with an ExternalId.
    await new IAMClient(clientConfig(sandbox, ACCOUNT_B)).send(
      new CreateRoleCommand({
        RoleName: 'grader',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'course-42' } } }],
        }),
      }),
    );
  });
  after(() => sandbox.stop());

  test('GetCallerIdentity for a 12-digit key is that account root', async () => {
    const identity = await new STSClient(clientConfig(sandbox)).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, ACCOUNT_A);
    assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT_A}:root`);
    assert.equal(identity.UserId, ACCOUNT_A);
  });

  test('any other key is account 000000000000', async () => {
    const identity = await new STSClient(clientConfig(sandbox, 'AKIAIOSFODNN7EXAMPLE')).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, '000000000000');
  });

  test('AssumeRole without or with a wrong ExternalId is AccessDenied 403', async () => {
    const sts = new STSClient(clientConfig(sandbox));
    for (const ExternalId of [undefined, 'wrong-id']) {
      const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'grading', ExternalId })));
      assert.deepEqual(error, {
        name: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        status: 403,
      });
    }
  });

  test('AssumeRole from an account the role does not trust, or of a missing role, is AccessDenied', async () => {
    const other = new STSClient(clientConfig(sandbox, '333333333333'));
    assert.equal((await failure(other.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'grading', ExternalId: 'course-42' })))).name, 'AccessDenied');
    const sts = new STSClient(clientConfig(sandbox));
    const missing = `arn:aws:iam::${ACCOUNT_B}:role/missing`;
    assert.equal((await failure(sts.send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: 'grading', ExternalId: 'course-42' })))).status, 403);
  });

  test('AssumeRole with the right ExternalId issues keys that act in the role account', async () => {
    const sts = new STSClient(clientConfig(sandbox));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'grading', ExternalId: 'course-42', DurationSeconds: 900 }));
    const credentials = assumed.Credentials!;
    assert.match(credentials.AccessKeyId!, /^ASIA[A-Z0-9]{16}$/);
    assert.ok(credentials.SecretAccessKey && credentials.SessionToken);
    const lifetime = credentials.Expiration!.getTime() - Date.now();
    assert.ok(lifetime > 800_000 && lifetime <= 900_000, `expiration ${credentials.Expiration?.toISOString()} is 15 minutes away`);
    assert.equal(assumed.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT_B}:assumed-role/grader/grading`);

    const config = clientConfig(sandbox, credentials.AccessKeyId!, { secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken! });
    const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, ACCOUNT_B);
    assert.equal(identity.Arn, `arn:aws:sts::${ACCOUNT_B}:assumed-role/grader/grading`);
    assert.match(identity.UserId!, /^AROA[A-Z0-9]{17}:grading$/);
    const functions = await new LambdaClient(config).send(new ListFunctionsCommand({}));
    assert.deepEqual(functions.Functions, []);
  });

  test('DurationSeconds above the role maximum is a ValidationError', async () => {
    const sts = new STSClient(clientConfig(sandbox));
    const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'grading', ExternalId: 'course-42', DurationSeconds: 7200 })));
    assert.equal(error.name, 'ValidationError');
  });
});
