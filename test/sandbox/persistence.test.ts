// --state-dir (state survives a restart) and --request-log (one JSON line per request, no secrets).

import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, CreateRoleCommand, GetRoleCommand, AttachRolePolicyCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, AddPermissionCommand, GetPolicyCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ACCOUNT_A, ACCOUNT_B, clientConfig, failure, labZip, lambdaTrustPolicy, sandboxOn } from './helpers.js';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
  dirs.push(dir);
  return dir;
}

describe('state dir', () => {
  test('every service state survives a restart', async () => {
    const stateDir = await tempDir();
    const first = await sandboxOn({ stateDir });
    let assumed: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string };
    try {
      const iam = new IAMClient(clientConfig(first));
      const role = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
      const lambda = new LambdaClient(clientConfig(first));
      await lambda.send(new CreateFunctionCommand({ FunctionName: 'fn', Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: labZip() } }));
      await lambda.send(new AddPermissionCommand({ FunctionName: 'fn', StatementId: 'apigateway-invoke', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
      await new CognitoIdentityProviderClient(clientConfig(first)).send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
      await new APIGatewayClient(clientConfig(first)).send(new CreateRestApiCommand({ name: 'SecureAPI' }));
      await new IAMClient(clientConfig(first, ACCOUNT_B)).send(
        new CreateRoleCommand({ RoleName: 'grader', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT_A }, Action: 'sts:AssumeRole' }] }) }),
      );
      assumed = (await new STSClient(clientConfig(first)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_B}:role/grader`, RoleSessionName: 'session' }))).Credentials!;
    } finally {
      await first.stop();
    }
    const files = (await readdir(stateDir)).sort();
    assert.deepEqual(files, ['apigateway.json', 'cognito-idp.json', 'iam.json', 'lambda.json', 'sts.json']);
    assert.ok(!(await readFile(join(stateDir, 'sts.json'), 'utf8')).includes(assumed.SecretAccessKey!), 'no secret keys in state');

    const second = await sandboxOn({ stateDir });
    try {
      const iam = new IAMClient(clientConfig(second));
      assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }))).Role?.RoleName, 'lambda-execution-role');
      assert.equal((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role' }))).AttachedPolicies?.length, 1);
      const lambda = new LambdaClient(clientConfig(second));
      assert.equal((await lambda.send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.CodeSize, labZip().length);
      assert.equal(JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'fn' }))).Policy!).Statement[0].Sid, 'apigateway-invoke');
      const pools = await new CognitoIdentityProviderClient(clientConfig(second)).send(new ListUserPoolsCommand({ MaxResults: 10 }));
      assert.deepEqual(pools.UserPools?.map((p) => p.Name), ['MyAPIUserPool']);
      assert.deepEqual((await new APIGatewayClient(clientConfig(second)).send(new GetRestApisCommand({}))).items?.map((a) => a.name), ['SecureAPI']);
      const roleSession = clientConfig(second, assumed.AccessKeyId!, { secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken! });
      assert.equal((await new STSClient(roleSession).send(new GetCallerIdentityCommand({}))).Account, ACCOUNT_B);
    } finally {
      await second.stop();
    }
  });

  test('a corrupt state file stops the start with a clear error', async () => {
    const stateDir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(stateDir, 'iam.json'), '{broken');
    await assert.rejects(sandboxOn({ stateDir }), /Sandbox state file .*iam\.json is not valid/);
  });
});

describe('request log', () => {
  test('one JSON line per request, without secrets', async () => {
    const requestLogFile = join(await tempDir(), 'requests.jsonl');
    const sandbox = await sandboxOn({ requestLogFile });
    try {
      const secret = 'do-not-log-this-secret';
      await new STSClient(clientConfig(sandbox, ACCOUNT_A, { secretAccessKey: secret, sessionToken: 'do-not-log-this-token' })).send(new GetCallerIdentityCommand({}));
      await failure(new IAMClient(clientConfig(sandbox, ACCOUNT_B)).send(new GetRoleCommand({ RoleName: 'nope' })));
      await failure(new LambdaClient({ ...clientConfig(sandbox), region: 'eu-west-1' }).send(new GetFunctionCommand({ FunctionName: 'nope' })));
    } finally {
      await sandbox.stop();
    }
    const text = await readFile(requestLogFile, 'utf8');
    assert.ok(!text.includes('do-not-log-this'));
    const lines = text.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(lines.length, 3);
    assert.deepEqual(
      lines.map(({ service, operation, account, region, status }) => ({ service, operation, account, region, status })),
      [
        { service: 'sts', operation: 'GetCallerIdentity', account: ACCOUNT_A, region: 'us-east-1', status: 200 },
        { service: 'iam', operation: 'GetRole', account: ACCOUNT_B, region: 'us-east-1', status: 404 },
        { service: 'lambda', operation: 'GetFunction', account: ACCOUNT_A, region: 'eu-west-1', status: 404 },
      ],
    );
    for (const line of lines) {
      assert.ok(!Number.isNaN(Date.parse(line.time)));
      assert.equal(typeof line.durationMs, 'number');
    }
  });
});
