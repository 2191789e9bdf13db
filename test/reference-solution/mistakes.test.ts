// Every mistake applies cleanly to a fresh reference deployment (its own sandbox account) and leaves the
// state it describes, read back with the SDK. Its inspect verdicts (test/support/mistake-verdicts.ts) are then
// checked by grading the account without probes: the checks they name FAIL or are BLOCKED as stated, every other
// inspect check passes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetExportCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetStageCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminGetUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { strFromU8, unzipSync } from 'fflate';
import { catalogue, labBundle, loadLabSpec } from '../../checks/index.js';
import { createReferenceClients, destroyReferenceClients, type ReferenceClients } from '../../reference-solution/clients.js';
import type { ReferenceOutputs } from '../../reference-solution/config.js';
import { deployReferenceSolution } from '../../reference-solution/deploy/index.js';
import { applyMistake, cleanupMistake, MISTAKES, type MistakeName } from '../../reference-solution/mistakes.js';
import { collectSnapshot } from '../../src/pipeline/take-snapshot.js';
import { gradeSnapshot } from '../../src/engine/grade.js';
import type { CheckResult } from '../../src/engine/types.js';
import type { LabSpec } from '../../src/lab/types.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { createGradingClients, destroyGradingClients } from '../../src/target/clients.js';
import type { Target } from '../../src/target/target.js';
import { gradedAgainstVerdicts, notation } from '../support/mistake-verdicts.js';
import { labResources, labSandbox, REGION, resourcesByPath, sandboxConfig } from './helpers.js';

type StateCheck = (clients: ReferenceClients, outputs: ReferenceOutputs) => Promise<void>;

function failureName(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => assert.fail('expected the call to fail'),
    (error: Error) => error.name,
  );
}

async function helloGet(clients: ReferenceClients, outputs: ReferenceOutputs) {
  return clients.apigateway.send(new GetMethodCommand({ restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: 'GET' }));
}

/** How prod serves a method of /hello (the deployment's apiSummary). */
async function prodServes(clients: ReferenceClients, outputs: ReferenceOutputs, httpMethod = 'GET') {
  const { deploymentId } = await clients.apigateway.send(new GetStageCommand({ restApiId: outputs.apiId, stageName: 'prod' }));
  const deployment = await clients.apigateway.send(new GetDeploymentCommand({ restApiId: outputs.apiId, deploymentId, embed: ['apisummary'] }));
  return deployment.apiSummary?.['/hello']?.[httpMethod]?.authorizationType;
}

/** The header prod's CognitoAuthorizer reads the token from (the stage export's security scheme). */
async function prodTokenHeader(clients: ReferenceClients, outputs: ReferenceOutputs) {
  const exported = await clients.apigateway.send(new GetExportCommand({ restApiId: outputs.apiId, stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'authorizers' } }));
  return JSON.parse(new TextDecoder().decode(exported.body)).components.securitySchemes.CognitoAuthorizer.name;
}

async function labClient(clients: ReferenceClients, outputs: ReferenceOutputs) {
  const listed = (await clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: outputs.userPoolId, MaxResults: 60 }))).UserPoolClients ?? [];
  assert.equal(listed.length, 1);
  const ClientId = listed[0]?.ClientId;
  return (await clients.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: outputs.userPoolId, ClientId }))).UserPoolClient;
}

async function handlerSource(clients: ReferenceClients): Promise<string> {
  const location = (await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Code?.Location;
  const zip = new Uint8Array(await (await fetch(location ?? '')).arrayBuffer());
  return strFromU8(unzipSync(zip)['lambda_function.py'] ?? new Uint8Array());
}

async function policyStatements(clients: ReferenceClients): Promise<{ Condition?: { ArnLike?: Record<string, string> } }[]> {
  return JSON.parse((await clients.lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' }))).Policy ?? '{}').Statement;
}

const STATE: Record<MistakeName, StateCheck> = {
  'no-user-pool': async (clients) => {
    const lab = await loadLabSpec();
    assert.deepEqual((await labResources(clients, lab)).poolIds, []);
  },
  'function-deleted': async (clients) => {
    const { functionExists, roleExists, poolIds, apiIds } = await labResources(clients, await loadLabSpec());
    assert.deepEqual({ functionExists, roleExists, pools: poolIds.length, apis: apiIds.length }, { functionExists: false, roleExists: false, pools: 1, apis: 1 });
  },
  'lab-not-started': async (clients) => {
    assert.deepEqual(await labResources(clients, await loadLabSpec()), { poolIds: [], apiIds: [], functionExists: false, roleExists: false });
  },
  'client-without-password-auth': async (clients, outputs) => {
    const client = await labClient(clients, outputs);
    assert.deepEqual([...(client?.ExplicitAuthFlows ?? [])].sort(), ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    assert.equal(client?.ClientSecret, undefined);
  },
  'client-with-secret': async (clients, outputs) => {
    const client = await labClient(clients, outputs);
    assert.ok(client?.ClientSecret);
    assert.deepEqual([...(client?.ExplicitAuthFlows ?? [])].sort(), ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
  },
  'user-force-change-password': async (clients, outputs) => {
    const user = await clients.cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.userPoolId, Username: 'testuser' }));
    assert.equal(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
  },
  'password-changed': async (clients, outputs) => {
    const user = await clients.cognito.send(new AdminGetUserCommand({ UserPoolId: outputs.userPoolId, Username: 'testuser' }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    const lab = await loadLabSpec();
    const signIn = new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: outputs.clientId, AuthParameters: { USERNAME: 'testuser', PASSWORD: lab.password } });
    assert.equal(await failureName(clients.cognito.send(signIn)), 'NotAuthorizedException');
  },
  'role-without-basic-policy': async (clients) => {
    const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role' }));
    assert.deepEqual(attached.AttachedPolicies, []);
  },
  'role-trusts-ec2': async (clients) => {
    const role = (await clients.iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' }))).Role;
    assert.deepEqual(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')).Statement[0].Principal, { Service: 'ec2.amazonaws.com' });
  },
  'wrong-handler': async (clients) => {
    const fn = (await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Configuration;
    assert.equal(fn?.Handler, 'lambda_function.handler');
  },
  'runtime-nodejs': async (clients) => {
    const fn = (await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' }))).Configuration;
    assert.deepEqual({ runtime: fn?.Runtime, handler: fn?.Handler }, { runtime: 'nodejs20.x', handler: 'index.handler' });
    assert.ok((await handlerSource(clients)).includes('def lambda_handler(event, context):'));
  },
  'authorizer-token-type': async (clients, outputs) => {
    const authorizers = (await clients.apigateway.send(new GetAuthorizersCommand({ restApiId: outputs.apiId }))).items ?? [];
    assert.deepEqual(authorizers.map(({ name, type }) => ({ name, type })), [{ name: 'CognitoAuthorizer', type: 'TOKEN' }]);
    const method = await helloGet(clients, outputs);
    assert.equal(method.authorizationType, 'CUSTOM');
    assert.equal(method.authorizerId, authorizers[0]?.id);
    assert.equal(await prodServes(clients, outputs), 'CUSTOM');
  },
  'authorizer-other-pool': async (clients, outputs) => {
    const authorizers = (await clients.apigateway.send(new GetAuthorizersCommand({ restApiId: outputs.apiId }))).items ?? [];
    assert.equal(authorizers.length, 1);
    const [arn] = authorizers[0]?.providerARNs ?? [];
    assert.notEqual(arn, outputs.userPoolArn);
    const earlierPool = arn?.slice(arn.lastIndexOf('/') + 1);
    assert.equal(await failureName(clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: earlierPool }))), 'ResourceNotFoundException');
    assert.equal((await helloGet(clients, outputs)).authorizerId, authorizers[0]?.id);
    assert.deepEqual((await labResources(clients, await loadLabSpec())).poolIds, [outputs.userPoolId]);
  },
  'hello-get-none': async (clients, outputs) => {
    assert.equal((await helloGet(clients, outputs)).authorizationType, 'NONE');
    assert.equal(await prodServes(clients, outputs), 'NONE');
  },
  'hello-any-method': async (clients, outputs) => {
    const hello = (await resourcesByPath(clients, outputs.apiId)).get('/hello');
    assert.deepEqual(Object.keys(hello?.resourceMethods ?? {}), ['ANY']);
    assert.equal(await prodServes(clients, outputs, 'ANY'), 'COGNITO_USER_POOLS');
  },
  'integration-not-proxy': async (clients, outputs) => {
    const integration = await clients.apigateway.send(new GetIntegrationCommand({ restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: 'GET' }));
    assert.equal(integration.type, 'AWS');
  },
  'integration-other-function': async (clients, outputs) => {
    const integration = await clients.apigateway.send(new GetIntegrationCommand({ restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: 'GET' }));
    assert.match(integration.uri ?? '', /:function:MyFirstFunction\/invocations$/);
    const other = await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'MyFirstFunction' }));
    assert.equal(other.Configuration?.FunctionName, 'MyFirstFunction');
  },
  'no-lambda-permission': async (clients) => {
    const statements = await policyStatements(clients).catch((error: Error) => (error.name === 'ResourceNotFoundException' ? [] : Promise.reject(error)));
    assert.deepEqual(statements, []);
  },
  'permission-other-api': async (clients, outputs) => {
    const [statement] = await policyStatements(clients);
    const sourceArn = statement?.Condition?.ArnLike?.['AWS:SourceArn'] ?? '';
    assert.match(sourceArn, /^arn:aws:execute-api:us-east-1:\d{12}:\w+\/\*\/\*$/);
    assert.ok(!sourceArn.includes(outputs.apiId));
    assert.deepEqual((await labResources(clients, await loadLabSpec())).apiIds, [outputs.apiId]);
  },
  'permission-wrong-principal': async (clients) => {
    const statements = (await policyStatements(clients)) as { Sid?: string; Principal?: unknown }[];
    assert.deepEqual(statements.map(({ Sid, Principal }) => ({ Sid, Principal })), [{ Sid: 'apigateway-invoke', Principal: { Service: 'lambda.amazonaws.com' } }]);
  },
  'no-deployment': async (clients, outputs) => {
    assert.deepEqual((await clients.apigateway.send(new GetStagesCommand({ restApiId: outputs.apiId }))).item, []);
    assert.deepEqual((await clients.apigateway.send(new GetDeploymentsCommand({ restApiId: outputs.apiId }))).items ?? [], []);
  },
  'no-prod-stage': async (clients, outputs) => {
    const stages = (await clients.apigateway.send(new GetStagesCommand({ restApiId: outputs.apiId }))).item ?? [];
    assert.deepEqual(stages.map((stage) => stage.stageName), ['dev']);
  },
  'stale-deployment': async (clients, outputs) => {
    assert.equal((await helloGet(clients, outputs)).authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(await prodServes(clients, outputs), 'NONE');
  },
  'extra-open-method-deployed': async (clients, outputs) => {
    const post = await clients.apigateway.send(new GetMethodCommand({ restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: 'POST' }));
    assert.equal(post.authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(await prodServes(clients, outputs, 'POST'), 'NONE');
  },
  'authorizer-changed-not-redeployed': async (clients, outputs) => {
    const { items } = await clients.apigateway.send(new GetAuthorizersCommand({ restApiId: outputs.apiId }));
    assert.equal(items?.[0]?.identitySource, 'method.request.header.Authorization');
    assert.equal(await prodTokenHeader(clients, outputs), 'X-Id-Token');
  },
  'method-scopes': async (clients, outputs) => {
    assert.deepEqual((await helloGet(clients, outputs)).authorizationScopes, ['aws.cognito.signin.user.admin']);
    const exported = await clients.apigateway.send(new GetExportCommand({ restApiId: outputs.apiId, stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'authorizers' } }));
    const served = JSON.parse(new TextDecoder().decode(exported.body)).paths['/hello'].get.security;
    assert.deepEqual(served, [{ CognitoAuthorizer: ['aws.cognito.signin.user.admin'] }]);
  },
  'handler-other-message': async (clients) => {
    const source = await handlerSource(clients);
    assert.ok(source.includes("'message': 'Hello World!'"));
  },
  'handler-raises': async (clients) => {
    assert.match(await handlerSource(clients), /\n {4}raise KeyError\('claims'\)\n {4}return \{/);
  },
  'duplicate-pools': async (clients, outputs) => {
    const pools = (await labResources(clients, await loadLabSpec())).poolIds;
    assert.equal(pools.length, 2);
    const authorizers = (await clients.apigateway.send(new GetAuthorizersCommand({ restApiId: outputs.apiId }))).items ?? [];
    assert.deepEqual(authorizers[0]?.providerARNs, [outputs.userPoolArn]);
  },
};

const INSPECT_CHECKS = catalogue.filter((check) => check.meta.kind === 'inspect');

/** Every inspect check's result, grading the account without probes. */
async function inspectResults(sandbox: RunningSandbox, account: string, lab: LabSpec): Promise<CheckResult[]> {
  const target: Target = {
    region: REGION,
    endpoint: sandbox.url,
    credentials: async () => ({ accessKeyId: account, secretAccessKey: 'x' }),
    credentialSource: { kind: 'default-chain' },
    timeouts: { connectionMs: 3_000, requestMs: 10_000 },
    retry: { maxAttempts: 1 },
  };
  const clients = createGradingClients(target);
  try {
    const snapshot = await collectSnapshot(clients, target, lab, labBundle);
    return gradeSnapshot(snapshot, lab, { ...labBundle, catalogue: INSPECT_CHECKS }, { source: 'live' }).checks;
  } finally {
    destroyGradingClients(clients);
  }
}

function assertFullMarks(checks: readonly CheckResult[]): void {
  const results = Object.fromEntries(checks.map((check) => [check.id, notation(check)]));
  assert.ok(checks.every((check) => check.status === 'PASS'), JSON.stringify(results, null, 1));
}

describe('MISTAKES', () => {
  let sandbox: RunningSandbox;
  let lab: LabSpec;
  let complete: CheckResult[];

  before(async () => {
    sandbox = await labSandbox();
    lab = await loadLabSpec();
    await deployReferenceSolution(sandboxConfig(sandbox, '200000000000'));
    complete = await inspectResults(sandbox, '200000000000', lab);
  });
  after(() => sandbox.stop());

  test('the reference solution passes every inspect check', () => {
    assertFullMarks(complete);
    assert.equal(complete.length, INSPECT_CHECKS.length);
  });

  test('every mistake has a state check here', () => {
    assert.deepEqual(Object.keys(STATE).sort(), Object.keys(MISTAKES).sort());
  });

  (Object.keys(MISTAKES) as MistakeName[]).forEach((name, index) => {
    const account = String(200000000001 + index);
    test(`${name}: applies, leaves the described state, and grades as expected (inspect checks); a second deploy repairs it`, async () => {
      const config = sandboxConfig(sandbox, account);
      const outputs = await deployReferenceSolution(config);
      await applyMistake(config, name, outputs);
      const clients = createReferenceClients(config);
      try {
        await STATE[name](clients, outputs);
      } finally {
        destroyReferenceClients(clients);
      }
      const { got, wanted } = gradedAgainstVerdicts(name, await inspectResults(sandbox, account, lab), INSPECT_CHECKS);
      assert.deepEqual(got, wanted);

      // The reference solution repairs what it finds: a second deploy brings back full marks.
      await deployReferenceSolution(config);
      assertFullMarks(await inspectResults(sandbox, account, lab));
      await cleanupMistake(config, name);
    });
  });
});
