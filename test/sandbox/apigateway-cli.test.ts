// The lab's apigateway commands (activities 7-10), run with the AWS CLI against the sandbox.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startSandbox } from '../../src/sandbox/index.js';

const run = promisify(execFile);
const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const LAMBDA_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:HelloWorldFunction`;

const cliMissing = spawnSync('aws', ['--version']).error
  ? 'no AWS CLI (`aws`) on PATH: the lab commands were not run'
  : false;

describe('the lab apigateway commands with the AWS CLI', { skip: cliMissing }, () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let workDir: string;
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    AWS_ACCESS_KEY_ID: ACCOUNT,
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };

  /** `aws <args> --endpoint-url <sandbox>`: stdout, trimmed. Asynchronous, as the sandbox runs in this process. */
  async function aws(...args: string[]): Promise<string> {
    const { stdout } = await run('aws', [...args, '--endpoint-url', sandbox.url], { env });
    return stdout.trim();
  }

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    workDir = await mkdtemp(join(tmpdir(), 'apigateway-cli-'));
  });

  after(async () => {
    await sandbox?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('runs activities 7 to 10 and reads back what they left', async () => {
    const apiId = await aws('apigateway', 'create-rest-api', '--name', 'SecureAPI', '--region', REGION, '--query', 'id', '--output', 'text');
    assert.match(apiId, /^[a-z0-9]{10}$/);
    const rootId = await aws('apigateway', 'get-resources', '--rest-api-id', apiId, '--region', REGION, '--query', 'items[0].id', '--output', 'text');
    const resourceId = await aws(
      'apigateway', 'create-resource', '--rest-api-id', apiId, '--parent-id', rootId, '--path-part', 'hello',
      '--region', REGION, '--query', 'id', '--output', 'text',
    );
    assert.match(resourceId, /^[a-z0-9]{6,10}$/);
    const poolArn = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_AbCdEf123`;
    const authorizerId = await aws(
      'apigateway', 'create-authorizer', '--rest-api-id', apiId, '--name', 'CognitoAuthorizer', '--type', 'COGNITO_USER_POOLS',
      '--provider-arns', poolArn, '--identity-source', 'method.request.header.Authorization',
      '--region', REGION, '--query', 'id', '--output', 'text',
    );
    await aws(
      'apigateway', 'put-method', '--rest-api-id', apiId, '--resource-id', resourceId, '--http-method', 'GET',
      '--authorization-type', 'COGNITO_USER_POOLS', '--authorizer-id', authorizerId, '--region', REGION,
    );
    await aws(
      'apigateway', 'put-integration', '--rest-api-id', apiId, '--resource-id', resourceId, '--http-method', 'GET',
      '--type', 'AWS_PROXY', '--integration-http-method', 'POST',
      '--uri', `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${LAMBDA_ARN}/invocations`, '--region', REGION,
    );
    const deployment = JSON.parse(await aws('apigateway', 'create-deployment', '--rest-api-id', apiId, '--stage-name', 'prod', '--region', REGION));
    assert.match(deployment.id, /^[a-z0-9]{6,10}$/);

    const stages = JSON.parse(await aws('apigateway', 'get-stages', '--rest-api-id', apiId));
    assert.equal(stages.item[0].stageName, 'prod');
    assert.equal(stages.item[0].deploymentId, deployment.id);
    const summary = JSON.parse(
      await aws('apigateway', 'get-deployment', '--rest-api-id', apiId, '--deployment-id', deployment.id, '--embed', 'apisummary'),
    );
    assert.deepEqual(summary.apiSummary, { '/hello': { GET: { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: false } } });
    const method = JSON.parse(
      await aws('apigateway', 'get-method', '--rest-api-id', apiId, '--resource-id', resourceId, '--http-method', 'GET'),
    );
    assert.equal(method.authorizerId, authorizerId);
    assert.equal(method.methodIntegration.type, 'AWS_PROXY');

    const exportFile = join(workDir, 'export.json');
    await aws(
      'apigateway', 'get-export', '--rest-api-id', apiId, '--stage-name', 'prod', '--export-type', 'oas30',
      // JSON form: the shorthand would split the comma-separated value into a list.
      '--parameters', '{"extensions":"integrations,authorizers"}', exportFile,
    );
    const document = JSON.parse(await readFile(exportFile, 'utf8'));
    assert.deepEqual(document.components.securitySchemes.CognitoAuthorizer['x-amazon-apigateway-authorizer'].providerARNs, [poolArn]);
  });

  it('reports AWS errors as the CLI shows them', async () => {
    await assert.rejects(aws('apigateway', 'get-rest-api', '--rest-api-id', 'nosuchapi1'), (error: Error & { stderr: string }) => {
      assert.match(
        error.stderr,
        /An error occurred \(NotFoundException\) when calling the GetRestApi operation: Invalid API identifier specified 111111111111:nosuchapi1/,
      );
      return true;
    });
  });
});
