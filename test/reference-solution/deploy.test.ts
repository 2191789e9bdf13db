// The reference solution against the sandbox: it builds the lab with the lab's names, and a second run
// finds and reuses everything (no duplicates, the same IDs, no new deployment).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GetDeploymentCommand, GetAuthorizersCommand, GetDeploymentsCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { AdminGetUserCommand, DescribeUserPoolClientCommand, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { createReferenceClients, destroyReferenceClients, type ReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceOutputs } from '../../reference-solution/config.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT, collectLog, labResources, labSandbox, REGION, resourcesByPath, sandboxConfig, type CollectedLog } from './helpers.js';
import { loadLabSpec } from '../../checks/index.js';

describe('deployReferenceSolution', () => {
  let sandbox: RunningSandbox;
  let clients: ReferenceClients;
  let lab: LabSpec;
  let first: ReferenceOutputs;
  let firstLog: CollectedLog;

  before(async () => {
    sandbox = await labSandbox();
    lab = await loadLabSpec();
    clients = createReferenceClients(sandboxConfig(sandbox));
    firstLog = collectLog();
    first = await deployReferenceSolution(sandboxConfig(sandbox, ACCOUNT, firstLog.log));
  });
  after(async () => {
    destroyReferenceClients(clients);
    await sandbox.stop();
  });

  test('the user pool, its app client (lab flows, no secret) and a CONFIRMED test user', async () => {
    assert.deepEqual((await labResources(clients, lab)).poolIds, [first.userPoolId]);
    assert.equal(first.userPoolArn, `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${first.userPoolId}`);
    const client = (await clients.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: first.userPoolId, ClientId: first.clientId }))).UserPoolClient;
    assert.equal(client?.ClientName, 'APIClient');
    assert.deepEqual([...(client?.ExplicitAuthFlows ?? [])].sort(), ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
    assert.equal(client?.ClientSecret, undefined);
    const user = await clients.cognito.send(new AdminGetUserCommand({ UserPoolId: first.userPoolId, Username: 'testuser' }));
    assert.equal(user.UserStatus, 'CONFIRMED');
  });

  test("the role trusts only Lambda and has AWSLambdaBasicExecutionRole; the function runs the lab's handler on python3.13", async () => {
    const role = (await clients.iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }))).Role;
    assert.equal(role?.Arn, first.roleArn);
    assert.deepEqual(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role' }));
    assert.deepEqual(attached.AttachedPolicies?.map((policy) => policy.PolicyArn), ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
    const fn = (await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Configuration;
    assert.equal(fn?.FunctionArn, first.functionArn);
    assert.equal(fn?.Runtime, 'python3.13');
    assert.equal(fn?.Handler, 'lambda_function.lambda_handler');
    assert.equal(fn?.Role, first.roleArn);
  });

  test('SecureAPI has /hello, CognitoAuthorizer on the pool, GET with it and an AWS_PROXY POST integration', async () => {
    assert.deepEqual((await labResources(clients, lab)).apiIds, [first.apiId]);
    const resources = await resourcesByPath(clients, first.apiId);
    assert.equal(resources.get('/')?.id, first.rootResourceId);
    assert.equal(resources.get('/hello')?.id, first.resourceId);
    const authorizers = (await clients.apigateway.send(new GetAuthorizersCommand({ restApiId: first.apiId }))).items ?? [];
    assert.deepEqual(
      authorizers.map(({ id, name, type, providerARNs, identitySource }) => ({ id, name, type, providerARNs, identitySource })),
      [{ id: first.authorizerId, name: 'CognitoAuthorizer', type: 'COGNITO_USER_POOLS', providerARNs: [first.userPoolArn], identitySource: 'method.request.header.Authorization' }],
    );
    const get = resources.get('/hello')?.resourceMethods?.['GET'];
    assert.equal(get?.authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(get?.authorizerId, first.authorizerId);
    assert.equal(get?.methodIntegration?.type, 'AWS_PROXY');
    assert.equal(get?.methodIntegration?.httpMethod, 'POST');
    assert.equal(get?.methodIntegration?.uri, `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${first.functionArn}/invocations`);
  });

  test("the function lets API Gateway invoke it from this API (the lab's statement)", async () => {
    const policy = JSON.parse((await clients.lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' }))).Policy ?? '{}');
    assert.equal(policy.Statement.length, 1);
    const [statement] = policy.Statement;
    assert.equal(statement.Sid, 'apigateway-invoke');
    assert.deepEqual(statement.Principal, { Service: 'apigateway.amazonaws.com' });
    assert.equal(statement.Action, 'lambda:InvokeFunction');
    assert.deepEqual(statement.Condition, { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:${REGION}:${ACCOUNT}:${first.apiId}/*/*` } });
  });

  test('prod serves GET /hello with COGNITO_USER_POOLS; the URLs are the sandbox form', async () => {
    const stage = await clients.apigateway.send(new GetStageCommand({ restApiId: first.apiId, stageName: 'prod' }));
    assert.equal(stage.deploymentId, first.deploymentId);
    const deployment = await clients.apigateway.send(new GetDeploymentCommand({ restApiId: first.apiId, deploymentId: first.deploymentId, embed: ['apisummary'] }));
    assert.equal(deployment.apiSummary?.['/hello']?.['GET']?.authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(first.stageUrl, `${sandbox.url}/_aws/execute-api/${first.apiId}/prod`);
    assert.equal(first.helloUrl, `${first.stageUrl}/hello`);
    assert.equal(first.accountId, ACCOUNT);
  });

  test('the log names every resource and never the password', () => {
    const text = firstLog.lines.join('\n');
    for (const id of [first.userPoolId, first.clientId, first.roleArn, first.functionArn, first.apiId, first.authorizerId, first.deploymentId]) {
      assert.ok(text.includes(id), `the log names ${id}`);
    }
    assert.ok(!text.includes(lab.password), 'the log never carries the password');
  });

  test('a second run reuses everything: the same IDs, no duplicates, no new deployment', async () => {
    const secondLog = collectLog();
    const second = await deployReferenceSolution(sandboxConfig(sandbox, ACCOUNT, secondLog.log));
    assert.deepEqual(second, first);
    const found = await labResources(clients, lab);
    assert.deepEqual(found.poolIds, [first.userPoolId]);
    assert.deepEqual(found.apiIds, [first.apiId]);
    const appClients = (await clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: first.userPoolId, MaxResults: 60 }))).UserPoolClients ?? [];
    assert.equal(appClients.length, 1);
    const deployments = (await clients.apigateway.send(new GetDeploymentsCommand({ restApiId: first.apiId }))).items ?? [];
    assert.deepEqual(deployments.map((deployment) => deployment.id), [first.deploymentId]);
    assert.ok(secondLog.lines.every((line) => !/: (created|updated) /.test(line)), `nothing created or updated:\n${secondLog.lines.join('\n')}`);
  });
});
