// The API data plane against the lab deployed with the SDK v3 clients: every row of AWS-FACTS §1, routing,
// the Lambda permission, the proxy result mapping, and both addressing forms.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateAuthorizerCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, sandboxOn } from './helpers.js';
import { LAB_RESPONSE, addLambdaRoute, createPythonFunction, deployLab, http, permitApi, redeploy, signIn, type DeployedLab, type HttpAnswer } from './lab-deploy.js';

const HOUR_MS = 3_600_000;

function assertGatewayError(answer: HttpAnswer, status: number, body: string, errorType: string): void {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.text, body);
  assert.equal(answer.headers['x-amzn-errortype'], errorType);
  assert.equal(answer.headers['content-type'], 'application/json');
  assert.match(String(answer.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
  assert.match(String(answer.headers['x-amz-apigw-id']), /^[A-Za-z0-9+/]{15}=$/);
}

const UNAUTHORIZED = '{"message":"Unauthorized"}';
const MISSING_TOKEN = '{"message":"Missing Authentication Token"}';
const INTERNAL = '{"message": "Internal server error"}';

describe('API data plane: the lab deployed with the SDK', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  let tokens: { IdToken: string; AccessToken: string };
  let clockOffsetMs = 0;
  const authorizers: Record<string, string> = {};

  const url = (path: string) => `${lab.stageUrl}${path}`;
  const get = (path: string, headers: Record<string, string> = {}) => http(url(path), { headers });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function authorizer(name: string, extra: { identitySource?: string; identityValidationExpression?: string }): Promise<string> {
    const created = await lab.clients.apigateway.send(
      new CreateAuthorizerCommand({
        restApiId: lab.apiId,
        name,
        type: 'COGNITO_USER_POOLS',
        providerARNs: [`arn:aws:cognito-idp:us-east-1:${ACCOUNT_A}:userpool/${lab.poolId}`],
        identitySource: extra.identitySource ?? 'method.request.header.Authorization',
        identityValidationExpression: extra.identityValidationExpression,
      }),
    );
    return created.id as string;
  }

  async function pythonRoute(pathPart: string, source: string, options: { permit?: boolean; timeout?: number; timeoutInMillis?: number } = {}) {
    const name = `fn-${pathPart}`;
    const arn = await createPythonFunction(lab.clients, name, lab.roleArn, source, options.timeout);
    if (options.permit ?? true) await permitApi(lab, name);
    await addLambdaRoute(lab, { pathPart, functionArn: arn, timeoutInMillis: options.timeoutInMillis });
  }

  before(async () => {
    sandbox = await sandboxOn({ clock: () => new Date(Date.now() + clockOffsetMs) });
    lab = await deployLab(sandbox);
    tokens = await lab.signIn();

    authorizers.xToken = await authorizer('XTokenAuthorizer', { identitySource: 'method.request.header.X-Token' });
    authorizers.audMismatch = await authorizer('AudMismatch', { identityValidationExpression: 'not-this-client' });
    authorizers.audMatch = await authorizer('AudMatch', { identityValidationExpression: lab.clientId });
    const cognito = (pathPart: string, authorizerId: string, authorizationScopes?: string[]) =>
      addLambdaRoute(lab, { pathPart, functionArn: lab.functionArn, authorizationType: 'COGNITO_USER_POOLS', authorizerId, authorizationScopes });
    await cognito('x-token', authorizers.xToken);
    await cognito('aud-mismatch', authorizers.audMismatch);
    await cognito('aud-match', authorizers.audMatch);
    await cognito('scoped', lab.authorizerId, ['aws.cognito.signin.user.admin']);

    await pythonRoute('no-permission', 'def lambda_handler(event, context):\n    return {"statusCode": 200, "body": "x"}\n', { permit: false });
    const otherApiName = 'fn-other-api';
    const otherApiArn = await createPythonFunction(lab.clients, otherApiName, lab.roleArn, 'def lambda_handler(event, context):\n    return {"statusCode": 200, "body": "x"}\n');
    await permitApi(lab, otherApiName, 'otherapi01');
    await addLambdaRoute(lab, { pathPart: 'other-api', functionArn: otherApiArn });
    await pythonRoute('no-status', 'def lambda_handler(event, context):\n    return {"body": "no status code"}\n');
    await pythonRoute('returns-none', 'def lambda_handler(event, context):\n    return None\n');
    await pythonRoute('object-body', 'def lambda_handler(event, context):\n    return {"statusCode": 200, "body": {"not": "a string"}}\n');
    await pythonRoute('raises', 'def lambda_handler(event, context):\n    raise ValueError("boom")\n');
    await pythonRoute('function-timeout', 'import time\ndef lambda_handler(event, context):\n    time.sleep(5)\n', { timeout: 1 });
    await pythonRoute('slow', 'import time\ndef lambda_handler(event, context):\n    time.sleep(5)\n    return {"statusCode": 200}\n', { timeout: 10, timeoutInMillis: 1000 });
    await pythonRoute(
      'custom-result',
      'def lambda_handler(event, context):\n    return {"statusCode": 201, "headers": {"Content-Type": "text/plain", "X-One": "1"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": "created"}\n',
    );
    await redeploy(lab);
  });
  after(() => sandbox.stop());

  describe('the authorizer (AWS-FACTS §1)', () => {
    test('no Authorization header: 401 Unauthorized', async () => {
      assertGatewayError(await get('/hello'), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('the token under another header name: 401', async () => {
      assertGatewayError(await get('/hello', { 'X-Token': tokens.IdToken }), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('an authorizer whose identity source is another header reads that header', async () => {
      assert.deepEqual((await get('/x-token', { 'X-Token': tokens.IdToken })).json(), LAB_RESPONSE);
      assertGatewayError(await get('/x-token', bearer(tokens.IdToken)), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('a malformed JWT: 401', async () => {
      assertGatewayError(await get('/hello', bearer('not-a-jwt')), 401, UNAUTHORIZED, 'UnauthorizedException');
      assertGatewayError(await get('/hello', bearer('a.b.c')), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('a bad signature: 401', async () => {
      const [header, payload, signature = ''] = tokens.IdToken.split('.');
      const flipped = `${signature.slice(0, 20)}${signature[20] === 'A' ? 'B' : 'A'}${signature.slice(21)}`;
      assertGatewayError(await get('/hello', bearer(`${header}.${payload}.${flipped}`)), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('a token of another pool: 401', async () => {
      const { cognito } = lab.clients;
      const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'OtherPool' }));
      const poolId = pool.UserPool?.Id as string;
      const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }));
      await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS' }));
      await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: 'MySecurePass123!', Permanent: true }));
      const other = await signIn(cognito, client.UserPoolClient?.ClientId as string);
      assertGatewayError(await get('/hello', bearer(other.IdToken)), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('aud failing identityValidationExpression: 401; matching it: 200', async () => {
      assertGatewayError(await get('/aud-mismatch', bearer(tokens.IdToken)), 401, UNAUTHORIZED, 'UnauthorizedException');
      assert.deepEqual((await get('/aud-match', bearer(tokens.IdToken))).json(), LAB_RESPONSE);
    });

    test('an expired ID token: 401 The incoming token has expired', async () => {
      const fresh = await lab.signIn();
      assert.equal((await get('/hello', bearer(fresh.IdToken))).status, 200); // now cached
      clockOffsetMs = 2 * HOUR_MS;
      try {
        assertGatewayError(await get('/hello', bearer(fresh.IdToken)), 401, '{"message":"The incoming token has expired"}', 'UnauthorizedException');
      } finally {
        clockOffsetMs = 0;
      }
    });

    test('an access token on a method without authorizationScopes: 401', async () => {
      assertGatewayError(await get('/hello', bearer(tokens.AccessToken)), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('with authorizationScopes: an access token with the scope passes, an ID token does not', async () => {
      const answer = await get('/scoped', bearer(tokens.AccessToken));
      assert.equal(answer.status, 200, answer.text);
      assertGatewayError(await get('/scoped', bearer(tokens.IdToken)), 401, UNAUTHORIZED, 'UnauthorizedException');
    });

    test('Bearer <idToken> and the raw <idToken>: 200 with exactly the lab JSON', async () => {
      for (const value of [`Bearer ${tokens.IdToken}`, tokens.IdToken]) {
        const answer = await get('/hello', { Authorization: value });
        assert.equal(answer.status, 200, answer.text);
        assert.deepEqual(answer.json(), LAB_RESPONSE);
        assert.equal(answer.headers['content-type'], 'application/json');
        assert.equal(answer.headers['x-amzn-errortype'], undefined);
        assert.match(String(answer.headers['x-amz-apigw-id']), /=$/);
      }
    });
  });

  describe('routing happens before the authorizer', () => {
    test('an unknown path or method on an existing stage: 403 Missing Authentication Token', async () => {
      assertGatewayError(await get('/nope'), 403, MISSING_TOKEN, 'MissingAuthenticationTokenException');
      assertGatewayError(await get('/hello/deeper', bearer(tokens.IdToken)), 403, MISSING_TOKEN, 'MissingAuthenticationTokenException');
      assertGatewayError(await http(url('/hello'), { method: 'DELETE' }), 403, MISSING_TOKEN, 'MissingAuthenticationTokenException');
    });

    test('a method added but not redeployed: 403 Missing Authentication Token', async () => {
      await lab.clients.apigateway.send(new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST', authorizationType: 'NONE' }));
      assertGatewayError(await http(url('/hello'), { method: 'POST', body: '{}' }), 403, MISSING_TOKEN, 'MissingAuthenticationTokenException');
    });

    test('a stage that does not exist, or an API that does not: 403 Forbidden', async () => {
      assertGatewayError(await http(`${sandbox.url}/_aws/execute-api/${lab.apiId}/dev/hello`), 403, '{"message":"Forbidden"}', 'ForbiddenException');
      assertGatewayError(await http(`${sandbox.url}/_aws/execute-api/nosuchapi0/prod/hello`), 403, '{"message":"Forbidden"}', 'ForbiddenException');
    });

    test('the Host header form reaches the same stage', async () => {
      const host = `${lab.apiId}.execute-api.localhost:${sandbox.port}`;
      const answer = await http(`${sandbox.url}/prod/hello`, { headers: { Host: host, ...bearer(tokens.IdToken) } });
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(answer.json(), LAB_RESPONSE);
      assertGatewayError(await http(`${sandbox.url}/prod/hello`, { headers: { Host: host } }), 401, UNAUTHORIZED, 'UnauthorizedException');
    });
  });

  describe('the Lambda proxy integration', () => {
    test('a function without a permission for API Gateway: 500', async () => {
      assertGatewayError(await get('/no-permission'), 500, INTERNAL, 'InternalServerErrorException');
    });

    test('a permission whose SourceArn names another API: 500', async () => {
      assertGatewayError(await get('/other-api'), 500, INTERNAL, 'InternalServerErrorException');
    });

    test('a malformed proxy result (no statusCode, None, a body that is not a string): 502', async () => {
      for (const path of ['/no-status', '/returns-none', '/object-body']) {
        assertGatewayError(await get(path), 502, INTERNAL, 'InternalServerErrorException');
      }
    });

    test('a handler exception, or the function timing out: 502', async () => {
      assertGatewayError(await get('/raises'), 502, INTERNAL, 'InternalServerErrorException');
      assertGatewayError(await get('/function-timeout'), 502, INTERNAL, 'InternalServerErrorException');
    });

    test('an integration running past its timeoutInMillis: 504', async () => {
      assertGatewayError(await get('/slow'), 504, '{"message": "Endpoint request timed out"}', 'InternalServerErrorException');
    });

    test('status, headers, multi-value headers and body of the proxy result reach the client', async () => {
      const answer = await get('/custom-result');
      assert.equal(answer.status, 201);
      assert.equal(answer.text, 'created');
      assert.equal(answer.headers['content-type'], 'text/plain');
      assert.equal(answer.headers['x-one'], '1');
      assert.deepEqual(answer.headers['set-cookie'], ['a=1', 'b=2']);
    });
  });
});
