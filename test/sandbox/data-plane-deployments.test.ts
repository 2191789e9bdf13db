// The data plane serves the stage's deployed snapshot, never the live configuration; and what it answers
// for what the sandbox cannot run (other integration types, a runtime it has no interpreter for).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateDeploymentCommand, CreateResourceCommand, PutIntegrationCommand, PutMethodCommand, UpdateMethodCommand } from '@aws-sdk/client-api-gateway';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxOn } from './helpers.js';
import { LAB_RESPONSE, deployLab, http, type DeployedLab } from './lab-deploy.js';

describe('deployment snapshots', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  before(async () => {
    sandbox = await sandboxOn();
    lab = await deployLab(sandbox);
  });
  after(() => sandbox.stop());

  test('a method changed to NONE keeps answering 401 until a new deployment; then 200', async () => {
    const { apigateway } = lab.clients;
    await apigateway.send(
      new UpdateMethodCommand({
        restApiId: lab.apiId,
        resourceId: lab.resourceId,
        httpMethod: 'GET',
        patchOperations: [{ op: 'replace', path: '/authorizationType', value: 'NONE' }],
      }),
    );
    const before = await http(`${lab.stageUrl}/hello`);
    assert.equal(before.status, 401);
    assert.equal(before.text, '{"message":"Unauthorized"}');

    await apigateway.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    const after = await http(`${lab.stageUrl}/hello`);
    assert.equal(after.status, 200, after.text);
    assert.deepEqual(after.json(), { message: LAB_RESPONSE.message, user: 'Unknown' });
  });

  test('another integration type is a sandbox 500 that says so', async () => {
    const { apigateway } = lab.clients;
    const resource = await apigateway.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: 'mock' }));
    const ids = { restApiId: lab.apiId, resourceId: resource.id as string, httpMethod: 'GET' };
    await apigateway.send(new PutMethodCommand({ ...ids, authorizationType: 'NONE' }));
    await apigateway.send(new PutIntegrationCommand({ ...ids, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigateway.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    const answer = await http(`${lab.stageUrl}/mock`);
    assert.equal(answer.status, 500);
    assert.match(String(answer.headers['x-sandbox-error']), /does not support MOCK integrations/);
    assert.match((answer.json() as { message: string }).message, /only AWS_PROXY/);
  });
});

describe('a runtime the sandbox cannot run', () => {
  let sandbox: RunningSandbox;
  let lab: DeployedLab;
  const errors: unknown[][] = [];
  const consoleError = console.error;
  before(async () => {
    console.error = (...args: unknown[]) => void errors.push(args);
    sandbox = await sandboxOn({ runner: { pythonCommand: '/nonexistent/python3' } });
    lab = await deployLab(sandbox);
  });
  after(async () => {
    console.error = consoleError;
    await sandbox.stop();
  });

  test('500 with the reason in x-sandbox-error and the log on the console', async () => {
    const { IdToken } = await lab.signIn();
    const answer = await http(`${lab.stageUrl}/hello`, { headers: { Authorization: IdToken } });
    assert.equal(answer.status, 500);
    assert.match(String(answer.headers['x-sandbox-error']), /python3\.9 cannot run here: '\/nonexistent\/python3'/);
    assert.ok(errors.some((args) => /HelloWorldFunction could not run/.test(String(args[0]))));
  });
});

describe('dataPlane.missingStage = "missing-authentication-token"', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await sandboxOn({ dataPlane: { missingStage: 'missing-authentication-token' } });
  });
  after(() => sandbox.stop());

  test('an unknown API or stage answers 403 Missing Authentication Token', async () => {
    const answer = await http(`${sandbox.url}/_aws/execute-api/nosuchapi0/prod/hello`);
    assert.equal(answer.status, 403);
    assert.equal(answer.text, '{"message":"Missing Authentication Token"}');
    assert.equal(answer.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
  });
});
