// collectSnapshot's error paths, with aws-sdk-client-mock (send() is stubbed: these errors are what the SDK
// throws once its own retries are spent).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DescribeUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetResourcesCommand, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import { CannotGradeError } from '../../src/errors.js';
import type { Observed } from '../../src/snapshot/types.js';
import { validateSnapshot } from '../../src/snapshot/validate.js';
import { lab, testTarget } from './support/grading.js';
import {
  ACCOUNT,
  API_ID,
  awsError,
  CLIENT_SECRET,
  functionConfiguration,
  helloResource,
  mockCompleteAccount,
  POOL_ID,
} from './support/mock-account.js';
import { labBundle } from '../../checks/index.js';

const target = testTarget();

function errorKind(observed: Observed<unknown>): string {
  assert.equal(observed.state, 'error', JSON.stringify(observed));
  return observed.state === 'error' ? observed.error.kind : '';
}

test('a complete account: every piece found, every page followed, the client secret not kept', async () => {
  const { clients } = mockCompleteAccount();
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.equal(snapshot.cognito.pool.state === 'found' && snapshot.cognito.pool.value.id, POOL_ID);
  assert.equal(snapshot.apigateway.api.state === 'found' && snapshot.apigateway.api.value.id, API_ID);
  assert.deepEqual(snapshot.apigateway.api.state === 'found' && snapshot.apigateway.api.value.endpointTypes, ['REGIONAL']);
  assert.deepEqual(
    snapshot.iam.attachedPolicies.state === 'found' && snapshot.iam.attachedPolicies.value.map((policy) => policy.policyName),
    ['AWSLambdaBasicExecutionRole', 'Extra'],
  );
  assert.deepEqual(snapshot.iam.role.state === 'found' && snapshot.iam.role.value.trustPolicy.Statement[0]?.Principal, {
    Service: 'lambda.amazonaws.com',
  });
  assert.equal(snapshot.cognito.client.state === 'found' && snapshot.cognito.client.value.hasSecret, true);
  assert.ok(!JSON.stringify(snapshot).includes(CLIENT_SECRET), 'the client secret must not reach the snapshot');
  assert.deepEqual(snapshot.apigateway.deployment.state === 'found' && snapshot.apigateway.deployment.value.apiSummary, {
    '/hello': { GET: { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: false } },
  });
  assert.doesNotThrow(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'the mocked snapshot'));
});

test('Lambda denied: its evidence is an access-denied error, everything else is still found', async () => {
  const { clients, mocks } = mockCompleteAccount();
  const denied = awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT}:user/grader is not authorized to perform: lambda:GetFunction`,
    403,
  );
  mocks.lambda.on(GetFunctionCommand).rejects(denied).on(GetPolicyCommand).rejects(denied);
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.doesNotThrow(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'the denied snapshot'));
  assert.equal(errorKind(snapshot.lambda.function), 'access-denied');
  assert.equal(errorKind(snapshot.lambda.policy), 'access-denied');
  assert.equal(snapshot.lambda.function.state === 'error' && snapshot.lambda.function.error.operation, 'lambda:GetFunction');
  assert.equal(snapshot.lambda.function.state === 'error' && snapshot.lambda.function.error.code, 'AccessDeniedException');
  for (const observed of [snapshot.identity, snapshot.cognito.pool, snapshot.cognito.user, snapshot.apigateway.resources, snapshot.iam.role]) {
    assert.equal(observed.state, 'found');
  }
  // No function to follow: the role is looked up by the lab's name.
  assert.equal(snapshot.iam.roleSource, 'lab-spec');
});

test('throttling that outlasted the retries is recorded as throttled; what does not depend on it is found', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.apigateway.on(GetResourcesCommand).rejects(awsError('TooManyRequestsException', 'Too Many Requests', 429));
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.equal(errorKind(snapshot.apigateway.resources), 'throttled');
  assert.equal(snapshot.apigateway.deployment.state, 'found');
  assert.deepEqual(snapshot.lambda.integrationFunction, { state: 'skipped', reason: 'the REST API resources could not be read (throttled)' });
});

test('a timeout is recorded as timeout', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.cognito.on(DescribeUserPoolCommand).rejects(Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' }));
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.equal(errorKind(snapshot.cognito.pool), 'timeout');
  assert.equal(snapshot.cognito.client.state, 'found');
});

test('missing credentials: CannotGradeError naming the source and the fix', async () => {
  const { clients, mocks } = mockCompleteAccount();
  const missing = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  mocks.sts.onAnyCommand().rejects(missing);
  mocks.cognito.onAnyCommand().rejects(missing);
  mocks.iam.onAnyCommand().rejects(missing);
  mocks.lambda.onAnyCommand().rejects(missing);
  mocks.apigateway.onAnyCommand().rejects(missing);

  await assert.rejects(collectSnapshot(clients, target, lab, labBundle), (error: unknown) => {
    assert.ok(error instanceof CannotGradeError);
    assert.match(error.message, /default credential chain/);
    assert.match(error.message, /aws configure/);
    assert.match(error.message, /CloudShell/);
    return true;
  });
});

test('rejected credentials: the message keeps no key, signature or token', async () => {
  const { clients, mocks } = mockCompleteAccount();
  const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const echoed = awsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. ' +
      'Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/sts/aws4_request, Signature=' + 'ab12'.repeat(16) +
      ` key ${secretKey}\n\nThe Canonical String for this request should have been\n'POST\n/\n'`,
    403,
  );
  mocks.sts.on(GetCallerIdentityCommand).rejects(echoed);
  const profileTarget = { ...target, credentialSource: { kind: 'profile', profile: 'course' } as const };

  await assert.rejects(collectSnapshot(clients, profileTarget, lab, labBundle), (error: unknown) => {
    assert.ok(error instanceof CannotGradeError);
    assert.match(error.message, /profile "course"/);
    assert.match(error.message, /aws configure --profile course/);
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', secretKey, 'ab12ab12', 'Canonical']) assert.ok(!error.message.includes(secret), secret);
    return true;
  });
});

test('two APIs of the lab name: the newest with a prod stage is graded, with a note', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.apigateway
    .on(GetRestApisCommand)
    .resolves({
      items: [
        { id: 'olderwithprod', name: 'SecureAPI', createdDate: new Date('2025-01-01T00:00:00Z') },
        { id: 'newernoprod', name: 'SecureAPI', createdDate: new Date('2025-02-01T00:00:00Z') },
      ],
    })
    .on(GetStagesCommand, { restApiId: 'newernoprod' })
    .resolves({ item: [] });
  const calls: string[] = [];
  const snapshot = await collectSnapshot(clients, target, lab, labBundle, { onCall: (event) => event.phase === 'start' && calls.push(event.operation) });

  assert.deepEqual(snapshot.apigateway.apiChoice, { candidates: ['olderwithprod', 'newernoprod'], chosen: 'olderwithprod', reason: 'has-lab-stage' });
  assert.deepEqual(snapshot.notes, ['2 REST APIs are named SecureAPI (olderwithprod, newernoprod): grading olderwithprod, the newest with a prod stage.']);
  assert.equal(snapshot.apigateway.deployment.state, 'found');
  // The stages read to choose are not read again.
  assert.equal(calls.filter((operation) => operation === 'apigateway:GetStages').length, 2);
});

test('GET /hello wired to another function: that function is read too, by its qualified ARN', async () => {
  const { clients, mocks } = mockCompleteAccount();
  const otherArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:OtherFunction`;
  mocks.apigateway.on(GetResourcesCommand).resolves({
    items: [helloResource(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${otherArn}:live/invocations`)],
  });
  mocks.lambda.on(GetFunctionCommand, { FunctionName: `${otherArn}:live` }).resolves({ Configuration: functionConfiguration(otherArn) });
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.equal(snapshot.lambda.integrationFunction.state === 'found' && snapshot.lambda.integrationFunction.value.functionName, 'OtherFunction');
});

test('GET /hello wired to an alias of the lab function: nothing more is read', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.apigateway.on(GetResourcesCommand).resolves({
    items: [helloResource(`arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionConfiguration().FunctionArn}:prod/invocations`)],
  });
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.deepEqual(snapshot.lambda.integrationFunction, { state: 'skipped', reason: 'GET /hello invokes the lab function HelloWorldFunction' });
  assert.equal(mocks.lambda.commandCalls(GetFunctionCommand).length, 1);
});

test('the pool list fails: its error is the pool evidence too, and what hangs off the pool is skipped', async () => {
  const { clients, mocks } = mockCompleteAccount();
  mocks.cognito.on(ListUserPoolsCommand).rejects(awsError('InternalErrorException', 'Internal error', 500));
  const snapshot = await collectSnapshot(clients, target, lab, labBundle);

  assert.equal(errorKind(snapshot.cognito.pools), 'other');
  assert.equal(errorKind(snapshot.cognito.pool), 'other');
  assert.deepEqual(snapshot.cognito.user, { state: 'skipped', reason: 'the user pool MyAPIUserPool could not be read (other)' });
});
