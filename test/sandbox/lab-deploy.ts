// The lab deployed with the SDK v3 clients against a sandbox (LAB.md Activities 3 to 10), and an HTTP helper
// for its data plane. Shared by the data-plane tests and the benchmark.

import { request } from 'undici';
import { strToU8, zipSync } from 'fflate';
import {
  APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { stageUrl } from '../../src/aws/execute-api.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { LAB_HANDLER_SOURCE } from '../../reference-solution/lambda/handler-source.js';
import { ACCOUNT_A, clientConfig, lambdaTrustPolicy } from './helpers.js';

/** LAB.md Activity 6's handler, verbatim. */

export const LAB_RESPONSE = { message: 'Hello from secured API!', user: 'testuser' };

export const pythonZip = (source: string): Uint8Array => zipSync({ 'lambda_function.py': strToU8(source) });

export interface LabClients {
  apigateway: APIGatewayClient;
  cognito: CognitoIdentityProviderClient;
  lambda: LambdaClient;
  iam: IAMClient;
}

export interface DeployedLab {
  clients: LabClients;
  apiId: string;
  rootId: string;
  resourceId: string;
  authorizerId: string;
  poolId: string;
  clientId: string;
  functionArn: string;
  roleArn: string;
  /** `<sandbox>/_aws/execute-api/<apiId>/prod`: append `/hello`. */
  stageUrl: string;
  signIn(): Promise<{ IdToken: string; AccessToken: string }>;
}

export function labClients(sandbox: RunningSandbox): LabClients {
  const config = clientConfig(sandbox, ACCOUNT_A);
  return {
    apigateway: new APIGatewayClient(config),
    cognito: new CognitoIdentityProviderClient(config),
    lambda: new LambdaClient(config),
    iam: new IAMClient(config),
  };
}

/** Creates a function with `source` as lambda_function.py (the lab's handler by default). */
export async function createPythonFunction(clients: LabClients, name: string, roleArn: string, source = LAB_HANDLER_SOURCE, timeout?: number): Promise<string> {
  const created = await clients.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'python3.9',
      Role: roleArn,
      Handler: 'lambda_function.lambda_handler',
      Code: { ZipFile: pythonZip(source) },
      Timeout: timeout,
    }),
  );
  return created.FunctionArn as string;
}

export function lambdaUri(functionArn: string): string {
  return `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

export async function deployLab(sandbox: RunningSandbox): Promise<DeployedLab> {
  const clients = labClients(sandbox);
  const { apigateway, cognito, iam } = clients;
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
  const poolId = pool.UserPool?.Id as string;
  const client = await cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'APIClient', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] }),
  );
  const clientId = client.UserPoolClient?.ClientId as string;
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: 'MySecurePass123!', Permanent: true }));

  const role = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  const roleArn = role.Role?.Arn as string;
  const functionArn = await createPythonFunction(clients, 'HelloWorldFunction', roleArn);

  const api = await apigateway.send(new CreateRestApiCommand({ name: 'SecureAPI' }));
  const apiId = api.id as string;
  const resources = await apigateway.send(new GetResourcesCommand({ restApiId: apiId }));
  const rootId = resources.items?.[0]?.id as string;
  const resource = await apigateway.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'hello' }));
  const resourceId = resource.id as string;
  const authorizer = await apigateway.send(
    new CreateAuthorizerCommand({
      restApiId: apiId,
      name: 'CognitoAuthorizer',
      type: 'COGNITO_USER_POOLS',
      providerARNs: [`arn:aws:cognito-idp:us-east-1:${ACCOUNT_A}:userpool/${poolId}`],
      identitySource: 'method.request.header.Authorization',
    }),
  );
  const authorizerId = authorizer.id as string;
  await apigateway.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS', authorizerId }));
  await apigateway.send(
    new PutIntegrationCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: lambdaUri(functionArn) }),
  );
  const lab: DeployedLab = {
    clients, apiId, rootId, resourceId, authorizerId, poolId, clientId, functionArn, roleArn,
    stageUrl: stageUrl({ apiId, stage: 'prod', region: 'us-east-1', endpoint: sandbox.url }),
    signIn: () => signIn(cognito, clientId),
  };
  await permitApi(lab, 'HelloWorldFunction');
  await redeploy(lab);
  return lab;
}

/** USER_PASSWORD_AUTH as testuser (LAB.md Activity 10). */
export async function signIn(cognito: CognitoIdentityProviderClient, clientId: string, username = 'testuser', password = 'MySecurePass123!') {
  const auth = await cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
  return { IdToken: auth.AuthenticationResult?.IdToken as string, AccessToken: auth.AuthenticationResult?.AccessToken as string };
}

export interface RouteSpec {
  pathPart: string;
  parentId?: string;
  httpMethod?: string;
  functionArn: string;
  authorizationType?: 'NONE' | 'COGNITO_USER_POOLS';
  authorizerId?: string;
  authorizationScopes?: string[];
  timeoutInMillis?: number;
}

/** A resource under the root (or `parentId`) with one method and its AWS_PROXY integration; returns its id. */
export async function addLambdaRoute(lab: DeployedLab, route: RouteSpec): Promise<string> {
  const { apigateway } = lab.clients;
  const restApiId = lab.apiId;
  const resource = await apigateway.send(new CreateResourceCommand({ restApiId, parentId: route.parentId ?? lab.rootId, pathPart: route.pathPart }));
  const resourceId = resource.id as string;
  const httpMethod = route.httpMethod ?? 'GET';
  await apigateway.send(
    new PutMethodCommand({
      restApiId,
      resourceId,
      httpMethod,
      authorizationType: route.authorizationType ?? 'NONE',
      authorizerId: route.authorizerId,
      authorizationScopes: route.authorizationScopes,
    }),
  );
  await apigateway.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: lambdaUri(route.functionArn),
      timeoutInMillis: route.timeoutInMillis,
    }),
  );
  return resourceId;
}

/** lambda add-permission for API Gateway, SourceArn `<apiId>/*\/*` of `apiId` (the lab's API by default). */
export async function permitApi(lab: DeployedLab, functionName: string, apiId = lab.apiId): Promise<void> {
  await lab.clients.lambda.send(
    new AddPermissionCommand({
      FunctionName: functionName,
      StatementId: 'apigateway-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:us-east-1:${ACCOUNT_A}:${apiId}/*/*`,
    }),
  );
}

export async function redeploy(lab: DeployedLab): Promise<void> {
  await lab.clients.apigateway.send(new CreateDeploymentCommand({ restApiId: lab.apiId, stageName: 'prod' }));
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/** One request with undici, timeouts set; the body is read whole. */
export async function http(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<HttpAnswer> {
  const response = await request(url, {
    method: (options.method ?? 'GET') as 'GET',
    headers: options.headers,
    body: options.body,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) };
}
