// The HTTP core on the wire: routing, the three protocols' error forms, and bad input never crashing it.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { LambdaClient, CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { clientConfig, failure, sandboxOn } from './helpers.js';

const SIGNED = (service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=111111111111/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`,
});

describe('protocols', () => {
  let sandbox: RunningSandbox;
  const xml = new XMLParser();

  before(async () => {
    sandbox = await sandboxOn({ maxBodyBytes: 64 * 1024 });
  });
  after(() => sandbox.stop());

  const post = (path: string, headers: Record<string, string>, body: string | Uint8Array) => fetch(`${sandbox.url}${path}`, { method: 'POST', headers, body });

  test('awsJson1.1: malformed JSON is SerializationException 400 with a request id', async () => {
    const response = await post('/', { 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/x-amz-json-1.1' }, '{nope');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(response.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(((await response.json()) as { __type: string }).__type, 'SerializationException');
  });

  test('awsJson1.1: an unknown target is UnknownOperationException', async () => {
    for (const target of ['AWSCognitoIdentityProviderService.NoSuchThing', 'NoSuchService.Op']) {
      const response = await post('/', { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, '{}');
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { __type: string }).__type, 'UnknownOperationException');
    }
  });

  test('awsQuery: no Action, an unknown Action, a missing parameter: XML errors', async () => {
    const cases: Array<[string, string]> = [
      ['Version=2010-05-08', 'MissingAction'],
      ['Action=MakeCoffee&Version=2010-05-08', 'InvalidAction'],
      ['Action=GetRole&Version=2010-05-08', 'ValidationError'],
      ['<?xml version="1.0"?><not-a-form/>', 'MissingAction'],
    ];
    for (const [body, code] of cases) {
      const response = await post('/', { ...SIGNED('iam'), 'content-type': 'application/x-www-form-urlencoded' }, body);
      assert.equal(response.status, 400);
      const error = xml.parse(await response.text()).ErrorResponse;
      assert.equal(error.Error.Code, code);
      assert.equal(error.Error.Type, 'Sender');
      assert.ok(error.RequestId);
    }
  });

  test('awsQuery: success is <ActionResponse><ActionResult> with ResponseMetadata', async () => {
    const response = await post('/', { ...SIGNED('sts'), 'content-type': 'application/x-www-form-urlencoded' }, 'Action=GetCallerIdentity&Version=2011-06-15');
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    const parsed = xml.parse(text).GetCallerIdentityResponse;
    assert.equal(String(parsed.GetCallerIdentityResult.Account), '111111111111');
    assert.equal(parsed.ResponseMetadata.RequestId, response.headers.get('x-amzn-requestid'));
  });

  test('restJson1 (Lambda): malformed JSON, unknown route, error body {Type, Message}', async () => {
    const malformed = await post('/2015-03-31/functions', { ...SIGNED('lambda'), 'content-type': 'application/json' }, '{"FunctionName":');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
    const body = (await malformed.json()) as Record<string, string>;
    assert.equal(body.Type, 'User');
    assert.match(body.Message ?? '', /^Could not parse request body into json/);
    const unknown = await fetch(`${sandbox.url}/2015-03-31/nothing-here`, { headers: SIGNED('lambda') });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  test('restJson1: unsigned requests are routed by path', async () => {
    const response = await fetch(`${sandbox.url}/2015-03-31/functions/Missing/configuration`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.match(((await response.json()) as { Message: string }).Message, /Function not found: arn:aws:lambda:us-east-1:000000000000:function:Missing/);
  });

  test('an oversize body is the service own 413 and the server keeps serving', async () => {
    const lambda = new LambdaClient(clientConfig(sandbox));
    const big = new Uint8Array(200 * 1024).fill(7);
    const error = await failure(lambda.send(new CreateFunctionCommand({ FunctionName: 'big', Role: 'arn:aws:iam::111111111111:role/r', Runtime: 'python3.12', Handler: 'a.b', Code: { ZipFile: big } })));
    assert.equal(error.name, 'RequestEntityTooLargeException');
    assert.equal(error.status, 413);
    const iam = new IAMClient(clientConfig(sandbox));
    assert.equal((await failure(iam.send(new GetRoleCommand({ RoleName: 'x' })))).status, 404);
  });

  test('a request no service claims is a JSON 404, not a crash', async () => {
    const response = await fetch(`${sandbox.url}/what/is/this`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { __type: string }).__type, 'UnknownOperationException');
  });

  test('the Cognito issuer documents are served at /<poolId>/.well-known/', async () => {
    const cognito = new CognitoIdentityProviderClient(clientConfig(sandbox));
    const poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }))).UserPool!.Id!;
    const jwks = await fetch(`${sandbox.url}/${poolId}/.well-known/jwks.json`);
    assert.equal(jwks.status, 200);
    assert.ok(((await jwks.json()) as { keys: unknown[] }).keys.length > 0);
    const discovery = await fetch(`${sandbox.url}/${poolId}/.well-known/openid-configuration`);
    assert.ok(((await discovery.json()) as { issuer: string }).issuer.endsWith(`/${poolId}`));
    assert.equal((await fetch(`${sandbox.url}/us-east-1_missing/.well-known/jwks.json`)).status, 404);
  });

  test('both data plane addressing forms reach the data plane (an unknown API: 403 Forbidden)', async () => {
    const byPath = await fetch(`${sandbox.url}/_aws/execute-api/abc123/prod/hello`);
    assert.equal(byPath.status, 403);
    assert.deepEqual(await byPath.json(), { message: 'Forbidden' });
    // fetch may not set Host, node:http may.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = get({ host: '127.0.0.1', port: sandbox.port, path: '/prod/hello', headers: { host: `abc123.execute-api.localhost:${sandbox.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
    });
    assert.equal(status, 403);
  });
});
