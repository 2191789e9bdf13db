// Activity 9: GET /hello requires the Cognito authorizer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import helloGetAuthorized from '../../checks/hello-get-authorized.js';
import { found } from '../../fixtures/observations.js';
import type { ApiAuthorizer } from '../../src/snapshot/types.js';
import { helloGet, resourcesDenied, resourcesSkipped, withHelloAny, withHelloGet, withoutHelloGet } from './api-snapshots.js';
import { checkTester } from './check-tester.js';
import { renderedFix } from './fix-commands.js';
import { complete, mutate, value } from './snapshots.js';

checkTester(helloGetAuthorized, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'authorized' },
    {
      name: 'a second, equally right authorizer in use',
      snapshot: mutate(complete, (s) => {
        const [lab] = value(s.apigateway.authorizers);
        s.apigateway.authorizers = found([lab as ApiAuthorizer, { ...(lab as ApiAuthorizer), id: 'zz9yx8' }]);
        helloGet(s).authorizerId = 'zz9yx8';
      }),
      messageId: 'authorized',
    },
  ],
  invalid: [
    { name: 'no GET on /hello', snapshot: withoutHelloGet, messageId: 'noMethod' },
    { name: 'authorization NONE', snapshot: withHelloGet({ authorizationType: 'NONE', authorizerId: null }), messageId: 'authorizationNone' },
    { name: 'AWS_IAM', snapshot: withHelloGet({ authorizationType: 'AWS_IAM', authorizerId: null }), messageId: 'otherType' },
    { name: 'an authorizer id that is not the Cognito authorizer', snapshot: withHelloGet({ authorizerId: 'gone01' }), messageId: 'otherAuthorizer' },
    { name: 'COGNITO_USER_POOLS without an authorizer id', snapshot: withHelloGet({ authorizerId: null }), messageId: 'otherAuthorizer' },
    { name: 'ANY /hello with the authorizer instead of GET', snapshot: withHelloAny, messageId: 'anyMethod' },
    { name: 'an OAuth scope on the method', snapshot: withHelloGet({ authorizationScopes: ['aws.cognito.signin.user.admin'] }), messageId: 'authorizationScopes' },
    { name: 'GetResources denied', snapshot: resourcesDenied, status: 'ERROR', messageId: 'observationError' },
    { name: 'resources not looked for', snapshot: resourcesSkipped, status: 'ERROR', messageId: 'notObserved' },
  ],
});

const API = 'aws apigateway update-method --rest-api-id x7k2m9q4p1 --resource-id h4e7lo --http-method GET';
const REDEPLOY = 'aws apigateway create-deployment --rest-api-id x7k2m9q4p1 --stage-name prod --region us-east-1';

test('scopes on the method: the fix removes each of them, then deploys again', () => {
  const one = renderedFix(withHelloGet({ authorizationScopes: ['aws.cognito.signin.user.admin'] }), 'hello-get-authorized');
  assert.deepEqual(one?.commands, [`${API} --patch-operations op=remove,path=/authorizationScopes,value=aws.cognito.signin.user.admin --region us-east-1`, REDEPLOY]);
  const two = renderedFix(withHelloGet({ authorizationScopes: ['email', 'https://api.example.com/read'] }), 'hello-get-authorized');
  const removals = '[{"op":"remove","path":"/authorizationScopes","value":"email"},{"op":"remove","path":"/authorizationScopes","value":"https://api.example.com/read"}]';
  assert.deepEqual(two?.commands, [`${API} --patch-operations '${removals}' --region us-east-1`, REDEPLOY]);
});

test('ANY instead of GET: the fix makes GET as Activity 9 does, deletes ANY, then deploys again', () => {
  const ids = '--rest-api-id x7k2m9q4p1 --resource-id h4e7lo';
  assert.deepEqual(renderedFix(withHelloAny, 'hello-get-authorized')?.commands, [
    `aws apigateway put-method ${ids} --http-method GET --authorization-type COGNITO_USER_POOLS --authorizer-id c9gt1u --region us-east-1`,
    `aws apigateway put-integration ${ids} --http-method GET --type AWS_PROXY --integration-http-method POST ` +
      '--uri arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction/invocations --region us-east-1',
    `aws apigateway delete-method ${ids} --http-method ANY --region us-east-1`,
    REDEPLOY,
  ]);
});
