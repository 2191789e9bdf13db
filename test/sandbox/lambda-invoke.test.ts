// Lambda's Invoke API through the Lambda runner, with the SDK v3 client: invocation types, log tail, function
// errors, payload errors, and code / configuration updates reaching new workers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { InvokeCommand, LambdaClient, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { clientConfig, failure, lambdaTrustPolicy, sandboxOn } from './helpers.js';
import { LAB_HANDLER_SOURCE as LAB_HANDLER } from '../../reference-solution/lambda/handler-source.js';
import { createPythonFunction, labClients, pythonZip } from './lab-deploy.js';

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('Lambda Invoke through the runner', () => {
  let sandbox: RunningSandbox;
  let lambda: LambdaClient;
  let roleArn: string;

  before(async () => {
    sandbox = await sandboxOn();
    lambda = new LambdaClient(clientConfig(sandbox));
    const role = await new IAMClient(clientConfig(sandbox)).send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
    roleArn = role.Role?.Arn as string;
    const clients = labClients(sandbox);
    await createPythonFunction(clients, 'HelloWorldFunction', roleArn);
    await createPythonFunction(clients, 'Raises', roleArn, 'def lambda_handler(event, context):\n    raise KeyError("missing")\n');
    await createPythonFunction(clients, 'Echo', roleArn, 'import os\ndef lambda_handler(event, context):\n    return {"event": event, "greeting": os.environ.get("GREETING")}\n');
  });
  after(() => sandbox.stop());

  test('RequestResponse runs the lab handler: 200, its result, X-Amz-Executed-Version', async () => {
    const answer = await lambda.send(new InvokeCommand({ FunctionName: 'HelloWorldFunction', Payload: json({}) }));
    assert.equal(answer.StatusCode, 200);
    assert.equal(answer.ExecutedVersion, '$LATEST');
    assert.equal(answer.FunctionError, undefined);
    assert.deepEqual(JSON.parse(text(answer.Payload)), { statusCode: 200, body: '{"message": "Hello from secured API!", "user": "Unknown"}' });
  });

  test('LogType Tail returns the log tail, base64', async () => {
    const answer = await lambda.send(new InvokeCommand({ FunctionName: 'HelloWorldFunction', LogType: 'Tail' }));
    const log = Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');
    assert.match(log, /^START RequestId: [0-9a-f-]{36} Version: \$LATEST/);
    assert.match(log, /REPORT RequestId: /);
  });

  test('a handler exception: 200 with X-Amz-Function-Error Unhandled and the error document', async () => {
    const answer = await lambda.send(new InvokeCommand({ FunctionName: 'Raises' }));
    assert.equal(answer.StatusCode, 200);
    assert.equal(answer.FunctionError, 'Unhandled');
    const error = JSON.parse(text(answer.Payload)) as { errorType: string; errorMessage: string };
    assert.equal(error.errorType, 'KeyError');
    assert.equal(error.errorMessage, "'missing'");
  });

  test('Event answers 202 and DryRun 204', async () => {
    assert.equal((await lambda.send(new InvokeCommand({ FunctionName: 'Echo', InvocationType: 'Event', Payload: json({ a: 1 }) }))).StatusCode, 202);
    assert.equal((await lambda.send(new InvokeCommand({ FunctionName: 'Echo', InvocationType: 'DryRun' }))).StatusCode, 204);
  });

  test('a payload that is not JSON: InvalidRequestContentException 400', async () => {
    const error = await failure(lambda.send(new InvokeCommand({ FunctionName: 'Echo', Payload: new TextEncoder().encode('not json') })));
    assert.deepEqual([error.name, error.status], ['InvalidRequestContentException', 400]);
    assert.match(error.message, /^Could not parse request body into json/);
  });

  test('payloads over the limits: RequestTooLargeException 413 (6 MB synchronous, 256 KB Event)', async () => {
    const big = json({ data: 'x'.repeat(6_400_000) });
    const sync = await failure(lambda.send(new InvokeCommand({ FunctionName: 'Echo', Payload: big })));
    assert.deepEqual([sync.name, sync.status], ['RequestTooLargeException', 413]);
    const asyncPayload = json({ data: 'x'.repeat(300_000) });
    const event = await failure(lambda.send(new InvokeCommand({ FunctionName: 'Echo', InvocationType: 'Event', Payload: asyncPayload })));
    assert.deepEqual([event.name, event.status], ['RequestTooLargeException', 413]);
  });

  test('an unknown function: ResourceNotFoundException 404', async () => {
    const error = await failure(lambda.send(new InvokeCommand({ FunctionName: 'Nope' })));
    assert.deepEqual([error.name, error.status], ['ResourceNotFoundException', 404]);
  });

  test('UpdateFunctionConfiguration and UpdateFunctionCode take effect on the next invocation', async () => {
    const before = JSON.parse(text((await lambda.send(new InvokeCommand({ FunctionName: 'Echo', Payload: json({ n: 1 }) }))).Payload));
    assert.deepEqual(before, { event: { n: 1 }, greeting: null });
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'Echo', Environment: { Variables: { GREETING: 'hi' } } }));
    const configured = JSON.parse(text((await lambda.send(new InvokeCommand({ FunctionName: 'Echo', Payload: json({ n: 2 }) }))).Payload));
    assert.deepEqual(configured, { event: { n: 2 }, greeting: 'hi' });
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'Echo', ZipFile: pythonZip(LAB_HANDLER) }));
    const recoded = JSON.parse(text((await lambda.send(new InvokeCommand({ FunctionName: 'Echo' }))).Payload)) as { statusCode: number };
    assert.equal(recoded.statusCode, 200);
  });
});

describe('Lambda Invoke when the runtime cannot run here', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await sandboxOn({ runner: { pythonCommand: '/nonexistent/python3' } });
  });
  after(() => sandbox.stop());

  test('the result is a Sandbox.RuntimeUnavailable function error naming the interpreter', async () => {
    const clients = labClients(sandbox);
    const role = await clients.iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
    await createPythonFunction(clients, 'HelloWorldFunction', role.Role?.Arn as string);
    const answer = await clients.lambda.send(new InvokeCommand({ FunctionName: 'HelloWorldFunction' }));
    assert.equal(answer.FunctionError, 'Unhandled');
    const error = JSON.parse(text(answer.Payload)) as { errorType: string; errorMessage: string };
    assert.equal(error.errorType, 'Sandbox.RuntimeUnavailable');
    assert.match(error.errorMessage, /\/nonexistent\/python3/);
  });
});
