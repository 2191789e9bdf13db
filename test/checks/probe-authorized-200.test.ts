// Activity 10, live: GET /hello with the ID token answers 200, and when it does not, why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import probeAuthorized200 from '../../checks/probe-authorized-200.js';
import { forbidden, internalServerError, missingAuthenticationToken, unauthorized } from '../../fixtures/gateway-answers.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { renderedFix } from './fix-commands.js';
import { answered, bodyAnswer, notMade } from './probe-snapshots.js';
import { complete, mutate } from './snapshots.js';

checkTester(probeAuthorized200, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'ok' }],
  invalid: [
    { name: 'no Lambda permission for this API', snapshot: answered('bearerIdToken', internalServerError('bearerIdToken')), messageId: 'invokeDenied' },
    { name: 'the handler fails', snapshot: answered('bearerIdToken', bodyAnswer(502, '{"message": "Internal server error"}')), messageId: 'handlerFailed' },
    { name: 'the authorizer is on another pool', snapshot: answered('bearerIdToken', unauthorized('bearerIdToken')), messageId: 'tokenRejected' },
    { name: 'GET /hello not deployed', snapshot: answered('bearerIdToken', missingAuthenticationToken('bearerIdToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('bearerIdToken', forbidden('bearerIdToken')), messageId: 'unexpectedStatus' },
    ...notMade('bearerIdToken'),
  ],
});

test('a 500: the fix adds the permission under a statement id the policy does not use', () => {
  const denied = answered('bearerIdToken', internalServerError('bearerIdToken'));
  const statementIdOf = (fix: ReturnType<typeof renderedFix>) => /--statement-id (\S+)/.exec(fix?.commands[0] ?? '')?.[1];
  assert.equal(statementIdOf(renderedFix(denied, 'probe-authorized-200')), 'apigateway-invoke-2');
  const noPolicy = mutate(denied, (s) => void (s.lambda.policy = absent('ResourceNotFoundException')));
  assert.equal(statementIdOf(renderedFix(noPolicy, 'probe-authorized-200')), 'apigateway-invoke');
});

test('a 502: the fix uploads the lab\'s code again, from function.zip', () => {
  const fix = renderedFix(answered('bearerIdToken', bodyAnswer(502, '{"message": "Internal server error"}')), 'probe-authorized-200');
  assert.deepEqual(fix?.commands, ['aws lambda update-function-code --function-name HelloWorldFunction --zip-file fileb://function.zip --region us-east-1']);
  assert.equal(fix?.needs.length, 1);
});
