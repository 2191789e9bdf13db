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

  test('every file is one versioned document', async () => {
    const stateDir = await tempDir();
    const sandbox = await sandboxOn({ stateDir });
    await sandbox.stop();
    const members: Record<string, string[]> = {
      'apigateway.json': ['scopes', 'version'],
      'cognito-idp.json': ['pools', 'version'],
      'iam.json': ['scopes', 'version'],
      'lambda.json': ['scopes', 'version'],
      'sts.json': ['sessions', 'version'],
    };
    for (const [file, expected] of Object.entries(members)) {
      const document = JSON.parse(await readFile(join(stateDir, file), 'utf8'));
      assert.deepEqual(Object.keys(document).sort(), expected, file);
      assert.equal(document.version, 1, file);
    }
  });

  test('lambda, iam and sts files written before they carried a version still load', async () => {
    const stateDir = await tempDir();
    const first = await sandboxOn({ stateDir });
    let accessKeyId: string;
    try {
      const iam = new IAMClient(clientConfig(first));
      const role = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
      await new LambdaClient(clientConfig(first)).send(
        new CreateFunctionCommand({ FunctionName: 'fn', Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: labZip() } }),
      );
      await iam.send(new CreateRoleCommand({ RoleName: 'grader', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT_A }, Action: 'sts:AssumeRole' }] }) }));
      accessKeyId = (await new STSClient(clientConfig(first)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_A}:role/grader`, RoleSessionName: 's1' }))).Credentials!.AccessKeyId!;
    } finally {
      await first.stop();
    }
    // The shapes these files had before: lambda and iam the map of scopes itself, sts { sessions }.
    const { writeFile } = await import('node:fs/promises');
    for (const file of ['lambda.json', 'iam.json']) {
      const { scopes } = JSON.parse(await readFile(join(stateDir, file), 'utf8'));
      await writeFile(join(stateDir, file), JSON.stringify(scopes));
    }
    const { sessions } = JSON.parse(await readFile(join(stateDir, 'sts.json'), 'utf8'));
    await writeFile(join(stateDir, 'sts.json'), JSON.stringify({ sessions }));

    const second = await sandboxOn({ stateDir });
    try {
      assert.equal((await new IAMClient(clientConfig(second)).send(new GetRoleCommand({ RoleName: 'grader' }))).Role?.RoleName, 'grader');
      assert.equal((await new LambdaClient(clientConfig(second)).send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.CodeSize, labZip().length);
      const session = clientConfig(second, accessKeyId, { secretAccessKey: 'x', sessionToken: 'x' });
      assert.match((await new STSClient(session).send(new GetCallerIdentityCommand({}))).Arn ?? '', /:assumed-role\/grader\/s1$/);
    } finally {
      await second.stop();
    }
  });

  test('a state file of a version this sandbox does not read stops the start with a clear error', async () => {
    const stateDir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(stateDir, 'lambda.json'), JSON.stringify({ version: 2, scopes: {} }));
    await assert.rejects(sandboxOn({ stateDir }), /Sandbox state file .*lambda\.json is not valid: lambda state: not a version 1 state document \(version 2;/);
    await writeFile(join(stateDir, 'lambda.json'), '{}');
    await writeFile(join(stateDir, 'cognito-idp.json'), JSON.stringify({ pools: {} }));
    await assert.rejects(sandboxOn({ stateDir }), /cognito-idp\.json is not valid: cognito-idp state: not a version 1 state document \(version null;/);
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
