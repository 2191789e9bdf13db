// The opt-in AWS behaviours: runtime deprecation, IAM propagation delay, seeded faults.

import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { IAMClient, CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, ListFunctionsCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { ACCOUNT_A, clientConfig, failure, labZip, lambdaTrustPolicy, sandboxOn } from './helpers.js';

const running: RunningSandbox[] = [];
after(() => Promise.all(running.map((s) => s.stop())));

async function start(options: SandboxOptions): Promise<RunningSandbox> {
  const sandbox = await sandboxOn(options);
  running.push(sandbox);
  return sandbox;
}

async function withRole(sandbox: RunningSandbox, name = 'lambda-execution-role'): Promise<string> {
  const role = await new IAMClient(clientConfig(sandbox)).send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: lambdaTrustPolicy() }));
  return role.Role!.Arn!;
}

const createFunction = (sandbox: RunningSandbox, name: string, runtime: string, role: string) =>
  new LambdaClient(clientConfig(sandbox)).send(
    new CreateFunctionCommand({ FunctionName: name, Runtime: runtime as 'python3.12', Role: role, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: labZip() } }),
  );

describe('runtime deprecation', () => {
  test('off by default: a long-blocked runtime is accepted', async () => {
    const sandbox = await start({});
    const created = await createFunction(sandbox, 'old', 'nodejs12.x', await withRole(sandbox));
    assert.equal(created.Runtime, 'nodejs12.x');
  });

  test('on: creating with a blocked runtime fails with AWS message; the dates come from runtimes.json', async () => {
    const sandbox = await start({ fidelity: { runtimeDeprecation: true } });
    const role = await withRole(sandbox);
    const error = await failure(createFunction(sandbox, 'old', 'nodejs12.x', role));
    assert.deepEqual(error, {
      name: 'InvalidParameterValueException',
      message:
        'The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs22.x) while creating or updating functions.',
      status: 400,
    });
    const { runtimes } = JSON.parse(readFileSync(new URL('../../src/sandbox/runtimes.json', import.meta.url), 'utf8'));
    const blocked = Date.now() >= Date.parse(`${runtimes['python3.9'].blockCreate}T00:00:00Z`);
    const lab = createFunction(sandbox, 'lab', 'python3.9', role);
    if (blocked) assert.match((await failure(lab)).message, /^The runtime parameter of python3\.9 is no longer supported/);
    else assert.equal((await lab).Runtime, 'python3.9');
    assert.equal((await createFunction(sandbox, 'current', 'python3.13', role)).Runtime, 'python3.13');
    const update = await failure(new LambdaClient(clientConfig(sandbox)).send(new UpdateFunctionConfigurationCommand({ FunctionName: 'current', Runtime: 'nodejs12.x' })));
    assert.equal(update.name, 'InvalidParameterValueException');
  });
});

describe('IAM propagation delay', () => {
  test('CreateFunction right after CreateRole fails, then succeeds once the delay has passed', async () => {
    const sandbox = await start({ fidelity: { iamPropagationDelaySeconds: 1 } });
    const role = await withRole(sandbox);
    const error = await failure(createFunction(sandbox, 'fn', 'python3.12', role));
    assert.deepEqual(error, { name: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.', status: 400 });
    await sleep(1100);
    assert.equal((await createFunction(sandbox, 'fn', 'python3.12', role)).State, 'Active');
    const fresh = await withRole(sandbox, 'fresh-role');
    const update = await failure(new LambdaClient(clientConfig(sandbox)).send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Role: fresh })));
    assert.equal(update.message, 'The role defined for the function cannot be assumed by Lambda.');
  });
});

describe('faults', () => {
  test('throttling uses each service own error', async () => {
    const sandbox = await start({ fidelity: { faults: { seed: 1, throttleRate: 1 } } });
    const cases: Array<[() => Promise<unknown>, string, number]> = [
      [() => new LambdaClient(clientConfig(sandbox)).send(new ListFunctionsCommand({})), 'TooManyRequestsException', 429],
      [() => new APIGatewayClient(clientConfig(sandbox)).send(new GetRestApisCommand({})), 'TooManyRequestsException', 429],
      [() => new CognitoIdentityProviderClient(clientConfig(sandbox)).send(new ListUserPoolsCommand({ MaxResults: 10 })), 'TooManyRequestsException', 400],
      [() => new IAMClient(clientConfig(sandbox)).send(new ListRolesCommand({})), 'Throttling', 400],
      [() => new STSClient(clientConfig(sandbox)).send(new GetCallerIdentityCommand({})), 'Throttling', 400],
    ];
    for (const [call, name, status] of cases) {
      const error = await failure(call());
      assert.equal(error.name, name);
      assert.equal(error.status, status);
    }
    const response = await fetch(`${sandbox.url}/restapis`, { headers: { authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT_A}/20240101/us-east-1/apigateway/aws4_request` } });
    assert.equal(response.headers.get('retry-after'), '1');
  });

  test('a per-service rate throttles only that service', async () => {
    const sandbox = await start({ fidelity: { faults: { seed: 1, throttleRate: { lambda: 1 } } } });
    assert.equal((await failure(new LambdaClient(clientConfig(sandbox)).send(new ListFunctionsCommand({})))).status, 429);
    assert.deepEqual((await new IAMClient(clientConfig(sandbox)).send(new ListRolesCommand({}))).Roles, []);
  });

  test('5xx faults are InternalFailure 500 or ServiceUnavailable 503', async () => {
    const sandbox = await start({ fidelity: { faults: { seed: 3, errorRate5xx: 1 } } });
    const statuses = new Set<number | undefined>();
    for (let i = 0; i < 20; i++) statuses.add((await failure(new STSClient(clientConfig(sandbox)).send(new GetCallerIdentityCommand({})))).status);
    assert.deepEqual([...statuses].sort(), [500, 503]);
  });

  test('the same seed gives the same sequence of outcomes; another seed another one', async () => {
    const outcomes = async (seed: number) => {
      const sandbox = await start({ fidelity: { faults: { seed, throttleRate: 0.3, errorRate5xx: 0.2 } } });
      const sts = new STSClient(clientConfig(sandbox));
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        seen.push(await sts.send(new GetCallerIdentityCommand({})).then(() => 'ok', (error: { $metadata?: { httpStatusCode?: number } }) => String(error.$metadata?.httpStatusCode)));
      }
      return seen;
    };
    const first = await outcomes(42);
    assert.deepEqual(await outcomes(42), first);
    assert.ok(first.includes('ok') && first.includes('400'), `a mix of outcomes: ${first.join(',')}`);
    assert.notDeepEqual(await outcomes(43), first);
  });
});
