// The sandbox against moto: the same SDK calls on both, comparing the response shapes (key sets and value
// types) of the read operations the grader uses. Every difference is either fixed in the sandbox or listed
// in ALLOWED below with the side AWS agrees with (reference/AWS-FACTS.md); src/sandbox/README.md repeats it.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAMClient, CreateRoleCommand, AttachRolePolicyCommand, GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, AddPermissionCommand, GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  CreateUserPoolClientCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ListUserPoolsCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  DescribeUserPoolClientCommand,
  AdminGetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  APIGatewayClient,
  CreateRestApiCommand,
  GetResourcesCommand,
  CreateResourceCommand,
  CreateAuthorizerCommand,
  PutMethodCommand,
  PutIntegrationCommand,
  CreateDeploymentCommand,
  GetRestApisCommand,
  GetAuthorizersCommand,
  GetStagesCommand,
  GetDeploymentCommand,
} from '@aws-sdk/client-api-gateway';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { ACCOUNT_A, labZip, lambdaTrustPolicy, sandboxOn } from './helpers.js';
import { motoMissing, startMoto, type Moto } from '../support/moto.js';

/** Differences accepted (moto 5.2), each with the side AWS agrees with. Keys: `<Operation> <path> <kind>`.
 * only-sandbox: the sandbox returns the member, moto does not; only-moto: the reverse. */
const SANDBOX_AGREES = 'AWS agrees with the sandbox';
const ALLOWED: Record<string, string> = {
  // cognito-idp (src/sandbox/cognito/)
  'DescribeUserPool UserPool.AdminCreateUserConfig.InviteMessageTemplate only-moto': `${SANDBOX_AGREES}: absent unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.DeletionProtection only-sandbox': `${SANDBOX_AGREES}: "INACTIVE" by default`,
  'DescribeUserPool UserPool.EmailVerificationMessage only-moto': `${SANDBOX_AGREES}: absent unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.EmailVerificationSubject only-moto': `${SANDBOX_AGREES}: absent unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.LambdaConfig only-sandbox': `${SANDBOX_AGREES}: an empty LambdaConfig is returned`,
  'DescribeUserPool UserPool.Policies.SignInPolicy only-sandbox': `${SANDBOX_AGREES}: SignInPolicy.AllowedFirstAuthFactors since the 2024 tiers`,
  'DescribeUserPool UserPool.SmsVerificationMessage only-moto': `${SANDBOX_AGREES}: absent unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.UserAttributeUpdateSettings only-sandbox': `${SANDBOX_AGREES}: returned with an empty list`,
  'DescribeUserPool UserPool.UserPoolTags only-sandbox': `${SANDBOX_AGREES}: an empty map is returned`,
  'DescribeUserPool UserPool.UserPoolTier only-sandbox': `${SANDBOX_AGREES}: ESSENTIALS for new pools since 2024`,
  'DescribeUserPool UserPool.VerificationMessageTemplate.EmailMessage only-moto': `${SANDBOX_AGREES}: only DefaultEmailOption unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.VerificationMessageTemplate.EmailSubject only-moto': `${SANDBOX_AGREES}: only DefaultEmailOption unless set (UNCONFIRMED)`,
  'DescribeUserPool UserPool.VerificationMessageTemplate.SmsMessage only-moto': `${SANDBOX_AGREES}: only DefaultEmailOption unless set (UNCONFIRMED)`,
  'DescribeUserPoolClient UserPoolClient.CreationDate only-sandbox': `${SANDBOX_AGREES}: clients carry CreationDate`,
  'DescribeUserPoolClient UserPoolClient.LastModifiedDate only-sandbox': `${SANDBOX_AGREES}: clients carry LastModifiedDate`,
  'DescribeUserPoolClient UserPoolClient.PreventUserExistenceErrors only-sandbox': `${SANDBOX_AGREES}: LEGACY is reported for API-created clients (facts §2)`,
  'DescribeUserPoolClient UserPoolClient.TokenValidityUnits only-sandbox': `${SANDBOX_AGREES} (UNCONFIRMED)`,
  'AdminGetUser MFAOptions only-moto': `${SANDBOX_AGREES}: absent when the user has no MFA`,
  'AdminGetUser PreferredMfaSetting only-moto': `${SANDBOX_AGREES}: absent when the user has no MFA`,
  'AdminGetUser UserMFASettingList only-moto': `${SANDBOX_AGREES}: absent when the user has no MFA`,
  // lambda (src/sandbox/lambda/)
  'GetFunction Configuration.Layers only-moto': `${SANDBOX_AGREES}: absent when the function has no layers`,
  'GetFunction Configuration.LoggingConfig only-sandbox': `${SANDBOX_AGREES}: LoggingConfig {LogFormat, LogGroup} is returned since 2023`,
  'GetFunction Configuration.RevisionId only-sandbox': `${SANDBOX_AGREES}: every configuration has a RevisionId`,
  // apigateway (src/sandbox/apigateway/)
  'GetRestApis items[].binaryMediaTypes only-moto': `${SANDBOX_AGREES}: absent when empty`,
  'GetRestApis items[].tags only-moto': `${SANDBOX_AGREES}: absent when the API has no tags`,
  'GetRestApis items[].version only-moto': `${SANDBOX_AGREES}: absent unless set`,
  'GetAuthorizers items[].authType only-sandbox': `${SANDBOX_AGREES}: cognito_user_pools is set for COGNITO_USER_POOLS authorizers`,
  'GetStages item[].cacheClusterStatus only-sandbox': `${SANDBOX_AGREES}: NOT_AVAILABLE without a cache`,
  'GetStages item[].createdDate only-sandbox': `${SANDBOX_AGREES}: stages carry createdDate (facts §4)`,
  'GetStages item[].lastUpdatedDate only-sandbox': `${SANDBOX_AGREES}: stages carry lastUpdatedDate (facts §4)`,
  'GetStages item[].description only-moto': `${SANDBOX_AGREES}: absent unless set`,
  'GetStages item[].tracingEnabled only-sandbox': `${SANDBOX_AGREES}: tracingEnabled false is returned`,
  'GetStages item[].variables only-moto': `${SANDBOX_AGREES}: absent when the stage has no variables`,
  'GetDeployment apiSummary only-sandbox': `${SANDBOX_AGREES}: embed=apisummary returns apiSummary (facts §4); moto ignores embed`,
};

type Shape = string | Shape[] | { [key: string]: Shape };

function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, child]) => key !== '$metadata' && child !== undefined)
        .map(([key, child]) => [key, shapeOf(child)]),
    );
  }
  return typeof value;
}

/** Differences as `<path> only-sandbox | only-moto | <sandbox type>!=<moto type>`. */
function compareShapes(sandbox: Shape, moto: Shape, path = ''): string[] {
  const kind = (s: Shape) => (typeof s === 'string' ? s : Array.isArray(s) ? 'list' : 'structure');
  if (kind(sandbox) !== kind(moto)) return [`${path} ${kind(sandbox)}!=${kind(moto)}`];
  if (Array.isArray(sandbox) && Array.isArray(moto)) {
    if (sandbox.length === 0 || moto.length === 0) return sandbox.length === moto.length ? [] : [`${path}[] ${sandbox.length ? 'empty-in-moto' : 'empty-in-sandbox'}`];
    return compareShapes(sandbox[0] as Shape, moto[0] as Shape, `${path}[]`);
  }
  if (typeof sandbox === 'object' && typeof moto === 'object' && !Array.isArray(sandbox) && !Array.isArray(moto)) {
    const keys = new Set([...Object.keys(sandbox), ...Object.keys(moto)]);
    return [...keys].sort().flatMap((key) => {
      const child = path ? `${path}.${key}` : key;
      if (!(key in moto)) return [`${child} only-sandbox`];
      if (!(key in sandbox)) return [`${child} only-moto`];
      return compareShapes(sandbox[key] as Shape, moto[key] as Shape, child);
    });
  }
  return [];
}

/** Builds the lab's account on one endpoint and returns the grader's reads, by operation name. */
async function labReads(endpoint: string): Promise<Record<string, unknown>> {
  const config = { endpoint, region: 'us-east-1', maxAttempts: 2, credentials: { accessKeyId: ACCOUNT_A, secretAccessKey: 'x' } };
  const sts = new STSClient(config);
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);
  const cognito = new CognitoIdentityProviderClient(config);
  const apigateway = new APIGatewayClient(config);

  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const role = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-execution-role', AssumeRolePolicyDocument: lambdaTrustPolicy() }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  const fn = await lambda.send(
    new CreateFunctionCommand({ FunctionName: 'HelloWorldFunction', Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'lambda_function.lambda_handler', Code: { ZipFile: labZip() } }),
  );
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'MyAPIUserPool' }));
  const poolId = pool.UserPool!.Id!;
  const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'APIClient', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] }));
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'testuser', TemporaryPassword: 'TempPass123!', MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'testuser', Password: 'MySecurePass123!', Permanent: true }));
  const api = await apigateway.send(new CreateRestApiCommand({ name: 'SecureAPI' }));
  const restApiId = api.id!;
  const root = await apigateway.send(new GetResourcesCommand({ restApiId }));
  const hello = await apigateway.send(new CreateResourceCommand({ restApiId, parentId: root.items![0]!.id!, pathPart: 'hello' }));
  const authorizer = await apigateway.send(
    new CreateAuthorizerCommand({
      restApiId,
      name: 'CognitoAuthorizer',
      type: 'COGNITO_USER_POOLS',
      providerARNs: [`arn:aws:cognito-idp:us-east-1:${identity.Account}:userpool/${poolId}`],
      identitySource: 'method.request.header.Authorization',
    }),
  );
  await apigateway.send(new PutMethodCommand({ restApiId, resourceId: hello.id!, httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id! }));
  await apigateway.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId: hello.id!,
      httpMethod: 'GET',
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`,
    }),
  );
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'HelloWorldFunction',
      StatementId: 'apigateway-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:us-east-1:${identity.Account}:${restApiId}/*/*`,
    }),
  );
  const deployment = await apigateway.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));

  return {
    GetCallerIdentity: identity,
    ListUserPools: await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 })),
    DescribeUserPool: await cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId })),
    ListUserPoolClients: await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 })),
    DescribeUserPoolClient: await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: client.UserPoolClient!.ClientId! })),
    AdminGetUser: await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'testuser' })),
    GetRole: await iam.send(new GetRoleCommand({ RoleName: 'lambda-execution-role' })),
    ListAttachedRolePolicies: await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lambda-execution-role' })),
    GetFunction: await lambda.send(new GetFunctionCommand({ FunctionName: 'HelloWorldFunction' })),
    GetPolicy: await lambda.send(new GetPolicyCommand({ FunctionName: 'HelloWorldFunction' })),
    GetRestApis: await apigateway.send(new GetRestApisCommand({})),
    GetResources: await apigateway.send(new GetResourcesCommand({ restApiId, embed: ['methods'] })),
    GetAuthorizers: await apigateway.send(new GetAuthorizersCommand({ restApiId })),
    GetStages: await apigateway.send(new GetStagesCommand({ restApiId })),
    GetDeployment: await apigateway.send(new GetDeploymentCommand({ restApiId, deploymentId: deployment.id!, embed: ['apisummary'] })),
  };
}

const missing = motoMissing();

describe('conformance with moto', { skip: missing }, () => {
  let sandbox: RunningSandbox;
  let moto: Moto;
  before(async () => {
    sandbox = await sandboxOn();
    moto = await startMoto();
  });
  after(async () => {
    await sandbox?.stop();
    await moto?.stop();
  });

  test('read operations the grader uses have the same response shapes, or an allowed difference', async () => {
    const [ours, theirs] = await Promise.all([labReads(sandbox.url), labReads(moto.endpoint)]);
    const differences = Object.keys(ours).flatMap((operation) =>
      compareShapes(shapeOf(ours[operation]), shapeOf(theirs[operation])).map((difference) => `${operation} ${difference}`),
    );
    const unexplained = differences.filter((difference) => !(difference in ALLOWED));
    const stale = Object.keys(ALLOWED).filter((key) => !differences.includes(key));
    if (stale.length) console.log(`allowlist entries moto no longer differs on:\n  ${stale.join('\n  ')}`);
    assert.deepEqual(unexplained, [], `differences neither fixed nor in ALLOWED:\n  ${unexplained.join('\n  ')}`);
  });
});
