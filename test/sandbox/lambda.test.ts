import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  LambdaClient,
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionConfigurationCommand,
  UpdateFunctionCodeCommand,
  DeleteFunctionCommand,
  AddPermissionCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
  InvokeCommand,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, clientConfig, failure, labZip, lambdaTrustPolicy, LAMBDA_SOURCE, sandboxOn } from './helpers.js';

describe('lambda control plane', () => {
  let sandbox: RunningSandbox;
  let lambda: LambdaClient;
  let roleArn: string;
  const zip = labZip();

  before(async () => {
    sandbox = await sandboxOn();
    lambda = new LambdaClient(clientConfig(sandbox));
    const iam = new IAMClient(clientConfig(sandbox));
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
    roleArn = role.Role!.Arn!;
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'ec2-role',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      }),
    );
  });
  after(() => sandbox.stop());

  const create = (name: string, overrides: Partial<ConstructorParameters<typeof CreateFunctionCommand>[0]> = {}) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Role: roleArn, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: zip }, ...overrides }));

  test('CreateFunction returns an active FunctionConfiguration', async () => {
    const created = await create('HelloWorldFunction');
    assert.equal(created.$metadata.httpStatusCode, 201);
    assert.equal(created.FunctionArn, `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:HelloWorldFunction`);
    assert.equal(created.State, 'Active');
    assert.equal(created.LastUpdateStatus, 'Successful');
    assert.equal(created.Version, '$LATEST');
    assert.equal(created.CodeSize, zip.length);
    assert.equal(created.CodeSha256, createHash('sha256').update(zip).digest('base64'));
    assert.equal(created.Timeout, 3);
    assert.equal(created.MemorySize, 128);
    assert.match(created.LastModified!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  test('CreateFunction twice is a ResourceConflictException 409', async () => {
    const error = await failure(create('HelloWorldFunction'));
    assert.deepEqual(error, { name: 'ResourceConflictException', message: 'Function already exist: HelloWorldFunction', status: 409 });
  });

  test('an invalid zip is rejected with AWS message', async () => {
    const error = await failure(create('BadZip', { Code: { ZipFile: new TextEncoder().encode('not a zip') } }));
    assert.equal(error.name, 'InvalidParameterValueException');
    assert.equal(error.message, 'Could not unzip uploaded file. Please check your file, then try to upload again.');
    assert.equal(error.status, 400);
  });

  test('a missing role, or one that does not trust Lambda, cannot be assumed', async () => {
    for (const role of [`arn:aws:iam::${ACCOUNT_A}:role/nope`, `arn:aws:iam::${ACCOUNT_A}:role/ec2-role`]) {
      const error = await failure(create('NoRole', { Role: role }));
      assert.deepEqual(error, { name: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.', status: 400 });
    }
  });

  test('a malformed role ARN and an unknown runtime are ValidationExceptions', async () => {
    assert.equal((await failure(create('X', { Role: 'lambda-execution-role' }))).name, 'ValidationException');
    const runtime = await failure(create('X', { Runtime: 'python9.9' as 'python3.12' }));
    assert.equal(runtime.name, 'ValidationException');
    assert.match(runtime.message, /Value 'python9\.9' at 'runtime' failed to satisfy constraint/);
  });

  test('GetFunction by name, partial and full ARN; Code.Location serves the zip', async () => {
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:HelloWorldFunction`;
    for (const name of ['HelloWorldFunction', `${ACCOUNT_A}:function:HelloWorldFunction`, arn, `${arn}:$LATEST`]) {
      const fn = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
      assert.equal(fn.Configuration?.FunctionArn, arn);
      assert.equal(fn.Code?.RepositoryType, 'S3');
    }
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }));
    const download = await fetch(fn.Code!.Location!);
    assert.equal(download.status, 200);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    assert.equal(strFromU8(files['lambda_function.py']!), LAMBDA_SOURCE);
  });

  test('a missing function is ResourceNotFoundException with its ARN', async () => {
    const error = await failure(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'Missing' })));
    assert.deepEqual(error, { name: 'ResourceNotFoundException', message: `Function not found: arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:Missing`, status: 404 });
  });

  test('GetPolicy without a policy is ResourceNotFoundException', async () => {
    const error = await failure(lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' })));
    assert.deepEqual(error, { name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404 });
  });

  test('AddPermission stores the statement the lab needs; GetPolicy returns it; a duplicate Sid conflicts', async () => {
    const sourceArn = `arn:aws:execute-api:us-east-1:${ACCOUNT_A}:abc123/*/*`;
    const input = { FunctionName: 'HelloWorldFunction', StatementId: 'apigateway-invoke', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: sourceArn };
    const added = await lambda.send(new AddPermissionCommand(input));
    assert.equal(added.$metadata.httpStatusCode, 201);
    const expected = {
      Sid: 'apigateway-invoke',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:HelloWorldFunction`,
      Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
    };
    assert.deepEqual(JSON.parse(added.Statement!), expected);
    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' }));
    assert.deepEqual(JSON.parse(policy.Policy!), { Version: '2012-10-17', Id: 'default', Statement: [expected] });
    assert.ok(policy.RevisionId);
    const duplicate = await failure(lambda.send(new AddPermissionCommand(input)));
    assert.equal(duplicate.name, 'ResourceConflictException');
    assert.equal(duplicate.status, 409);
  });

  test('RemovePermission removes the statement; removing it again is not found', async () => {
    await lambda.send(new AddPermissionCommand({ FunctionName: 'HelloWorldFunction', StatementId: 'other', Action: 'lambda:InvokeFunction', Principal: ACCOUNT_A }));
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'HelloWorldFunction', StatementId: 'other' }));
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' }))).Policy!);
    assert.deepEqual(policy.Statement.map((s: { Sid: string }) => s.Sid), ['apigateway-invoke']);
    const again = await failure(lambda.send(new RemovePermissionCommand({ FunctionName: 'HelloWorldFunction', StatementId: 'other' })));
    assert.equal(again.name, 'ResourceNotFoundException');
  });

  test('UpdateFunctionConfiguration and UpdateFunctionCode change what Get returns', async () => {
    const before = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'HelloWorldFunction' }));
    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'HelloWorldFunction', Timeout: 10, Environment: { Variables: { A: '1' } } }),
    );
    assert.equal(updated.Timeout, 10);
    assert.deepEqual(updated.Environment?.Variables, { A: '1' });
    assert.notEqual(updated.RevisionId, before.RevisionId);
    const stale = await failure(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'HelloWorldFunction', Timeout: 5, RevisionId: before.RevisionId })));
    assert.equal(stale.name, 'PreconditionFailedException');
    const { zipSync, strToU8 } = await import('fflate');
    const newZip = zipSync({ 'lambda_function.py': strToU8('def lambda_handler(e, c):\n    return 1\n') });
    const code = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'HelloWorldFunction', ZipFile: newZip }));
    assert.equal(code.CodeSha256, createHash('sha256').update(newZip).digest('base64'));
  });

  test('ListFunctions pages with Marker and MaxItems', async () => {
    await create('Second');
    await create('Third');
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      names.push(...page.Functions!.map((f) => f.FunctionName!));
      marker = page.NextMarker;
      pages++;
    } while (marker && pages < 10);
    assert.deepEqual(names, ['HelloWorldFunction', 'Second', 'Third']);
    assert.equal(pages, 2);
  });

  test('DeleteFunction deletes; Invoke of a deleted function is ResourceNotFoundException', async () => {
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'Third' }));
    assert.equal((await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'Third' })))).status, 404);
    const invoke = await failure(lambda.send(new InvokeCommand({ FunctionName: 'Third' })));
    assert.deepEqual([invoke.name, invoke.status], ['ResourceNotFoundException', 404]);
  });
});
