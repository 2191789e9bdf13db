// A complete lab account as aws-sdk-client-mock answers, for error paths moto cannot provoke.
// Each test overrides the one call it is about. The List calls answer in two pages, to exercise pagination.
import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  type Resource,
} from '@aws-sdk/client-api-gateway';
import {
  AdminGetUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { createGradingClients, type GradingClients } from '../../../src/target/clients.js';
import { testTarget } from './grading.js';

export const ACCOUNT = '111122223333';
export const POOL_ID = 'us-east-1_AbCdEfGhI';
export const POOL_ARN = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${POOL_ID}`;
export const CLIENT_ID = '1example23456789';
export const CLIENT_SECRET = 'client-secret-that-must-never-be-kept-0123456789';
export const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:HelloWorldFunction`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/lambda-execution-role`;
export const API_ID = 'a1b2c3d4e5';
export const AUTHORIZER_ID = 'auth01';
export const DEPLOYMENT_ID = 'dep001';
export const INTEGRATION_URI = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`;

export const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** An error as the SDK throws it for a service's error response. */
export function awsError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

export function helloResource(uri = INTEGRATION_URI): Resource {
  return {
    id: 'res001',
    parentId: 'root01',
    path: '/hello',
    pathPart: 'hello',
    resourceMethods: {
      GET: {
        httpMethod: 'GET',
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId: AUTHORIZER_ID,
        apiKeyRequired: false,
        methodIntegration: { type: 'AWS_PROXY' as const, httpMethod: 'POST', uri, passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000 },
      },
    },
  };
}

export function functionConfiguration(arn = FUNCTION_ARN) {
  return {
    FunctionName: arn.split(':')[6],
    FunctionArn: arn,
    Runtime: 'python3.13',
    Handler: 'lambda_function.lambda_handler',
    Role: ROLE_ARN,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    LastModified: '2025-01-01T00:00:00.000+0000',
    PackageType: 'Zip',
    Timeout: 3,
    MemorySize: 128,
  } as const;
}

export function mockCompleteAccount() {
  const clients: GradingClients = createGradingClients(testTarget());
  const mocks = {
    sts: mockClient(clients.sts),
    cognito: mockClient(clients.cognito),
    iam: mockClient(clients.iam),
    lambda: mockClient(clients.lambda),
    apigateway: mockClient(clients.apigateway),
  };
  const created = new Date('2025-01-01T00:00:00Z');

  mocks.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/grader`, UserId: 'AIDAEXAMPLE' });

  mocks.cognito
    .on(ListUserPoolsCommand, { NextToken: undefined })
    .resolves({ UserPools: [{ Id: 'us-east-1_Other0000', Name: 'SomethingElse' }], NextToken: 'pools-page-2' })
    .on(ListUserPoolsCommand, { NextToken: 'pools-page-2' })
    .resolves({ UserPools: [{ Id: POOL_ID, Name: 'MyAPIUserPool', CreationDate: created }] })
    .on(DescribeUserPoolCommand)
    .resolves({ UserPool: { Id: POOL_ID, Name: 'MyAPIUserPool', Arn: POOL_ARN, CreationDate: created, EstimatedNumberOfUsers: 1 } })
    .on(ListUserPoolClientsCommand)
    .resolves({ UserPoolClients: [{ ClientId: CLIENT_ID, ClientName: 'APIClient', UserPoolId: POOL_ID }] })
    .on(DescribeUserPoolClientCommand)
    .resolves({
      UserPoolClient: {
        ClientId: CLIENT_ID,
        ClientName: 'APIClient',
        UserPoolId: POOL_ID,
        ClientSecret: CLIENT_SECRET,
        ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
        PreventUserExistenceErrors: 'LEGACY',
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
        CreationDate: created,
      },
    })
    .on(AdminGetUserCommand)
    .resolves({ Username: 'testuser', Enabled: true, UserStatus: 'CONFIRMED', UserAttributes: [{ Name: 'sub', Value: 'abc' }] });

  mocks.iam
    .on(GetRoleCommand)
    .resolves({
      Role: {
        RoleName: 'lambda-execution-role',
        RoleId: 'AROAEXAMPLE',
        Path: '/',
        Arn: ROLE_ARN,
        CreateDate: created,
        // As AWS sends it and the JS SDK passes it on: URL-encoded.
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(TRUST_POLICY)),
      },
    })
    .on(ListAttachedRolePoliciesCommand, { Marker: undefined })
    .resolves({
      AttachedPolicies: [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }],
      IsTruncated: true,
      Marker: 'policies-page-2',
    })
    .on(ListAttachedRolePoliciesCommand, { Marker: 'policies-page-2' })
    .resolves({ AttachedPolicies: [{ PolicyName: 'Extra', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Extra` }], IsTruncated: false });

  mocks.lambda
    .on(GetFunctionCommand, { FunctionName: 'HelloWorldFunction' })
    .resolves({ Configuration: functionConfiguration() })
    .on(GetPolicyCommand)
    .resolves({
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Id: 'default',
        Statement: [
          {
            Sid: 'apigateway-invoke',
            Effect: 'Allow',
            Principal: { Service: 'apigateway.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: FUNCTION_ARN,
            Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/*/*` } },
          },
        ],
      }),
      RevisionId: 'rev',
    });

  mocks.apigateway
    .on(GetRestApisCommand, { position: undefined })
    .resolves({ items: [{ id: 'zzzzzzzzzz', name: 'OtherAPI' }], position: 'apis-page-2' })
    .on(GetRestApisCommand, { position: 'apis-page-2' })
    .resolves({ items: [{ id: API_ID, name: 'SecureAPI', createdDate: created, endpointConfiguration: { types: ['REGIONAL'] } }] })
    .on(GetResourcesCommand)
    .resolves({ items: [{ id: 'root01', path: '/' }, helloResource()] })
    .on(GetAuthorizersCommand)
    .resolves({
      items: [
        {
          id: AUTHORIZER_ID,
          name: 'CognitoAuthorizer',
          type: 'COGNITO_USER_POOLS',
          providerARNs: [POOL_ARN],
          identitySource: 'method.request.header.Authorization',
          authorizerResultTtlInSeconds: 300,
        },
      ],
    })
    .on(GetStagesCommand)
    .resolves({ item: [{ stageName: 'prod', deploymentId: DEPLOYMENT_ID, createdDate: created, lastUpdatedDate: created }] })
    .on(GetDeploymentCommand)
    .resolves({
      id: DEPLOYMENT_ID,
      createdDate: created,
      apiSummary: { '/hello': { GET: { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: false } } },
    });

  return { clients, mocks };
}
