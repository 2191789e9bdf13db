// The data plane's pure parts: claim strings, route precedence, and the resource-policy check.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { javaDate, stringClaims } from '../../src/sandbox/execute-api/claims.js';
import { policyAllowsInvoke } from '../../src/sandbox/execute-api/permission.js';
import { matchRoute } from '../../src/sandbox/execute-api/routing.js';
import type { DeployedStage, Method } from '../../src/sandbox/apigateway/index.js';
import type { PolicyStatement } from '../../src/sandbox/lambda/permissions.js';

test('claims: Java dates for exp/iat, digits, "true"/"false", comma-joined groups', () => {
  assert.equal(javaDate(1714569022), 'Wed May 01 13:10:22 UTC 2024');
  assert.deepEqual(stringClaims({ exp: 1714569022, iat: 1714565422, auth_time: 1714565422, email_verified: false, 'cognito:groups': ['a', 'b'], sub: 'x' }), {
    exp: 'Wed May 01 13:10:22 UTC 2024',
    iat: 'Wed May 01 12:10:22 UTC 2024',
    auth_time: '1714565422',
    email_verified: 'false',
    'cognito:groups': 'a,b',
    sub: 'x',
  });
});

const method = (httpMethod: string): Method => ({ httpMethod, authorizationType: 'NONE', apiKeyRequired: false });
const stage: DeployedStage = {
  restApiId: 'api',
  stageName: 'prod',
  deploymentId: 'd',
  variables: {},
  authorizers: {},
  resources: [
    { id: 'root', path: '/', resourceMethods: { GET: method('GET') } },
    { id: 'greedy', path: '/{proxy+}', resourceMethods: { ANY: method('ANY') } },
    { id: 'items', path: '/items', resourceMethods: { GET: method('GET') } },
    { id: 'item', path: '/items/{id}', resourceMethods: { GET: method('GET') } },
    { id: 'special', path: '/items/special', resourceMethods: { GET: method('GET') } },
  ],
};

test('routing: literal over variable over greedy; ANY; the root; path parameters decoded', () => {
  const route = (verb: string, path: string) => {
    const match = matchRoute(stage, verb, path);
    return match && [match.resource.id, match.method.httpMethod, match.pathParameters];
  };
  assert.deepEqual(route('GET', '/'), ['root', 'GET', null]);
  assert.deepEqual(route('GET', '/items/special'), ['special', 'GET', null]);
  assert.deepEqual(route('GET', '/items/a%20b'), ['item', 'GET', { id: 'a b' }]);
  assert.deepEqual(route('POST', '/items/1'), ['greedy', 'ANY', { proxy: 'items/1' }]);
  assert.deepEqual(route('DELETE', '/x/y'), ['greedy', 'ANY', { proxy: 'x/y' }]);
  assert.equal(route('POST', '/'), undefined);
  assert.equal(route('GET', '/%E0%A4%A'), undefined);
});

const SOURCE = { sourceArn: 'arn:aws:execute-api:us-east-1:111111111111:abc123/prod/GET/hello', sourceAccount: '111111111111' };
const statement = (overrides: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 's',
  Effect: 'Allow',
  Principal: { Service: 'apigateway.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:111111111111:function:f',
  ...overrides,
});

test('permission: principal, action, and the SourceArn / SourceAccount conditions', () => {
  const allows = (overrides: Partial<PolicyStatement>) => policyAllowsInvoke([statement(overrides)], SOURCE);
  assert.ok(allows({}));
  assert.ok(allows({ Action: 'lambda:*' }));
  assert.ok(allows({ Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:111111111111:abc123/*/*' } } }));
  assert.ok(allows({ Condition: { ArnLike: { 'aws:sourcearn': 'arn:aws:execute-api:us-east-1:111111111111:abc123/*/GET/hello' } } }));
  assert.ok(allows({ Condition: { StringEquals: { 'AWS:SourceAccount': '111111111111' } } }));
  assert.ok(!allows({ Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:111111111111:other/*/*' } } }));
  assert.ok(!allows({ Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:*abc123/*/*' } } }), 'a * never spans a colon');
  assert.ok(!allows({ Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:111111111111:abc123/*/POST/*' } } }));
  assert.ok(!allows({ Condition: { NumericEquals: { 'AWS:SourceArn': '1' } } }), 'an unknown operator never holds');
  assert.ok(!allows({ Condition: { StringEquals: { constructor: 'x' } } }), 'an unknown key never holds');
  assert.ok(!allows({ Principal: { Service: 'lambda.amazonaws.com' } }));
  assert.ok(!allows({ Action: 'lambda:GetFunction' }));
  assert.equal(policyAllowsInvoke([], SOURCE), false);
});
