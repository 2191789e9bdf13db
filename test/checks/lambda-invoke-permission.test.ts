// Activity 9: the function's resource policy lets API Gateway invoke it from this API, evaluated as IAM does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import lambdaInvokePermission from '../../checks/lambda-invoke-permission.js';
import { absent } from '../../fixtures/observations.js';
import type { PolicyStatement } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { renderedFix } from './fix-commands.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

const API = 'arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1';
const labStatement = (): PolicyStatement => structuredClone(value(complete.lambda.policy).Statement[0] as PolicyStatement);
const withStatements = (...statements: PolicyStatement[]) => mutate(complete, (s) => void (value(s.lambda.policy).Statement = statements));
const withSourceArn = (operator: string, sourceArn: string | string[]) => withStatements({ ...labStatement(), Condition: { [operator]: { 'AWS:SourceArn': sourceArn } } });

checkTester(lambdaInvokePermission, {
  valid: [
    { name: "the lab's statement (ArnLike …/*/*)", snapshot: complete, messageId: 'allowed' },
    { name: 'no condition at all', snapshot: withStatements({ ...labStatement(), Condition: {} }), messageId: 'allowed' },
    { name: 'ArnLike for exactly prod/GET/hello', snapshot: withSourceArn('ArnLike', `${API}/prod/GET/hello`), messageId: 'allowed' },
    { name: 'ArnEquals with a wildcard (evaluated like ArnLike)', snapshot: withSourceArn('ArnEquals', `${API}/prod/*/hello`), messageId: 'allowed' },
    { name: 'a ? wildcard in the API id', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p?/*'), messageId: 'allowed' },
    { name: 'a wildcard region and account', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:*:*:x7k2m9q4p1/*'), messageId: 'allowed' },
    { name: 'one of several source ARNs', snapshot: withSourceArn('ArnLike', [`${API.replace('x7k2m9q4p1', 'q5w8e2r6t1')}/*/*`, `${API}/*/GET/*`]), messageId: 'allowed' },
    { name: 'Action lambda:*', snapshot: withStatements({ ...labStatement(), Action: 'lambda:*' }), messageId: 'allowed' },
    { name: 'lower-case condition key', snapshot: withStatements({ ...labStatement(), Condition: { ArnLike: { 'aws:SourceArn': `${API}/*/*` } } }), messageId: 'allowed' },
  ],
  invalid: [
    { name: 'no resource policy', snapshot: mutate(complete, (s) => void (s.lambda.policy = absent('ResourceNotFoundException'))), messageId: 'noPolicy' },
    { name: 'the statement lets S3 invoke the function', snapshot: withStatements({ ...labStatement(), Principal: { Service: 's3.amazonaws.com' } }), messageId: 'wrongPrincipal' },
    { name: 'a statement for another action', snapshot: withStatements({ ...labStatement(), Action: 'lambda:GetFunction' }), messageId: 'noApiGatewayStatement' },
    { name: 'another API', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:123456789012:q5w8e2r6t1/*/*'), messageId: 'otherSourceArn' },
    { name: 'another stage', snapshot: withSourceArn('ArnLike', `${API}/dev/GET/hello`), messageId: 'otherSourceArn' },
    { name: 'another account', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:210987654321:x7k2m9q4p1/*/*'), messageId: 'otherSourceArn' },
    { name: 'a * does not span the colon between ARN parts', snapshot: withSourceArn('ArnLike', 'arn:aws:execute-api:us-east-1:*/prod/GET/hello'), messageId: 'otherSourceArn' },
    { name: 'GetPolicy denied', snapshot: mutate(complete, (s) => void (s.lambda.policy = denied('lambda:GetPolicy'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'policy not looked for', snapshot: mutate(complete, (s) => void (s.lambda.policy = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

const ADD = (sid: string) =>
  `aws lambda add-permission --function-name HelloWorldFunction --statement-id ${sid} --action lambda:InvokeFunction --principal apigateway.amazonaws.com ` +
  '--source-arn "arn:aws:execute-api:us-east-1:123456789012:x7k2m9q4p1/*/*" --region us-east-1';
const withLambdaPrincipal = (sid: string) => ({ ...labStatement(), Sid: sid, Principal: { Service: 'lambda.amazonaws.com' } });

test('a wrong principal: the fix removes that statement, then adds the lab\'s under an id no other statement has', () => {
  const remove = (sid: string) => `aws lambda remove-permission --function-name HelloWorldFunction --statement-id ${sid} --region us-east-1`;
  assert.deepEqual(renderedFix(withStatements(withLambdaPrincipal('apigateway-invoke')), 'lambda-invoke-permission')?.commands, [
    remove('apigateway-invoke'),
    ADD('apigateway-invoke'),
  ]);
  const besideS3 = withStatements({ ...labStatement(), Sid: 's3-invoke', Principal: { Service: 's3.amazonaws.com' } }, withLambdaPrincipal('apigateway-invoke'));
  assert.deepEqual(renderedFix(besideS3, 'lambda-invoke-permission')?.commands, [remove('apigateway-invoke'), ADD('apigateway-invoke')]);
  const labIdTakenByS3 = withStatements({ ...labStatement(), Sid: 'apigateway-invoke', Action: 'lambda:GetFunction' }, withLambdaPrincipal('mine'));
  assert.deepEqual(renderedFix(labIdTakenByS3, 'lambda-invoke-permission')?.commands, [remove('mine'), ADD('apigateway-invoke-2')]);
});

test('add-permission never names a statement id the policy has', () => {
  const otherApi = { ...labStatement(), Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:123456789012:q5w8e2r6t1/*/*' } } };
  assert.deepEqual(renderedFix(withStatements(otherApi), 'lambda-invoke-permission')?.commands, [ADD('apigateway-invoke-2')]);
  const secondTaken = withStatements(otherApi, { ...otherApi, Sid: 'apigateway-invoke-2' });
  assert.deepEqual(renderedFix(secondTaken, 'lambda-invoke-permission')?.commands, [ADD('apigateway-invoke-3')]);
  const noPolicy = mutate(complete, (s) => void (s.lambda.policy = absent('ResourceNotFoundException')));
  assert.deepEqual(renderedFix(noPolicy, 'lambda-invoke-permission')?.commands, [ADD('apigateway-invoke')]);
});
