// The API Gateway control plane through the real HTTP server and the real SDK v3 client.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteAuthorizerCommand,
  DeleteDeploymentCommand,
  DeleteIntegrationCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetAuthorizerCommand,
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetExportCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateAuthorizerCommand,
  UpdateIntegrationCommand,
  UpdateMethodCommand,
  UpdateResourceCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
  type PatchOperation,
  type PutIntegrationCommandInput,
} from '@aws-sdk/client-api-gateway';
import { startSandbox } from '../../src/sandbox/index.js';
import { createApiGatewayService } from '../../src/sandbox/apigateway/index.js';
import { matchRoute } from '../../src/sandbox/protocols/rest.js';
import type { RequestContext, RestJsonService } from '../../src/sandbox/service.js';
import { clientConfig } from './helpers.js';

const REGION = 'us-east-1';
const ACCOUNT = '111111111111';
const OTHER_ACCOUNT = '222222222222';
const POOL_ARN = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_AbCdEf123`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:HelloWorldFunction`;
const LAMBDA_URI = `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`;

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let apigw: APIGatewayClient;

function clientFor(accountId: string): APIGatewayClient {
  return new APIGatewayClient(clientConfig(sandbox, accountId));
}

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  apigw = clientFor(ACCOUNT);
});

after(async () => {
  apigw?.destroy();
  await sandbox?.stop();
});

/** Asserts that a call fails as AWS would: error code, HTTP status and message. */
async function rejectsWith(call: Promise<unknown>, code: string, status: number, message: string | RegExp): Promise<void> {
  await assert.rejects(call, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, code);
    assert.equal(error.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

interface LabApi {
  apiId: string;
  rootId: string;
  resourceId: string;
  authorizerId: string;
}

/** Activities 7 to 9 of the lab: the API, /hello, the Cognito authorizer, GET with its Lambda integration. */
async function buildLabApi(client = apigw, name = 'SecureAPI'): Promise<LabApi> {
  const api = await client.send(new CreateRestApiCommand({ name }));
  const resources = await client.send(new GetResourcesCommand({ restApiId: api.id! }));
  const rootId = resources.items![0]!.id!;
  const hello = await client.send(new CreateResourceCommand({ restApiId: api.id!, parentId: rootId, pathPart: 'hello' }));
  const authorizer = await client.send(
    new CreateAuthorizerCommand({
      restApiId: api.id!,
      name: 'CognitoAuthorizer',
      type: 'COGNITO_USER_POOLS',
      providerARNs: [POOL_ARN],
      identitySource: 'method.request.header.Authorization',
    }),
  );
  await client.send(
    new PutMethodCommand({
      restApiId: api.id!,
      resourceId: hello.id!,
      httpMethod: 'GET',
      authorizationType: 'COGNITO_USER_POOLS',
      authorizerId: authorizer.id!,
    }),
  );
  await client.send(
    new PutIntegrationCommand({
      restApiId: api.id!,
      resourceId: hello.id!,
      httpMethod: 'GET',
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: LAMBDA_URI,
    }),
  );
  return { apiId: api.id!, rootId, resourceId: hello.id!, authorizerId: authorizer.id! };
}

describe('the lab sequence (activities 7-10)', () => {
  let lab: LabApi;
  before(async () => {
    lab = await buildLabApi();
  });

  it('creates the REST API with a root resource, an id of 10 lowercase alphanumerics and a date', async () => {
    const api = await apigw.send(new GetRestApiCommand({ restApiId: lab.apiId }));
    assert.match(api.id!, /^[a-z0-9]{10}$/);
    assert.equal(api.name, 'SecureAPI');
    assert.equal(api.rootResourceId, lab.rootId);
    assert.ok(api.createdDate instanceof Date && Math.abs(api.createdDate.getTime() - Date.now()) < 3_600_000);
    assert.deepEqual(api.endpointConfiguration?.types, ['EDGE']);
    assert.equal(api.apiKeySource, 'HEADER');
  });

  it('lists the root first, then /hello', async () => {
    const { items } = await apigw.send(new GetResourcesCommand({ restApiId: lab.apiId }));
    assert.equal(items![0]!.path, '/');
    assert.equal(items![0]!.parentId, undefined);
    const hello = items!.find((item) => item.id === lab.resourceId)!;
    assert.match(hello.id!, /^[a-z0-9]{6,10}$/);
    assert.deepEqual({ path: hello.path, pathPart: hello.pathPart, parentId: hello.parentId }, {
      path: '/hello',
      pathPart: 'hello',
      parentId: lab.rootId,
    });
    assert.deepEqual(hello.resourceMethods, { GET: {} });
  });

  it('keeps the authorizer as created, with the default TTL of 300', async () => {
    const authorizer = await apigw.send(new GetAuthorizerCommand({ restApiId: lab.apiId, authorizerId: lab.authorizerId }));
    assert.match(authorizer.id!, /^[a-z0-9]{6,10}$/);
    assert.equal(authorizer.type, 'COGNITO_USER_POOLS');
    assert.deepEqual(authorizer.providerARNs, [POOL_ARN]);
    assert.equal(authorizer.identitySource, 'method.request.header.Authorization');
    assert.equal(authorizer.authorizerResultTtlInSeconds, 300);
  });

  it('returns the method with its integration', async () => {
    const method = await apigw.send(new GetMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET' }));
    assert.equal(method.authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(method.authorizerId, lab.authorizerId);
    assert.equal(method.apiKeyRequired, false);
    assert.equal(method.methodIntegration?.type, 'AWS_PROXY');
    assert.equal(method.methodIntegration?.httpMethod, 'POST');
    assert.equal(method.methodIntegration?.uri, LAMBDA_URI);
    assert.equal(method.methodIntegration?.timeoutInMillis, 29000);
    assert.equal(method.methodIntegration?.passthroughBehavior, 'WHEN_NO_MATCH');
  });

  it('deploys to prod: a stage pointing at the deployment, and an apiSummary of what is deployed', async () => {
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    assert.match(deployment.id!, /^[a-z0-9]{6,10}$/);
    assert.ok(deployment.createdDate instanceof Date);

    const stages = await apigw.send(new GetStagesCommand({ restApiId: lab.apiId }));
    assert.equal(stages.item?.length, 1);
    assert.equal(stages.item![0]!.stageName, 'prod');
    assert.equal(stages.item![0]!.deploymentId, deployment.id);
    assert.ok(stages.item![0]!.createdDate instanceof Date);
    assert.ok(stages.item![0]!.lastUpdatedDate instanceof Date);

    const withSummary = await apigw.send(
      new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: deployment.id!, embed: ['apisummary'] }),
    );
    assert.deepEqual(withSummary.apiSummary, {
      '/hello': { GET: { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: false } },
    });
    const plain = await apigw.send(new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: deployment.id! }));
    assert.equal(plain.apiSummary, undefined);

    const { items } = await apigw.send(new GetDeploymentsCommand({ restApiId: lab.apiId }));
    assert.deepEqual(items?.map((item) => item.id), [deployment.id]);
  });

  it('embeds each method whole, with its integration, in GetResources and GetResource (embed=methods)', async () => {
    const { items } = await apigw.send(new GetResourcesCommand({ restApiId: lab.apiId, embed: ['methods'] }));
    const get = items!.find((item) => item.id === lab.resourceId)!.resourceMethods!['GET']!;
    assert.equal(get.httpMethod, 'GET');
    assert.equal(get.authorizerId, lab.authorizerId);
    assert.equal(get.methodIntegration?.uri, LAMBDA_URI);
    const one = await apigw.send(new GetResourceCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, embed: ['methods'] }));
    assert.equal(one.resourceMethods?.['GET']?.methodIntegration?.type, 'AWS_PROXY');
  });

  it('exports the deployed stage with integration and authorizer extensions (oas30 and swagger)', async () => {
    const oas = await apigw.send(
      new GetExportCommand({
        restApiId: lab.apiId,
        stageName: 'prod',
        exportType: 'oas30',
        parameters: { extensions: 'integrations,authorizers' },
      }),
    );
    assert.equal(oas.contentType, 'application/json');
    const document = JSON.parse(Buffer.from(oas.body!).toString('utf8'));
    assert.equal(document.openapi, '3.0.1');
    assert.equal(document.info.title, 'SecureAPI');
    assert.equal(document.servers[0].variables.basePath.default, 'prod');
    const get = document.paths['/hello'].get;
    assert.deepEqual(get.security, [{ CognitoAuthorizer: [] }]);
    assert.equal(get['x-amazon-apigateway-integration'].type, 'aws_proxy');
    assert.equal(get['x-amazon-apigateway-integration'].uri, LAMBDA_URI);
    const scheme = document.components.securitySchemes.CognitoAuthorizer;
    assert.equal(scheme.name, 'Authorization');
    assert.equal(scheme['x-amazon-apigateway-authtype'], 'cognito_user_pools');
    assert.deepEqual(scheme['x-amazon-apigateway-authorizer'], {
      type: 'cognito_user_pools',
      providerARNs: [POOL_ARN],
      authorizerResultTtlInSeconds: 300,
    });

    const swagger = await apigw.send(new GetExportCommand({ restApiId: lab.apiId, stageName: 'prod', exportType: 'swagger' }));
    const swaggerDocument = JSON.parse(Buffer.from(swagger.body!).toString('utf8'));
    assert.equal(swaggerDocument.swagger, '2.0');
    assert.equal(swaggerDocument.basePath, '/prod');
    assert.equal(swaggerDocument.paths['/hello'].get['x-amazon-apigateway-integration'], undefined);
    assert.equal(swaggerDocument.securityDefinitions.CognitoAuthorizer['x-amazon-apigateway-authorizer'], undefined);
  });
});

describe('deployment snapshots', () => {
  it('keeps serving the old method until a new deployment; apiSummary and the export follow the deployment', async () => {
    const lab = await buildLabApi(apigw, 'SnapshotAPI');
    const first = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));

    await apigw.send(
      new UpdateMethodCommand({
        restApiId: lab.apiId,
        resourceId: lab.resourceId,
        httpMethod: 'GET',
        patchOperations: [{ op: 'replace', path: '/authorizationType', value: 'NONE' }],
      }),
    );
    await apigw.send(
      new UpdateIntegrationCommand({
        restApiId: lab.apiId,
        resourceId: lab.resourceId,
        httpMethod: 'GET',
        patchOperations: [{ op: 'replace', path: '/uri', value: LAMBDA_URI.replace('HelloWorldFunction', 'Other') }],
      }),
    );
    const live = await apigw.send(new GetMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET' }));
    assert.equal(live.authorizationType, 'NONE');
    assert.equal(live.authorizerId, undefined);

    const stage = await apigw.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    assert.equal(stage.deploymentId, first.id);
    const summary = await apigw.send(
      new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: stage.deploymentId!, embed: ['apisummary'] }),
    );
    assert.equal(summary.apiSummary?.['/hello']?.['GET']?.authorizationType, 'COGNITO_USER_POOLS');
    const exported = await apigw.send(
      new GetExportCommand({ restApiId: lab.apiId, stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'integrations' } }),
    );
    const document = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.equal(document.paths['/hello'].get['x-amazon-apigateway-integration'].uri, LAMBDA_URI);

    const second = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    const repointed = await apigw.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    assert.equal(repointed.deploymentId, second.id);
    const newSummary = await apigw.send(
      new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: second.id!, embed: ['apisummary'] }),
    );
    assert.equal(newSummary.apiSummary?.['/hello']?.['GET']?.authorizationType, 'NONE');
  });

  it("exports the authorizers as deployed: an authorizer changed since keeps its deployed header and pools", async () => {
    const lab = await buildLabApi(apigw, 'StaleAuthorizerAPI');
    await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    await apigw.send(
      new UpdateAuthorizerCommand({
        restApiId: lab.apiId,
        authorizerId: lab.authorizerId,
        patchOperations: [
          { op: 'replace', path: '/identitySource', value: 'method.request.header.X-Id-Token' },
          { op: 'replace', path: '/providerARNs/0', value: POOL_ARN.replace(/userpool\/.*/, 'userpool/us-east-1_Other') },
        ],
      }),
    );
    const exportScheme = async () => {
      const exported = await apigw.send(
        new GetExportCommand({ restApiId: lab.apiId, stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'authorizers' } }),
      );
      return JSON.parse(Buffer.from(exported.body!).toString('utf8')).components.securitySchemes.CognitoAuthorizer;
    };
    const deployed = await exportScheme();
    assert.equal(deployed.name, 'Authorization');
    assert.deepEqual(deployed['x-amazon-apigateway-authorizer'].providerARNs, [POOL_ARN]);

    await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    const redeployed = await exportScheme();
    assert.equal(redeployed.name, 'X-Id-Token');
    assert.match(redeployed['x-amazon-apigateway-authorizer'].providerARNs[0], /us-east-1_Other$/);
  });

  it('leaves a resource added after the deployment out of apiSummary', async () => {
    const lab = await buildLabApi(apigw, 'LateResourceAPI');
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
    const late = await apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: 'late' }));
    await apigw.send(new PutMethodCommand({ restApiId: lab.apiId, resourceId: late.id!, httpMethod: 'GET', authorizationType: 'NONE' }));
    const summary = await apigw.send(
      new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: deployment.id!, embed: ['apisummary'] }),
    );
    assert.deepEqual(Object.keys(summary.apiSummary ?? {}), ['/hello']);
  });
});

describe('errors as AWS returns them', () => {
  let lab: LabApi;
  before(async () => {
    lab = await buildLabApi(apigw, 'ErrorsAPI');
  });

  it('NotFoundException for identifiers an object inherits (constructor, toString)', async () => {
    await rejectsWith(apigw.send(new GetRestApiCommand({ restApiId: 'constructor' })), 'NotFoundException', 404, `Invalid API identifier specified ${ACCOUNT}:constructor`);
    await rejectsWith(apigw.send(new GetResourceCommand({ restApiId: lab.apiId, resourceId: 'toString' })), 'NotFoundException', 404, 'Invalid Resource identifier specified');
    await rejectsWith(apigw.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'constructor' })), 'NotFoundException', 404, 'Invalid Stage identifier specified');
  });

  it('NotFoundException for unknown identifiers', async () => {
    await rejectsWith(
      apigw.send(new GetRestApiCommand({ restApiId: 'nosuchapi1' })),
      'NotFoundException',
      404,
      `Invalid API identifier specified ${ACCOUNT}:nosuchapi1`,
    );
    await rejectsWith(
      apigw.send(new GetResourcesCommand({ restApiId: 'nosuchapi1' })),
      'NotFoundException',
      404,
      `Invalid API identifier specified ${ACCOUNT}:nosuchapi1`,
    );
    await rejectsWith(
      apigw.send(new GetResourceCommand({ restApiId: lab.apiId, resourceId: 'nores1' })),
      'NotFoundException',
      404,
      'Invalid Resource identifier specified',
    );
    await rejectsWith(
      apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: 'nores1', pathPart: 'x' })),
      'NotFoundException',
      404,
      'Invalid Resource identifier specified',
    );
    await rejectsWith(
      apigw.send(new GetMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST' })),
      'NotFoundException',
      404,
      'Invalid Method identifier specified',
    );
    await rejectsWith(
      apigw.send(new GetIntegrationCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST' })),
      'NotFoundException',
      404,
      'Invalid Method identifier specified',
    );
    await rejectsWith(
      apigw.send(new GetAuthorizerCommand({ restApiId: lab.apiId, authorizerId: 'noauth' })),
      'NotFoundException',
      404,
      'Invalid Authorizer identifier specified',
    );
    await rejectsWith(
      apigw.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'nostage' })),
      'NotFoundException',
      404,
      'Invalid Stage identifier specified',
    );
    await rejectsWith(
      apigw.send(new GetDeploymentCommand({ restApiId: lab.apiId, deploymentId: 'nodep1' })),
      'NotFoundException',
      404,
      'Invalid Deployment identifier specified',
    );
    await rejectsWith(
      apigw.send(new CreateStageCommand({ restApiId: lab.apiId, stageName: 'dev', deploymentId: 'nodep1' })),
      'NotFoundException',
      404,
      'Invalid Deployment identifier specified',
    );
  });

  it('NotFoundException for a method without integration', async () => {
    const post = await apigw.send(
      new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST', authorizationType: 'NONE' }),
    );
    assert.equal(post.httpMethod, 'POST');
    await rejectsWith(
      apigw.send(new GetIntegrationCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST' })),
      'NotFoundException',
      404,
      'Invalid Integration identifier specified',
    );
    await apigw.send(new DeleteMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'POST' }));
  });

  it('ConflictException for a duplicate resource and a duplicate method', async () => {
    await rejectsWith(
      apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: 'hello' })),
      'ConflictException',
      409,
      'Another resource with the same parent already has this name: hello',
    );
    await rejectsWith(
      apigw.send(new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET', authorizationType: 'NONE' })),
      'ConflictException',
      409,
      'Method already exists for this resource',
    );
  });

  it('BadRequestException for an invalid path part, a greedy parent and two variable siblings', async () => {
    await rejectsWith(
      apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: 'he llo' })),
      'BadRequestException',
      400,
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: '{proxy+}' }));
    assert.equal(proxy.path, '/{proxy+}');
    await rejectsWith(
      apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: proxy.id!, pathPart: 'child' })),
      'BadRequestException',
      400,
      'Cannot create a child of a resource with a greedy path variable: {proxy+}',
    );
    await rejectsWith(
      apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: '{id}' })),
      'BadRequestException',
      400,
      'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
    );
    await apigw.send(new DeleteResourceCommand({ restApiId: lab.apiId, resourceId: proxy.id! }));
  });

  it('BadRequestException for COGNITO_USER_POOLS or CUSTOM without a valid authorizer', async () => {
    const message =
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';
    for (const [authorizationType, authorizerId] of [
      ['COGNITO_USER_POOLS', undefined],
      ['COGNITO_USER_POOLS', 'noauth'],
      ['CUSTOM', lab.authorizerId],
    ] as const) {
      await rejectsWith(
        apigw.send(
          new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'GET', authorizationType, authorizerId }),
        ),
        'BadRequestException',
        400,
        message,
      );
    }
    await rejectsWith(
      apigw.send(
        new UpdateMethodCommand({
          restApiId: lab.apiId,
          resourceId: lab.resourceId,
          httpMethod: 'GET',
          patchOperations: [{ op: 'replace', path: '/authorizerId', value: 'noauth' }],
        }),
      ),
      'BadRequestException',
      400,
      message,
    );
    await rejectsWith(
      apigw.send(new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'FETCH', authorizationType: 'NONE' })),
      'BadRequestException',
      400,
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    );
  });

  it('BadRequestException for malformed integrations', async () => {
    await apigw.send(new PutMethodCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'GET', authorizationType: 'NONE' }));
    const put = (input: Pick<PutIntegrationCommandInput, 'type' | 'integrationHttpMethod' | 'uri'>) =>
      apigw.send(new PutIntegrationCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'GET', ...input }));
    await rejectsWith(put({ type: 'AWS_PROXY', uri: LAMBDA_URI }), 'BadRequestException', 400, 'Enumeration value for HttpMethod must be non-empty');
    await rejectsWith(put({ type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: FUNCTION_ARN }), 'BadRequestException', 400, 'Invalid ARN specified in the request');
    await rejectsWith(
      // The lab's command with an empty $LAMBDA_ARN.
      put({ type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions//invocations` }),
      'BadRequestException',
      400,
      'Invalid ARN specified in the request',
    );
    await rejectsWith(
      put({ type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: `arn:aws:apigateway:${REGION}:s3:path/bucket/key` }),
      'BadRequestException',
      400,
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
    await rejectsWith(put({ type: 'HTTP', integrationHttpMethod: 'GET', uri: 'not a url' }), 'BadRequestException', 400, 'Invalid HTTP endpoint specified for URI');
    const mock = await put({ type: 'MOCK' });
    assert.equal(mock.type, 'MOCK');
    await apigw.send(new DeleteIntegrationCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'GET' }));
    await rejectsWith(
      apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId })),
      'BadRequestException',
      400,
      'No integration defined for method',
    );
    await apigw.send(new DeleteMethodCommand({ restApiId: lab.apiId, resourceId: lab.rootId, httpMethod: 'GET' }));
  });

  it("BadRequestException when deploying an API without methods", async () => {
    const empty = await apigw.send(new CreateRestApiCommand({ name: 'Empty' }));
    await rejectsWith(
      apigw.send(new CreateDeploymentCommand({ restApiId: empty.id!, stageName: 'prod' })),
      'BadRequestException',
      400,
      "The REST API doesn't contain any methods",
    );
    const stages = await apigw.send(new GetStagesCommand({ restApiId: empty.id! }));
    assert.deepEqual(stages.item, []);
  });

  it('BadRequestException for authorizers missing what their type needs', async () => {
    await rejectsWith(
      apigw.send(new CreateAuthorizerCommand({ restApiId: lab.apiId, name: 'NoPools', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization' })),
      'BadRequestException',
      400,
      /ProviderARNs/,
    );
    await rejectsWith(
      apigw.send(new CreateAuthorizerCommand({ restApiId: lab.apiId, name: 'NoSource', type: 'COGNITO_USER_POOLS', providerARNs: [POOL_ARN] })),
      'BadRequestException',
      400,
      /Identity source/,
    );
    await rejectsWith(
      apigw.send(new CreateAuthorizerCommand({ restApiId: lab.apiId, name: 'NoUri', type: 'TOKEN', identitySource: 'method.request.header.Authorization' })),
      'BadRequestException',
      400,
      /Authorizer URI/,
    );
    await rejectsWith(
      apigw.send(new CreateAuthorizerCommand({ restApiId: lab.apiId, name: 'NoType' } as never)),
      'BadRequestException',
      400,
      "1 validation error detected: Value null at 'createAuthorizerInput.type' failed to satisfy constraint: Member must not be null",
    );
  });

  it('BadRequestException for a second authorizer of a name, created or renamed to it; free once renamed away', async () => {
    const own = await buildLabApi(apigw, 'AuthorizerNames');
    const cognito = { type: 'COGNITO_USER_POOLS' as const, providerARNs: [POOL_ARN], identitySource: 'method.request.header.Authorization' };
    const unique = 'Authorizer name must be unique. Authorizer CognitoAuthorizer already exists in this RestApi.';
    await rejectsWith(apigw.send(new CreateAuthorizerCommand({ restApiId: own.apiId, name: 'CognitoAuthorizer', ...cognito })), 'BadRequestException', 400, unique);
    const other = await apigw.send(new CreateAuthorizerCommand({ restApiId: own.apiId, name: 'Other', ...cognito }));
    const rename = (authorizerId: string, value: string) =>
      apigw.send(new UpdateAuthorizerCommand({ restApiId: own.apiId, authorizerId, patchOperations: [{ op: 'replace', path: '/name', value }] }));
    await rejectsWith(rename(other.id!, 'CognitoAuthorizer'), 'BadRequestException', 400, unique);
    await rename(own.authorizerId, 'CognitoAuthorizer-old');
    const again = await apigw.send(new CreateAuthorizerCommand({ restApiId: own.apiId, name: 'CognitoAuthorizer', ...cognito }));
    assert.equal(again.name, 'CognitoAuthorizer');
  });

  it('ConflictException deleting an authorizer a method uses; allowed once the method no longer does', async () => {
    const own = await buildLabApi(apigw, 'AuthorizerInUse');
    await rejectsWith(
      apigw.send(new DeleteAuthorizerCommand({ restApiId: own.apiId, authorizerId: own.authorizerId })),
      'ConflictException',
      409,
      "Cannot delete authorizer 'CognitoAuthorizer', is referenced in method: GET//hello",
    );
    await apigw.send(new DeleteMethodCommand({ restApiId: own.apiId, resourceId: own.resourceId, httpMethod: 'GET' }));
    await apigw.send(new DeleteAuthorizerCommand({ restApiId: own.apiId, authorizerId: own.authorizerId }));
    const { items } = await apigw.send(new GetAuthorizersCommand({ restApiId: own.apiId }));
    assert.deepEqual(items, []);
  });

  it('BadRequestException deleting a deployment a stage points at; ConflictException for a duplicate stage', async () => {
    const own = await buildLabApi(apigw, 'DeploymentInUse');
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: own.apiId, stageName: 'prod' }));
    await rejectsWith(
      apigw.send(new DeleteDeploymentCommand({ restApiId: own.apiId, deploymentId: deployment.id! })),
      'BadRequestException',
      400,
      'Active stages pointing to this deployment must be moved or deleted',
    );
    await rejectsWith(
      apigw.send(new CreateStageCommand({ restApiId: own.apiId, stageName: 'prod', deploymentId: deployment.id! })),
      'ConflictException',
      409,
      'Stage already exists',
    );
    await apigw.send(new DeleteStageCommand({ restApiId: own.apiId, stageName: 'prod' }));
    await apigw.send(new DeleteDeploymentCommand({ restApiId: own.apiId, deploymentId: deployment.id! }));
    const { items } = await apigw.send(new GetDeploymentsCommand({ restApiId: own.apiId }));
    assert.deepEqual(items, []);
  });
});

describe('patch operations', () => {
  let lab: LabApi;
  before(async () => {
    lab = await buildLabApi(apigw, 'PatchAPI');
  });

  const patch = (...operations: PatchOperation[]) => operations;

  it('UpdateRestApi replaces name and description, adds and removes binary media types', async () => {
    const updated = await apigw.send(
      new UpdateRestApiCommand({
        restApiId: lab.apiId,
        patchOperations: patch(
          { op: 'replace', path: '/name', value: 'Renamed' },
          { op: 'replace', path: '/description', value: 'about' },
          { op: 'add', path: '/binaryMediaTypes/image~1png', value: '' },
        ),
      }),
    );
    assert.equal(updated.name, 'Renamed');
    assert.equal(updated.description, 'about');
    assert.deepEqual(updated.binaryMediaTypes, ['image/png']);
    const removed = await apigw.send(
      new UpdateRestApiCommand({ restApiId: lab.apiId, patchOperations: patch({ op: 'remove', path: '/binaryMediaTypes/image~1png' }) }),
    );
    assert.equal(removed.binaryMediaTypes, undefined);
    await rejectsWith(
      apigw.send(new UpdateRestApiCommand({ restApiId: lab.apiId, patchOperations: patch({ op: 'replace', path: '/id', value: 'x' }) })),
      'BadRequestException',
      400,
      /^Invalid patch path {2}'\/id' specified for op 'replace'\. Must be one of: \[/,
    );
  });

  it('UpdateMethod replaces the authorization, scopes and apiKeyRequired; a failing patch changes nothing', async () => {
    const key = { restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET' };
    const updated = await apigw.send(
      new UpdateMethodCommand({
        ...key,
        patchOperations: patch(
          { op: 'replace', path: '/apiKeyRequired', value: 'true' },
          { op: 'add', path: '/authorizationScopes', value: 'email' },
          { op: 'add', path: '/authorizationScopes', value: 'openid' },
        ),
      }),
    );
    assert.equal(updated.apiKeyRequired, true);
    assert.deepEqual(updated.authorizationScopes, ['email', 'openid']);
    await rejectsWith(
      apigw.send(
        new UpdateMethodCommand({
          ...key,
          patchOperations: patch(
            { op: 'replace', path: '/apiKeyRequired', value: 'false' },
            { op: 'replace', path: '/authorizerId', value: 'noauth' },
          ),
        }),
      ),
      'BadRequestException',
      400,
      /^Invalid authorizer ID specified/,
    );
    const unchanged = await apigw.send(new GetMethodCommand(key));
    assert.equal(unchanged.apiKeyRequired, true);
    assert.equal(unchanged.authorizerId, lab.authorizerId);

    const open = await apigw.send(
      new UpdateMethodCommand({ ...key, patchOperations: patch({ op: 'replace', path: '/authorizationType', value: 'NONE' }) }),
    );
    assert.equal(open.authorizationType, 'NONE');
    assert.equal(open.authorizerId, undefined);
    const secured = await apigw.send(
      new UpdateMethodCommand({
        ...key,
        patchOperations: patch(
          { op: 'replace', path: '/authorizationType', value: 'COGNITO_USER_POOLS' },
          { op: 'replace', path: '/authorizerId', value: lab.authorizerId },
          { op: 'remove', path: '/authorizationScopes', value: 'email' },
        ),
      }),
    );
    assert.equal(secured.authorizerId, lab.authorizerId);
    assert.deepEqual(secured.authorizationScopes, ['openid']);
  });

  it('UpdateAuthorizer replaces, adds and removes provider ARNs (by path or by value) and the TTL', async () => {
    const otherPool = POOL_ARN.replace('AbCdEf123', 'Other456');
    const key = { restApiId: lab.apiId, authorizerId: lab.authorizerId };
    const replaced = await apigw.send(
      new UpdateAuthorizerCommand({
        ...key,
        patchOperations: patch(
          { op: 'replace', path: '/providerARNs/0', value: otherPool },
          { op: 'replace', path: '/authorizerResultTtlInSeconds', value: '60' },
          { op: 'replace', path: '/identityValidationExpression', value: '^x$' },
        ),
      }),
    );
    assert.deepEqual(replaced.providerARNs, [otherPool]);
    assert.equal(replaced.authorizerResultTtlInSeconds, 60);
    assert.equal(replaced.identityValidationExpression, '^x$');
    const added = await apigw.send(
      new UpdateAuthorizerCommand({ ...key, patchOperations: patch({ op: 'add', path: '/providerARNs', value: POOL_ARN }) }),
    );
    assert.deepEqual(added.providerARNs, [otherPool, POOL_ARN]);
    const removed = await apigw.send(
      new UpdateAuthorizerCommand({ ...key, patchOperations: patch({ op: 'remove', path: `/providerARNs/${otherPool}` }) }),
    );
    assert.deepEqual(removed.providerARNs, [POOL_ARN]);
    const swapped = await apigw.send(
      new UpdateAuthorizerCommand({
        ...key,
        patchOperations: patch({ op: 'add', path: '/providerARNs', value: otherPool }, { op: 'remove', path: '/providerARNs', value: POOL_ARN }),
      }),
    );
    assert.deepEqual(swapped.providerARNs, [otherPool]);
    await rejectsWith(
      apigw.send(new UpdateAuthorizerCommand({ ...key, patchOperations: patch({ op: 'remove', path: '/providerARNs', value: POOL_ARN }) })),
      'BadRequestException',
      400,
      /no such provider ARN/,
    );
    await rejectsWith(
      apigw.send(new UpdateAuthorizerCommand({ ...key, patchOperations: patch({ op: 'remove', path: '/providerARNs/0' }) })),
      'BadRequestException',
      400,
      /ProviderARNs/,
    );
    await rejectsWith(
      apigw.send(
        new UpdateAuthorizerCommand({ ...key, patchOperations: patch({ op: 'replace', path: '/authorizerResultTtlInSeconds', value: '3601' }) }),
      ),
      'BadRequestException',
      400,
      /TTL/,
    );
  });

  it('UpdateIntegration validates the new URI', async () => {
    const key = { restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET' };
    await rejectsWith(
      apigw.send(new UpdateIntegrationCommand({ ...key, patchOperations: patch({ op: 'replace', path: '/uri', value: 'garbage' }) })),
      'BadRequestException',
      400,
      'Invalid ARN specified in the request',
    );
    const updated = await apigw.send(
      new UpdateIntegrationCommand({ ...key, patchOperations: patch({ op: 'replace', path: '/timeoutInMillis', value: '10000' }) }),
    );
    assert.equal(updated.timeoutInMillis, 10000);
    assert.equal(updated.uri, LAMBDA_URI);
  });

  it('UpdateResource renames and moves a resource with its subtree; DeleteResource deletes children', async () => {
    const a = await apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: lab.rootId, pathPart: 'a' }));
    const b = await apigw.send(new CreateResourceCommand({ restApiId: lab.apiId, parentId: a.id!, pathPart: 'b' }));
    const renamed = await apigw.send(
      new UpdateResourceCommand({ restApiId: lab.apiId, resourceId: a.id!, patchOperations: patch({ op: 'replace', path: '/pathPart', value: 'aa' }) }),
    );
    assert.equal(renamed.path, '/aa');
    const moved = await apigw.send(
      new UpdateResourceCommand({ restApiId: lab.apiId, resourceId: a.id!, patchOperations: patch({ op: 'replace', path: '/parentId', value: lab.resourceId }) }),
    );
    assert.equal(moved.path, '/hello/aa');
    assert.equal((await apigw.send(new GetResourceCommand({ restApiId: lab.apiId, resourceId: b.id! }))).path, '/hello/aa/b');
    await rejectsWith(
      apigw.send(
        new UpdateResourceCommand({ restApiId: lab.apiId, resourceId: a.id!, patchOperations: patch({ op: 'replace', path: '/parentId', value: b.id! }) }),
      ),
      'BadRequestException',
      400,
      'Resources cannot be cyclical.',
    );
    await apigw.send(new DeleteResourceCommand({ restApiId: lab.apiId, resourceId: a.id! }));
    await rejectsWith(
      apigw.send(new GetResourceCommand({ restApiId: lab.apiId, resourceId: b.id! })),
      'NotFoundException',
      404,
      'Invalid Resource identifier specified',
    );
  });

  it('UpdateStage repoints the stage and sets variables', async () => {
    const first = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'beta' }));
    const second = await apigw.send(new CreateDeploymentCommand({ restApiId: lab.apiId, description: 'second' }));
    assert.equal((await apigw.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'beta' }))).deploymentId, first.id);
    const updated = await apigw.send(
      new UpdateStageCommand({
        restApiId: lab.apiId,
        stageName: 'beta',
        patchOperations: patch(
          { op: 'replace', path: '/deploymentId', value: second.id! },
          { op: 'replace', path: '/variables/lambdaAlias', value: 'live' },
        ),
      }),
    );
    assert.equal(updated.deploymentId, second.id);
    assert.deepEqual(updated.variables, { lambdaAlias: 'live' });
    await rejectsWith(
      apigw.send(
        new UpdateStageCommand({ restApiId: lab.apiId, stageName: 'beta', patchOperations: patch({ op: 'replace', path: '/deploymentId', value: 'nodep1' }) }),
      ),
      'NotFoundException',
      404,
      'Invalid Deployment identifier specified',
    );
    const filtered = await apigw.send(new GetStagesCommand({ restApiId: lab.apiId, deploymentId: first.id! }));
    assert.deepEqual(filtered.item, []);
  });
});

describe('method and integration responses', () => {
  it('puts and gets them', async () => {
    const lab = await buildLabApi(apigw, 'ResponsesAPI');
    const key = { restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET', statusCode: '200' };
    const put = await apigw.send(new PutMethodResponseCommand({ ...key, responseModels: { 'application/json': 'Empty' } }));
    assert.equal(put.statusCode, '200');
    const got = await apigw.send(new GetMethodResponseCommand(key));
    assert.deepEqual(got.responseModels, { 'application/json': 'Empty' });
    await apigw.send(new PutIntegrationResponseCommand({ ...key, selectionPattern: '' }));
    const method = await apigw.send(new GetMethodCommand(key));
    assert.deepEqual(Object.keys(method.methodResponses ?? {}), ['200']);
    assert.equal(method.methodIntegration?.integrationResponses?.['200']?.statusCode, '200');
    await rejectsWith(
      apigw.send(new GetMethodResponseCommand({ ...key, statusCode: '404' })),
      'NotFoundException',
      404,
      'Invalid Response status code specified',
    );
  });
});

describe('pagination', () => {
  it('pages REST APIs and resources with position and limit', async () => {
    const client = clientFor('333333333333');
    try {
      for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) await client.send(new CreateRestApiCommand({ name }));
      const names: string[] = [];
      let position: string | undefined;
      let pages = 0;
      do {
        const page = await client.send(new GetRestApisCommand({ limit: 2, position }));
        assert.ok((page.items?.length ?? 0) <= 2);
        names.push(...(page.items ?? []).map((item) => item.name!));
        position = page.position;
        pages += 1;
      } while (position);
      assert.equal(pages, 3);
      assert.deepEqual(names, ['p1', 'p2', 'p3', 'p4', 'p5']);

      const api = (await client.send(new GetRestApisCommand({ limit: 1 }))).items![0]!;
      for (const pathPart of ['x', 'y']) {
        await client.send(new CreateResourceCommand({ restApiId: api.id!, parentId: api.rootResourceId!, pathPart }));
      }
      const first = await client.send(new GetResourcesCommand({ restApiId: api.id!, limit: 2 }));
      const second = await client.send(new GetResourcesCommand({ restApiId: api.id!, limit: 2, position: first.position! }));
      assert.deepEqual([...first.items!, ...second.items!].map((item) => item.path), ['/', '/x', '/y']);
      assert.equal(second.position, undefined);
      await rejectsWith(client.send(new GetRestApisCommand({ limit: 501 })), 'BadRequestException', 400, /limit/);
    } finally {
      client.destroy();
    }
  });
});

describe('accounts', () => {
  it('keeps the REST APIs of two accounts apart', async () => {
    const other = clientFor(OTHER_ACCOUNT);
    try {
      const mine = await apigw.send(new CreateRestApiCommand({ name: 'Mine' }));
      const theirs = await other.send(new CreateRestApiCommand({ name: 'Theirs' }));
      const theirList = await other.send(new GetRestApisCommand({}));
      assert.deepEqual(theirList.items?.map((item) => item.name), ['Theirs']);
      await rejectsWith(
        other.send(new GetRestApiCommand({ restApiId: mine.id! })),
        'NotFoundException',
        404,
        `Invalid API identifier specified ${OTHER_ACCOUNT}:${mine.id}`,
      );
      await other.send(new DeleteRestApiCommand({ restApiId: theirs.id! }));
      assert.deepEqual((await other.send(new GetRestApisCommand({}))).items, []);
      assert.equal((await apigw.send(new GetRestApiCommand({ restApiId: mine.id! }))).name, 'Mine');
    } finally {
      other.destroy();
    }
  });
});

/** Calls the service's handlers directly, for what HTTP does not expose: deployedStage and persistence. */
function directCaller(service: RestJsonService, accountId = ACCOUNT) {
  const ctx: RequestContext = {
    accountId,
    region: REGION,
    accessKeyId: accountId,
    requestId: 'test',
    now: new Date(),
    baseUrl: 'http://127.0.0.1',
  };
  return async (method: string, path: string, body?: unknown) => {
    const [pathname, search] = path.split('?');
    const match = matchRoute(service.routes, method, pathname!);
    assert.ok(match, `no route for ${method} ${path}`);
    const output = await match.route.handler(
      { params: match.params, query: new URLSearchParams(search), body, rawBody: Buffer.alloc(0), headers: {} },
      ctx,
    );
    return output.body as Record<string, any>;
  };
}

describe('deployedStage (for the data plane)', () => {
  it('returns the frozen snapshot of the deployment the stage points at', async () => {
    const service = createApiGatewayService();
    const call = directCaller(service);
    const api = await call('POST', '/restapis', { name: 'Direct' });
    const hello = await call('POST', `/restapis/${api['id']}/resources/${api['rootResourceId']}`, { pathPart: 'hello' });
    const authorizer = await call('POST', `/restapis/${api['id']}/authorizers`, {
      name: 'CognitoAuthorizer',
      type: 'COGNITO_USER_POOLS',
      providerARNs: [POOL_ARN],
      identitySource: 'method.request.header.Authorization',
    });
    const methodPath = `/restapis/${api['id']}/resources/${hello['id']}/methods/GET`;
    await call('PUT', methodPath, { authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer['id'] });
    // On the wire, integrationHttpMethod is `httpMethod`.
    await call('PUT', `${methodPath}/integration`, { type: 'AWS_PROXY', httpMethod: 'POST', uri: LAMBDA_URI });
    const scope = { accountId: ACCOUNT, region: REGION };
    assert.equal(service.deployedStage(scope, api['id'], 'prod'), undefined);
    const deployment = await call('POST', `/restapis/${api['id']}/deployments`, { stageName: 'prod' });

    await call('PATCH', methodPath, { patchOperations: [{ op: 'replace', path: '/authorizationType', value: 'NONE' }] });
    await call('PATCH', `/restapis/${api['id']}/authorizers/${authorizer['id']}`, {
      patchOperations: [{ op: 'replace', path: '/providerARNs/0', value: 'arn:aws:cognito-idp:us-east-1:111111111111:userpool/x' }],
    });

    const deployed = service.deployedStage(scope, api['id'], 'prod')!;
    assert.equal(deployed.deploymentId, deployment['id']);
    assert.deepEqual(deployed.variables, {});
    const deployedHello = deployed.resources.find((resource) => resource.path === '/hello')!;
    const get = deployedHello.resourceMethods['GET']!;
    assert.equal(get.authorizationType, 'COGNITO_USER_POOLS');
    assert.equal(get.methodIntegration?.uri, LAMBDA_URI);
    assert.deepEqual(deployed.authorizers[get.authorizerId!]?.providerARNs, [POOL_ARN]);

    deployedHello.resourceMethods['GET']!.authorizationType = 'MUTATED';
    assert.equal(
      service.deployedStage(scope, api['id'], 'prod')!.resources.find((r) => r.path === '/hello')!.resourceMethods['GET']!
        .authorizationType,
      'COGNITO_USER_POOLS',
    );
    assert.equal(service.deployedStage({ accountId: OTHER_ACCOUNT, region: REGION }, api['id'], 'prod'), undefined);
  });
});

describe('persistence', () => {
  it('round-trips the state through JSON', async () => {
    const service = createApiGatewayService();
    const call = directCaller(service);
    const api = await call('POST', '/restapis', { name: 'Persisted' });
    await call('POST', `/restapis/${api['id']}/resources/${api['rootResourceId']}`, { pathPart: 'hello' });

    const restored = createApiGatewayService();
    restored.importState(JSON.parse(JSON.stringify(service.exportState())));
    const restoredCall = directCaller(restored);
    const resources = await restoredCall('GET', `/restapis/${api['id']}/resources`);
    assert.deepEqual(resources['item'].map((item: { path: string }) => item.path), ['/', '/hello']);
    assert.equal((await restoredCall('GET', `/restapis/${api['id']}`))['name'], 'Persisted');
    assert.deepEqual(await directCaller(restored, OTHER_ACCOUNT)('GET', '/restapis'), { item: [] });
    assert.throws(() => restored.importState({ version: 99 }), /not a version 1 state document/);
  });

  it('survives a sandbox restart with a state directory', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'apigateway-state-'));
    const running: Awaited<ReturnType<typeof startSandbox>>[] = [];
    const clients: APIGatewayClient[] = [];
    try {
      const first = await startSandbox({ port: 0, stateDir });
      running.push(first);
      const firstClient = new APIGatewayClient({ endpoint: first.url, region: REGION, credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' } });
      clients.push(firstClient);
      const lab = await buildLabApi(firstClient, 'Restarted');
      const deployment = await firstClient.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
      await first.stop();

      const second = await startSandbox({ port: 0, stateDir });
      running.push(second);
      const secondClient = new APIGatewayClient({ endpoint: second.url, region: REGION, credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' } });
      clients.push(secondClient);
      const stage = await secondClient.send(new GetStageCommand({ restApiId: lab.apiId, stageName: 'prod' }));
      assert.equal(stage.deploymentId, deployment.id);
      const method = await secondClient.send(new GetMethodCommand({ restApiId: lab.apiId, resourceId: lab.resourceId, httpMethod: 'GET' }));
      assert.equal(method.authorizerId, lab.authorizerId);
    } finally {
      for (const client of clients) client.destroy();
      for (const sandbox of running) await sandbox.stop();
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it('answers with the legacy REST API message when configured to', async () => {
    const call = directCaller(createApiGatewayService({ restApiNotFoundMessage: 'legacy' }));
    await assert.rejects(call('GET', '/restapis/nosuchapi1'), { code: 'NotFoundException', message: 'Invalid REST API identifier specified' });
  });
});
