// The shared helpers checks rely on, on their own edge cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arnLike, parseArn } from '../../src/aws/arn-like.js';
import { allowsFlow, canonicalFlow } from '../../checks/support/auth-flows.js';
import { globMatches } from '../../src/aws/glob.js';
import { invokedFunctionArn, sameFunction, unqualifiedFunctionArn } from '../../checks/support/integration.js';
import { allowsServicePrincipal, conditionValues, coversAction, servicePrincipals } from '../../checks/support/policy.js';
import { gatewayMessage, isMissingAuthenticationToken } from '../../checks/support/probes.js';
import { forbidden, hello, missingAuthenticationToken } from '../../fixtures/gateway-answers.js';

const TARGET = 'arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1/prod/GET/hello';

test('globMatches: * and ? are wildcards, regex characters are literal', () => {
  assert.ok(globMatches('a*c', 'abbbc'));
  assert.ok(globMatches('a?c', 'abc'));
  assert.ok(!globMatches('a?c', 'abbc'));
  assert.ok(!globMatches('a.c', 'abc'));
  assert.ok(globMatches('LAMBDA:invoke*', 'lambda:InvokeFunction', { ignoreCase: true }));
  assert.ok(!globMatches('LAMBDA:invoke*', 'lambda:InvokeFunction'));
});

test('parseArn keeps colons inside the resource part', () => {
  assert.deepEqual(parseArn('arn:aws:lambda:us-east-1:123456789012:function:F:live'), {
    partition: 'aws', service: 'lambda', region: 'us-east-1', account: '123456789012', resource: 'function:F:live',
  });
  assert.equal(parseArn('not-an-arn'), null);
});

test('arnLike compares the six parts one by one', () => {
  assert.ok(arnLike('arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1/*/*', TARGET));
  assert.ok(arnLike('arn:aws:execute-api:*:*:*', TARGET));
  assert.ok(arnLike('*', TARGET));
  assert.ok(!arnLike('arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1/*/POST/*', TARGET));
  // A whole-string glob would match this; IAM does not let * cross from the account into the resource.
  assert.ok(!arnLike('arn:aws:execute-api:us-east-1:*/prod/GET/hello', TARGET));
  assert.ok(!arnLike('arn:aws:execute-api:us-east-1:123456789012:X7K2M9Q4P1/*', TARGET), 'case-sensitive');
});

test('legacy and ALLOW_ flow names are the same flow', () => {
  assert.equal(canonicalFlow('USER_PASSWORD_AUTH'), 'ALLOW_USER_PASSWORD_AUTH');
  assert.equal(canonicalFlow('ADMIN_NO_SRP_AUTH'), 'ALLOW_ADMIN_USER_PASSWORD_AUTH');
  assert.ok(allowsFlow(['USER_PASSWORD_AUTH'], 'ALLOW_USER_PASSWORD_AUTH'));
  assert.ok(allowsFlow(['ALLOW_USER_PASSWORD_AUTH'], 'USER_PASSWORD_AUTH'));
  assert.ok(!allowsFlow(['ADMIN_NO_SRP_AUTH'], 'USER_PASSWORD_AUTH'));
});

test('policy statements: principals in every form, actions with wildcards, condition keys case-insensitive', () => {
  const statement = {
    Effect: 'Allow',
    Principal: { Service: ['apigateway.amazonaws.com'], AWS: 'arn:aws:iam::123456789012:root' },
    Action: ['lambda:Invoke*'],
    Condition: { ArnLike: { 'aws:sourcearn': 'arn:a' }, StringEquals: { 'AWS:SourceAccount': '123456789012' } },
  };
  assert.ok(allowsServicePrincipal(statement, 'apigateway.amazonaws.com'));
  assert.ok(!allowsServicePrincipal(statement, 'lambda.amazonaws.com'));
  assert.ok(allowsServicePrincipal({ Effect: 'Allow', Principal: '*' }, 'lambda.amazonaws.com'));
  assert.ok(allowsServicePrincipal({ Effect: 'Allow', Principal: { AWS: '*' } }, 'lambda.amazonaws.com'));
  assert.deepEqual(servicePrincipals(statement), ['apigateway.amazonaws.com', 'AWS:arn:aws:iam::123456789012:root']);
  assert.ok(coversAction(statement, 'lambda:InvokeFunction'));
  assert.ok(!coversAction(statement, 'lambda:GetFunction'));
  assert.deepEqual(conditionValues(statement, ['ArnLike', 'ArnEquals'], 'AWS:SourceArn'), ['arn:a']);
  assert.deepEqual(conditionValues(statement, ['ArnLike'], 'AWS:SourceAccount'), []);
});

test('the function an integration invokes, with or without a qualifier', () => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction';
  assert.equal(invokedFunctionArn(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`), fn);
  assert.equal(invokedFunctionArn('arn:aws:apigateway:us-east-1:dynamodb:action/GetItem'), null);
  assert.equal(invokedFunctionArn(null), null);
  assert.equal(unqualifiedFunctionArn(`${fn}:live`), fn);
  assert.ok(sameFunction(`${fn}:7`, fn));
  assert.ok(!sameFunction(`${fn}2`, fn));
});

test("API Gateway's message is read from its JSON body, or quoted", () => {
  assert.equal(gatewayMessage(forbidden('noToken')), 'Forbidden');
  assert.equal(gatewayMessage({ ...hello('noToken', 'x'), body: 'plain text' }), 'plain text');
  assert.equal(gatewayMessage({ ...hello('noToken', 'x'), body: '' }), 'empty body');
  assert.ok(isMissingAuthenticationToken(missingAuthenticationToken('noToken')));
  assert.ok(!isMissingAuthenticationToken(forbidden('noToken')));
});
