// The grading clients refuse every write before it leaves the process; reads go through.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DeleteRestApiCommand } from '@aws-sdk/client-api-gateway';
import { AdminSetUserPasswordCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createObserve } from '../../src/observation/observe.js';
import { createGradingClients, destroyGradingClients, type GradingClients } from '../../src/target/clients.js';
import { isReadOperation, WriteRefusedError } from '../../src/target/read-only-guard.js';
import { testTarget } from './support/grading.js';
import { callerIdentityXml, startLocalServer, type LocalServer } from './support/local-server.js';

let server: LocalServer;
let clients: GradingClients;

before(async () => {
  server = await startLocalServer((_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'text/xml' }).end(callerIdentityXml('111122223333'));
    return true;
  });
  clients = createGradingClients(testTarget({ endpointUrl: server.endpoint, maxAttempts: 1 }));
});
after(async () => {
  destroyGradingClients(clients);
  await server.close();
});

test('writes are refused with WriteRefusedError and never reach the server', async () => {
  const writes: [string, () => Promise<unknown>][] = [
    ['CreateUserPool', () => clients.cognito.send(new CreateUserPoolCommand({ PoolName: 'x' }))],
    ['AdminSetUserPassword', () => clients.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: 'p', Username: 'u', Password: 'x' }))],
    ['DeleteRestApi', () => clients.apigateway.send(new DeleteRestApiCommand({ restApiId: 'a' }))],
    ['UpdateFunctionConfiguration', () => clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'f', Runtime: 'python3.13' }))],
    ['AttachRolePolicy', () => clients.iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/x' }))],
    ['AssumeRole', () => clients.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 's' }))],
  ];
  for (const [operation, send] of writes) {
    await assert.rejects(send(), (error: unknown) => error instanceof WriteRefusedError && error.operation === operation);
  }
  assert.equal(server.requests.length, 0);
});

test('a read reaches the server', async () => {
  const before = server.requests.length;
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Account, '111122223333');
  assert.equal(server.requests.length, before + 1);
});

test('reads are Get*, List*, Describe*, AdminGetUser and InitiateAuth; nothing else', () => {
  for (const read of ['GetFunction', 'ListUserPools', 'DescribeUserPoolClient', 'AdminGetUser', 'InitiateAuth']) assert.ok(isReadOperation(read), read);
  for (const write of ['AdminCreateUser', 'AdminInitiateAuth', 'PutMethod', 'CreateDeployment', 'AddPermission', '']) {
    assert.ok(!isReadOperation(write), write);
  }
});

test('a refused write is not turned into an observation: it surfaces as the bug it is', async () => {
  const observe = createObserve();
  await assert.rejects(observe('cognito-idp:CreateUserPool', () => Promise.reject(new WriteRefusedError('CreateUserPool'))), WriteRefusedError);
});
