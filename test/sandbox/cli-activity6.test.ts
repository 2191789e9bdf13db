// The lab's IAM and Lambda commands (Activity 6) through the real AWS CLI, only --endpoint-url added.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IAMClient, GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, GetFunctionCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, clientConfig, sandboxOn } from './helpers.js';
import { awsCliMissing, labScript, runLab } from '../support/lab-script.js';

const missing = awsCliMissing();

describe('AWS CLI: lab Activity 6', { skip: missing }, () => {
  let sandbox: RunningSandbox;
  // With the propagation delay on, the lab's own `sleep 10` is what makes create-function succeed.
  before(async () => {
    sandbox = await sandboxOn({ fidelity: { iamPropagationDelaySeconds: 5 } });
  });
  after(() => sandbox.stop());

  test('create-role, attach-role-policy, create-function all succeed', async () => {
    const result = await runLab(labScript({ activities: [2, 6] }), { endpoint: sandbox.url, accessKeyId: ACCOUNT_A });
    assert.equal(result.code, 0, `the lab script failed:\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`Lambda ARN: arn:aws:lambda:us-east-1:${ACCOUNT_A}:function:HelloWorldFunction\\n`));

    const role = await new IAMClient(clientConfig(sandbox)).send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }));
    assert.equal(JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!)).Statement[0].Principal.Service, 'lambda.amazonaws.com');
    const attached = await new IAMClient(clientConfig(sandbox)).send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role' }));
    assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyName), ['AWSLambdaBasicExecutionRole']);
    const fn = await new LambdaClient(clientConfig(sandbox)).send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }));
    assert.equal(fn.Configuration?.Runtime, 'python3.9');
    assert.equal(fn.Configuration?.Handler, 'lambda_function.lambda_handler');
  });

  test('the CLI sees AWS errors as AWS errors', async () => {
    const result = await runLab('aws iam get-role --role-name missing-role', { endpoint: sandbox.url, accessKeyId: ACCOUNT_A });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /An error occurred \(NoSuchEntity\) when calling the GetRole operation: The role with name missing-role cannot be found\./);
  });
});
