// Two access keys are two accounts: nothing created with one is visible with the other.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IAMClient, CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, ACCOUNT_B, clientConfig, failure, labZip, lambdaTrustPolicy, sandboxOn } from './helpers.js';

describe('accounts', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await sandboxOn();
  });
  after(() => sandbox.stop());

  test('IAM roles and Lambda functions of account A are invisible to account B', async () => {
    const iamA = new IAMClient(clientConfig(sandbox, ACCOUNT_A));
    const role = await iamA.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
    await new LambdaClient(clientConfig(sandbox, ACCOUNT_A)).send(
      new CreateFunctionCommand({ FunctionName: 'fn', Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: labZip() } }),
    );
    assert.equal((await iamA.send(new ListRolesCommand({}))).Roles?.length, 1);
    assert.deepEqual((await new IAMClient(clientConfig(sandbox, ACCOUNT_B)).send(new ListRolesCommand({}))).Roles, []);
    assert.deepEqual((await new LambdaClient(clientConfig(sandbox, ACCOUNT_B)).send(new ListFunctionsCommand({}))).Functions, []);
  });

  test('account B cannot use account A role for its function', async () => {
    const error = await failure(
      new LambdaClient(clientConfig(sandbox, ACCOUNT_B)).send(
        new CreateFunctionCommand({ FunctionName: 'fn', Runtime: 'python3.12', Role: `arn:aws:iam::${ACCOUNT_B}:role/lambda-execution-role`, Handler: 'a.b', Code: { ZipFile: labZip() } }),
      ),
    );
    assert.equal(error.message, 'The role defined for the function cannot be assumed by Lambda.');
  });

  test('Cognito pools and API Gateway APIs are per account too', async () => {
    await new CognitoIdentityProviderClient(clientConfig(sandbox, ACCOUNT_A)).send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
    await new APIGatewayClient(clientConfig(sandbox, ACCOUNT_A)).send(new CreateRestApiCommand({ name: 'SecureAPI' }));
    const poolsB = await new CognitoIdentityProviderClient(clientConfig(sandbox, ACCOUNT_B)).send(new ListUserPoolsCommand({ MaxResults: 10 }));
    assert.deepEqual(poolsB.UserPools, []);
    const apisB = await new APIGatewayClient(clientConfig(sandbox, ACCOUNT_B)).send(new GetRestApisCommand({}));
    assert.deepEqual(apisB.items ?? [], []);
    const poolsA = await new CognitoIdentityProviderClient(clientConfig(sandbox, ACCOUNT_A)).send(new ListUserPoolsCommand({ MaxResults: 10 }));
    assert.deepEqual(poolsA.UserPools?.map((p) => p.Name), ['MyAPIUserPool']);
  });

  test('the region comes from the credential scope', async () => {
    const west = new LambdaClient({ ...clientConfig(sandbox, ACCOUNT_A), region: 'eu-west-1' });
    assert.deepEqual((await west.send(new ListFunctionsCommand({}))).Functions, []);
  });
});
