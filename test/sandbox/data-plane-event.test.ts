// The REST proxy event (payload format 1.0) a function receives through the data plane, read back from a
// handler that echoes it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { ACCOUNT_A, sandboxOn } from './helpers.js';
import { addLambdaRoute, createPythonFunction, deployLab, http, permitApi, redeploy, signIn, type DeployedLab } from './lab-deploy.js';

const ECHO = 'import json\ndef lambda_handler(event, context):\n    return {"statusCode": 200, "body": json.dumps(event)}\n';
const JAVA_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;

type Event = Record<string, unknown> & { requestContext: Record<string, unknown> & { identity: Record<string, unknown> } };

/** The lab, plus an echo function behind /echo-auth (Cognito), /echo, /items/{id}, /files/{proxy+} (ANY). */
async function deployEchoRoutes(sandbox: RunningSandbox): Promise<DeployedLab> {
  const lab = await deployLab(sandbox);
  const echoArn = await createPythonFunction(lab.clients, 'Echo', lab.roleArn, ECHO);
  await permitApi(lab, 'Echo');
  await addLambdaRoute(lab, { pathPart: 'echo-auth', functionArn: echoArn, authorizationType: 'COGNITO_USER_POOLS', authorizerId: lab.authorizerId });
  await addLambdaRoute(lab, { pathPart: 'echo', functionArn: echoArn, httpMethod: 'ANY' });
  const items = await addLambdaRoute(lab, { pathPart: 'items', functionArn: echoArn });
  await addLambdaRoute(lab, { pathPart: '{id}', parentId: items, functionArn: echoArn });
  const files = await addLambdaRoute(lab, { pathPart: 'files', functionArn: echoArn });
  await addLambdaRoute(lab, { pathPart: '{proxy+}', parentId: files, functionArn: echoArn, httpMethod: 'ANY' });
  await addLambdaRoute(lab, { pathPart: 'open-hello', functionArn: lab.functionArn });
  await redeploy(lab);
  return lab;
}

async function echoed(url: string, options: Parameters<typeof http>[1] = {}): Promise<{ event: Event; requestId: string }> {
  const answer = await http(url, options);
  assert.equal(answer.status, 200, answer.text);
  return { event: answer.json() as Event, requestId: String(answer.headers['x-amzn-requestid']) };
}

describe('the proxy event', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  let idToken: string;

  before(async () => {
    sandbox = await sandboxOn();
    lab = await deployEchoRoutes(sandbox);
    const { cognito } = lab.clients;
    const attributes = [
      { Name: 'email', Value: 'echo@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ];
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'echouser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS', UserAttributes: attributes }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: lab.poolId, Username: 'echouser', Password: 'MySecurePass123!', Permanent: true }));
    idToken = (await signIn(cognito, lab.clientId, 'echouser')).IdToken;
  });
  after(() => sandbox.stop());

  test('authorizer claims: every value a string, exp/iat as Java dates, auth_time numeric, booleans "true"', async () => {
    const { event } = await echoed(`${lab.stageUrl}/echo-auth`, { headers: { Authorization: `Bearer ${idToken}` } });
    const { claims } = event.requestContext.authorizer as { claims: Record<string, unknown> };
    for (const [name, value] of Object.entries(claims)) assert.equal(typeof value, 'string', `claim ${name}`);
    assert.match(claims.exp as string, JAVA_DATE);
    assert.match(claims.iat as string, JAVA_DATE);
    assert.match(claims.auth_time as string, /^\d{10}$/);
    assert.equal(claims.email_verified, 'true');
    assert.equal(claims.email, 'echo@example.com');
    assert.equal(claims['cognito:username'], 'echouser');
    assert.equal(claims.token_use, 'id');
    assert.equal(claims.aud, lab.clientId);
  });

  test('top level: resource, path, method, headers (Authorization unchanged), nulls when none, body null for GET', async () => {
    const { event } = await echoed(`${lab.stageUrl}/echo-auth`, { headers: { Authorization: idToken, 'X-Multi': 'one' } });
    assert.equal(event.resource, '/echo-auth');
    assert.equal(event.path, '/echo-auth');
    assert.equal(event.httpMethod, 'GET');
    const headers = event.headers as Record<string, string>;
    assert.equal(headers.Authorization ?? headers.authorization, idToken);
    assert.deepEqual((event.multiValueHeaders as Record<string, string[]>)['X-Multi'] ?? (event.multiValueHeaders as Record<string, string[]>)['x-multi'], ['one']);
    for (const member of ['queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'stageVariables', 'body']) {
      assert.equal(event[member], null, member);
    }
    assert.equal(event.isBase64Encoded, false);
  });

  test('requestContext carries every field, its requestId the response x-amzn-RequestId', async () => {
    const { event, requestId } = await echoed(`${lab.stageUrl}/echo-auth`, { headers: { Authorization: idToken, 'User-Agent': 'lab-test' } });
    const context = event.requestContext;
    assert.equal(context.requestId, requestId);
    assert.equal(context.resourcePath, '/echo-auth');
    assert.match(context.resourceId as string, /^[a-z0-9]{6}$/);
    assert.equal(context.httpMethod, 'GET');
    assert.equal(context.path, '/prod/echo-auth');
    assert.equal(context.stage, 'prod');
    assert.equal(context.apiId, lab.apiId);
    assert.equal(context.domainPrefix, lab.apiId);
    assert.equal(context.domainName, `${lab.apiId}.execute-api.us-east-1.amazonaws.com`);
    assert.equal(context.accountId, ACCOUNT_A);
    assert.equal(context.protocol, 'HTTP/1.1');
    assert.match(context.requestTime as string, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    assert.equal(typeof context.requestTimeEpoch, 'number');
    assert.match(context.extendedRequestId as string, /=$/);
    assert.equal(context.identity.sourceIp, '127.0.0.1');
    assert.equal(context.identity.userAgent, 'lab-test');
    for (const member of ['accountId', 'caller', 'user', 'userArn', 'apiKey', 'accessKey', 'cognitoIdentityPoolId', 'cognitoIdentityId', 'cognitoAuthenticationType', 'cognitoAuthenticationProvider']) {
      assert.ok(member in context.identity && context.identity[member] === null, `identity.${member}`);
    }
  });

  test('query strings, path parameters, greedy {proxy+} with ANY, a POST body', async () => {
    const { event: query } = await echoed(`${lab.stageUrl}/items/42?a=1&a=2&b=3`);
    assert.equal(query.resource, '/items/{id}');
    assert.deepEqual(query.pathParameters, { id: '42' });
    assert.deepEqual(query.queryStringParameters, { a: '2', b: '3' });
    assert.deepEqual(query.multiValueQueryStringParameters, { a: ['1', '2'], b: ['3'] });
    const { event: greedy } = await echoed(`${lab.stageUrl}/files/a/b/c.txt`, { method: 'POST', body: '{"x":1}' });
    assert.equal(greedy.resource, '/files/{proxy+}');
    assert.equal(greedy.httpMethod, 'POST');
    assert.deepEqual(greedy.pathParameters, { proxy: 'a/b/c.txt' });
    assert.equal(greedy.body, '{"x":1}');
  });

  test('a method without an authorizer: requestContext has no authorizer key, and the lab handler answers "Unknown"', async () => {
    const { event } = await echoed(`${lab.stageUrl}/echo`);
    assert.equal('authorizer' in event.requestContext, false);
    const answer = await http(`${lab.stageUrl}/open-hello`);
    assert.deepEqual(answer.json(), { message: 'Hello from secured API!', user: 'Unknown' });
  });
});

describe('the proxy event with dataPlane.authorizerWhenNone = "null"', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  const options: SandboxOptions = { dataPlane: { authorizerWhenNone: 'null' } };
  before(async () => {
    sandbox = await sandboxOn(options);
    lab = await deployEchoRoutes(sandbox);
  });
  after(() => sandbox.stop());

  test('requestContext.authorizer is null, and the lab handler then fails (502), as it would on AWS', async () => {
    const { event } = await echoed(`${lab.stageUrl}/echo`);
    assert.equal(event.requestContext.authorizer, null);
    assert.equal((await http(`${lab.stageUrl}/open-hello`)).status, 502);
  });
});
