// The mistakes learners really make, each turning a deployed reference solution into that account state
// through the SDK, the way the learner got there (never by editing the sandbox's state). `lab-grader demo
// --break <mistake>` applies one; what grading each must give is the tests' to say (test/support/mistake-verdicts.ts).
import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteAuthorizerCommand,
  DeleteDeploymentCommand,
  DeleteMethodCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateAuthorizerCommand,
  UpdateMethodCommand,
  type CreateAuthorizerCommandInput,
} from '@aws-sdk/client-api-gateway';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DetachRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, DeleteFunctionCommand, RemovePermissionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { unlessNotFound } from './aws-errors.js';
import { withReferenceClients } from './clients.js';
import type { ReferenceConfig, ReferenceOutputs } from './config.js';
import { createContext, type ReferenceContext } from './context.js';
import { deployAppClient, LAB_AUTH_FLOWS } from './deploy/app-client.js';
import { deployFunction } from './deploy/function.js';
import { labFunctionSpec } from './deploy/index.js';
import { invocationUri } from './deploy/method.js';
import { API_GATEWAY_PRINCIPAL, executeApiSourceArn } from './deploy/permission.js';
import { lambdaTrustPolicy } from './deploy/role.js';
import { deployTestUser, LAB_TEMPORARY_PASSWORD } from './deploy/test-user.js';
import { userPoolArn } from './deploy/user-pool.js';
import { LAB_HANDLER_SOURCE } from './lambda/handler-source.js';
import { deleteFunction, deleteRole, teardownLab } from './teardown.js';
import { zipHandler } from './zip.js';

export interface Mistake {
  title: string;
  /** What the learner did, and what the account looks like afterwards. */
  description: string;
  /** Turns a fresh reference deployment into the mistaken state. */
  apply: (ctx: ReferenceContext, outputs: ReferenceOutputs) => Promise<void>;
  /** Removes what `apply` made beyond the lab's names (teardown removes only those). */
  cleanup?: (ctx: ReferenceContext) => Promise<void>;
}

// ---- What the learner did, as SDK calls ----

/** Activity 10 again: create-deployment to prod. */
async function redeploy(ctx: ReferenceContext, outputs: ReferenceOutputs): Promise<void> {
  await ctx.clients.apigateway.send(new CreateDeploymentCommand({ restApiId: outputs.apiId, stageName: ctx.lab.names.stage }));
}

function methodIds(ctx: ReferenceContext, outputs: ReferenceOutputs) {
  return { restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: ctx.lab.names.httpMethod };
}

/** update-method: NONE drops the authorizer (as AWS does); another type needs an authorizer id. */
async function setAuthorization(ctx: ReferenceContext, outputs: ReferenceOutputs, type: string, authorizerId?: string): Promise<void> {
  const patchOperations = [{ op: 'replace' as const, path: '/authorizationType', value: type }];
  if (authorizerId !== undefined) patchOperations.push({ op: 'replace', path: '/authorizerId', value: authorizerId });
  await ctx.clients.apigateway.send(new UpdateMethodCommand({ ...methodIds(ctx, outputs), patchOperations }));
}

/**
 * The learner's Activity 8 made another authorizer of the lab's name: GET /hello uses it, the lab's is gone,
 * and prod serves it. (Names are unique in an API, and an authorizer a method uses cannot be deleted: the learner
 * took GET /hello off the lab's authorizer and deleted it first.)
 */
async function replaceAuthorizer(
  ctx: ReferenceContext,
  outputs: ReferenceOutputs,
  authorizer: Omit<CreateAuthorizerCommandInput, 'restApiId' | 'name'>,
  methodAuthorizationType: string,
): Promise<void> {
  const { apigateway } = ctx.clients;
  await setAuthorization(ctx, outputs, 'NONE');
  await apigateway.send(new DeleteAuthorizerCommand({ restApiId: outputs.apiId, authorizerId: outputs.authorizerId }));
  const created = await apigateway.send(new CreateAuthorizerCommand({ restApiId: outputs.apiId, name: ctx.lab.names.authorizer, ...authorizer }));
  await setAuthorization(ctx, outputs, methodAuthorizationType, created.id);
  await redeploy(ctx, outputs);
}

/** Activity 4 redone with other settings: the lab's client is deleted and one of the same name created. */
async function recreateClient(ctx: ReferenceContext, outputs: ReferenceOutputs, settings: { ExplicitAuthFlows: typeof LAB_AUTH_FLOWS; GenerateSecret: boolean }): Promise<void> {
  const { cognito } = ctx.clients;
  await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: outputs.userPoolId, ClientId: outputs.clientId }));
  await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: outputs.userPoolId, ClientName: ctx.lab.names.appClient, ...settings }));
}

/** update-function-code with another lambda_function.py. */
async function deployHandlerSource(ctx: ReferenceContext, outputs: ReferenceOutputs, source: string): Promise<void> {
  const spec = await labFunctionSpec(ctx, outputs.roleArn);
  await deployFunction(ctx, { ...spec, zip: zipHandler(source) });
}

/** Replaces the lab's permission statement by one for `sourceArn` (and `principal`). */
async function replacePermission(ctx: ReferenceContext, sourceArn: string | null, principal = API_GATEWAY_PRINCIPAL): Promise<void> {
  const FunctionName = ctx.lab.names.function;
  const StatementId = ctx.lab.names.permissionStatementId;
  await ctx.clients.lambda.send(new RemovePermissionCommand({ FunctionName, StatementId }));
  if (sourceArn === null) return;
  await ctx.clients.lambda.send(
    new AddPermissionCommand({ FunctionName, StatementId, Action: 'lambda:InvokeFunction', Principal: principal, SourceArn: sourceArn }),
  );
}

/** The password of the password-changed story: not the lab's. */
const CHANGED_PASSWORD = 'MyOtherPass456!';

/** The other function of the integration-other-function story. */
const EARLIER_FUNCTION = 'MyFirstFunction';

const DEFINITIONS = {
  'no-user-pool': {
    title: 'The user pool was deleted',
    description:
      'The learner deleted MyAPIUserPool after the lab (and with it the app client and the user). The authorizer still names it, ' +
      'so calls without a token are still refused, but no one can sign in.',
    apply: async (ctx, outputs) => {
      await ctx.clients.cognito.send(new DeleteUserPoolCommand({ UserPoolId: outputs.userPoolId }));
    },
  },
  'client-without-password-auth': {
    title: 'The app client does not allow USER_PASSWORD_AUTH',
    description:
      'The learner recreated APIClient with only ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH: Cognito refuses the lab sign-in ' +
      '("USER_PASSWORD_AUTH flow not enabled for this client").',
    apply: (ctx, outputs) => recreateClient(ctx, outputs, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], GenerateSecret: false }),
  },
  'client-with-secret': {
    title: 'The app client has a secret',
    description: "The learner recreated APIClient with --generate-secret: the lab's sign-in sends no SECRET_HASH and is refused.",
    apply: (ctx, outputs) => recreateClient(ctx, outputs, { ExplicitAuthFlows: LAB_AUTH_FLOWS, GenerateSecret: true }),
  },
  'user-force-change-password': {
    title: 'The test user keeps its temporary password',
    description:
      'The learner skipped admin-set-user-password: testuser is in FORCE_CHANGE_PASSWORD with TempPass123!, so the lab password is wrong.',
    apply: async (ctx, outputs) => {
      const { cognito } = ctx.clients;
      const user = { UserPoolId: outputs.userPoolId, Username: ctx.lab.names.username };
      await cognito.send(new AdminDeleteUserCommand(user));
      await cognito.send(new AdminCreateUserCommand({ ...user, TemporaryPassword: LAB_TEMPORARY_PASSWORD, MessageAction: 'SUPPRESS' }));
    },
  },
  'password-changed': {
    title: "The test user's password was changed",
    description:
      "The learner later gave testuser another permanent password (admin-set-user-password --permanent): the lab's password is refused " +
      '(NotAuthorizedException "Incorrect username or password.").',
    apply: async (ctx, outputs) => {
      await ctx.clients.cognito.send(
        new AdminSetUserPasswordCommand({ UserPoolId: outputs.userPoolId, Username: ctx.lab.names.username, Password: CHANGED_PASSWORD, Permanent: true }),
      );
    },
  },
  'role-without-basic-policy': {
    title: 'The role lacks AWSLambdaBasicExecutionRole',
    description: 'The learner skipped attach-role-policy: the function runs, but may not write its logs.',
    apply: async (ctx) => {
      await ctx.clients.iam.send(new DetachRolePolicyCommand({ RoleName: ctx.lab.names.role, PolicyArn: ctx.lab.expected.basicExecutionPolicyArn }));
    },
  },
  'role-trusts-ec2': {
    title: 'The role trusts EC2, not Lambda',
    description: 'The trust policy names ec2.amazonaws.com (a policy copied from an EC2 tutorial), so Lambda may not assume the role.',
    apply: async (ctx) => {
      const PolicyDocument = JSON.stringify(lambdaTrustPolicy('ec2.amazonaws.com'));
      await ctx.clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ctx.lab.names.role, PolicyDocument }));
    },
  },
  'wrong-handler': {
    title: 'The handler setting names a function that does not exist',
    description: 'The function was created with --handler lambda_function.handler: every invocation fails (Runtime.HandlerNotFound), so API Gateway answers 502.',
    apply: async (ctx) => {
      await ctx.clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: ctx.lab.names.function, Handler: 'lambda_function.handler' }));
    },
  },
  'runtime-nodejs': {
    title: 'The function was switched to Node.js',
    description:
      "The learner set the function's runtime to nodejs20.x and its handler to index.handler (the console's Node.js defaults) and left the code as it was: " +
      "there is no index.js, so every invocation fails and API Gateway answers 502.",
    apply: async (ctx) => {
      await ctx.clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: ctx.lab.names.function, Runtime: 'nodejs20.x', Handler: 'index.handler' }));
    },
  },
  'authorizer-token-type': {
    title: 'The authorizer is a TOKEN (Lambda) authorizer',
    description:
      'The learner created CognitoAuthorizer with --type TOKEN (pointing at HelloWorldFunction) and GET /hello with CUSTOM authorization, and deployed it.',
    apply: (ctx, outputs) =>
      replaceAuthorizer(
        ctx,
        outputs,
        { type: 'TOKEN', authorizerUri: invocationUri(ctx.region, outputs.functionArn), identitySource: ctx.lab.expected.identitySource },
        'CUSTOM',
      ),
  },
  'authorizer-other-pool': {
    title: "The authorizer uses an earlier attempt's pool",
    description:
      "The authorizer names the pool of an earlier attempt, which the learner later deleted: it refuses this pool's ID tokens with 401.",
    apply: async (ctx, outputs) => {
      const { cognito } = ctx.clients;
      const earlier = (await cognito.send(new CreateUserPoolCommand({ PoolName: ctx.lab.names.userPool }))).UserPool?.Id;
      if (earlier === undefined) throw new Error('CreateUserPool returned no pool id');
      const authorizer = { type: 'COGNITO_USER_POOLS' as const, providerARNs: [userPoolArn(ctx, earlier)], identitySource: ctx.lab.expected.identitySource };
      await replaceAuthorizer(ctx, outputs, authorizer, 'COGNITO_USER_POOLS');
      await cognito.send(new DeleteUserPoolCommand({ UserPoolId: earlier }));
    },
  },
  'hello-get-none': {
    title: 'GET /hello has authorization NONE',
    description: 'The learner set GET /hello to authorization NONE and deployed it: anyone gets in, and the handler answers user Unknown.',
    apply: async (ctx, outputs) => {
      await setAuthorization(ctx, outputs, 'NONE');
      await redeploy(ctx, outputs);
    },
  },
  'hello-any-method': {
    title: 'ANY /hello instead of GET /hello',
    description:
      'The learner made /hello an ANY method (with the Cognito authorizer and the proxy integration) instead of GET, and deployed it: ' +
      'it serves the lab\'s GET call, and every other HTTP method too.',
    apply: async (ctx, outputs) => {
      const { apigateway } = ctx.clients;
      const any = { ...methodIds(ctx, outputs), httpMethod: 'ANY' };
      await apigateway.send(new DeleteMethodCommand(methodIds(ctx, outputs)));
      await apigateway.send(new PutMethodCommand({ ...any, authorizationType: 'COGNITO_USER_POOLS', authorizerId: outputs.authorizerId }));
      const uri = invocationUri(ctx.region, outputs.functionArn);
      await apigateway.send(new PutIntegrationCommand({ ...any, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri }));
      await redeploy(ctx, outputs);
    },
  },
  'integration-not-proxy': {
    title: 'The integration is not AWS_PROXY',
    description: 'The learner put the integration with --type AWS (no proxy) and deployed it: the function gets no request event and API Gateway no proxy response.',
    apply: async (ctx, outputs) => {
      const uri = invocationUri(ctx.region, outputs.functionArn);
      await ctx.clients.apigateway.send(new PutIntegrationCommand({ ...methodIds(ctx, outputs), type: 'AWS', integrationHttpMethod: 'POST', uri }));
      await redeploy(ctx, outputs);
    },
  },
  'integration-other-function': {
    title: 'The integration invokes another function',
    description:
      'GET /hello invokes MyFirstFunction, from an earlier attempt, which has no permission for this API: authorized calls get 500.',
    apply: async (ctx, outputs) => {
      const spec = await labFunctionSpec(ctx, outputs.roleArn);
      const { functionArn } = await deployFunction(ctx, { ...spec, functionName: EARLIER_FUNCTION });
      const uri = invocationUri(ctx.region, functionArn);
      await ctx.clients.apigateway.send(new PutIntegrationCommand({ ...methodIds(ctx, outputs), type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri }));
      await redeploy(ctx, outputs);
    },
    cleanup: async (ctx) => {
      await unlessNotFound(ctx.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: EARLIER_FUNCTION })), 'ResourceNotFoundException');
    },
  },
  'no-lambda-permission': {
    title: 'The function has no permission for API Gateway',
    description: 'The learner skipped add-permission: API Gateway may not invoke the function, so authorized calls get 500.',
    apply: (ctx) => replacePermission(ctx, null),
  },
  'permission-other-api': {
    title: 'The permission names an earlier API',
    description: "The learner re-created SecureAPI; the function's permission still names the first (deleted) API, so authorized calls get 500.",
    apply: async (ctx) => {
      const { apigateway } = ctx.clients;
      const earlier = (await apigateway.send(new CreateRestApiCommand({ name: ctx.lab.names.api }))).id;
      if (earlier === undefined) throw new Error('CreateRestApi returned no id');
      await replacePermission(ctx, executeApiSourceArn(ctx, earlier));
      await apigateway.send(new DeleteRestApiCommand({ restApiId: earlier }));
    },
  },
  'permission-wrong-principal': {
    title: 'The permission names the wrong principal',
    description:
      "The learner ran add-permission with --principal lambda.amazonaws.com (copied from the role's trust policy): the statement apigateway-invoke " +
      'lets Lambda, not API Gateway, invoke the function, so authorized calls get 500.',
    apply: (ctx, outputs) => replacePermission(ctx, executeApiSourceArn(ctx, outputs.apiId), 'lambda.amazonaws.com'),
  },
  'no-deployment': {
    title: 'The API was never deployed',
    description: "The learner skipped Activity 10's create-deployment: the API has no stage and no deployment, so the prod URL answers 403.",
    apply: async (ctx, outputs) => {
      const { apigateway } = ctx.clients;
      await apigateway.send(new DeleteStageCommand({ restApiId: outputs.apiId, stageName: ctx.lab.names.stage }));
      await apigateway.send(new DeleteDeploymentCommand({ restApiId: outputs.apiId, deploymentId: outputs.deploymentId }));
    },
  },
  'no-prod-stage': {
    title: 'The API was deployed to a stage named dev',
    description: 'The learner ran create-deployment --stage-name dev: the API works at /dev, and the prod URL answers 403.',
    apply: async (ctx, outputs) => {
      const { apigateway } = ctx.clients;
      await apigateway.send(new CreateDeploymentCommand({ restApiId: outputs.apiId, stageName: 'dev' }));
      await apigateway.send(new DeleteStageCommand({ restApiId: outputs.apiId, stageName: ctx.lab.names.stage }));
      await apigateway.send(new DeleteDeploymentCommand({ restApiId: outputs.apiId, deploymentId: outputs.deploymentId }));
    },
  },
  'stale-deployment': {
    title: 'The authorizer was added after the last deployment',
    description:
      'The learner deployed GET /hello with NONE, then switched it to COGNITO_USER_POOLS without deploying again: prod still lets anyone in.',
    apply: async (ctx, outputs) => {
      await setAuthorization(ctx, outputs, 'NONE');
      await redeploy(ctx, outputs);
      await setAuthorization(ctx, outputs, 'COGNITO_USER_POOLS', outputs.authorizerId);
    },
  },
  'extra-open-method-deployed': {
    title: 'An open POST /hello was fixed without deploying again',
    description:
      'The learner added POST /hello with authorization NONE and deployed it, then gave it the authorizer without a new deployment: prod still answers POST /hello without a token.',
    apply: async (ctx, outputs) => {
      const post = { restApiId: outputs.apiId, resourceId: outputs.resourceId, httpMethod: 'POST' };
      await ctx.clients.apigateway.send(new PutMethodCommand({ ...post, authorizationType: 'NONE' }));
      const uri = invocationUri(ctx.region, outputs.functionArn);
      await ctx.clients.apigateway.send(new PutIntegrationCommand({ ...post, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri }));
      await redeploy(ctx, outputs);
      const patchOperations = [
        { op: 'replace' as const, path: '/authorizationType', value: 'COGNITO_USER_POOLS' },
        { op: 'replace' as const, path: '/authorizerId', value: outputs.authorizerId },
      ];
      await ctx.clients.apigateway.send(new UpdateMethodCommand({ ...post, patchOperations }));
    },
  },
  'authorizer-changed-not-redeployed': {
    title: "The authorizer's identity source was fixed without deploying again",
    description:
      "The learner deployed the authorizer reading the token from an X-Id-Token header, then set it back to Authorization without a new deployment: prod still reads X-Id-Token and refuses the lab's calls.",
    apply: async (ctx, outputs) => {
      const identitySource = (value: string) =>
        ctx.clients.apigateway.send(
          new UpdateAuthorizerCommand({ restApiId: outputs.apiId, authorizerId: outputs.authorizerId, patchOperations: [{ op: 'replace', path: '/identitySource', value }] }),
        );
      await identitySource('method.request.header.X-Id-Token');
      await redeploy(ctx, outputs);
      await identitySource(ctx.lab.expected.identitySource);
    },
  },
  'method-scopes': {
    title: 'GET /hello requires an OAuth scope',
    description:
      'The learner added the OAuth scope aws.cognito.signin.user.admin to GET /hello and deployed it: API Gateway now accepts only access tokens ' +
      "carrying it, so the lab's ID token is refused with 401 (and the access token let in).",
    apply: async (ctx, outputs) => {
      const patchOperations = [{ op: 'add' as const, path: '/authorizationScopes', value: 'aws.cognito.signin.user.admin' }];
      await ctx.clients.apigateway.send(new UpdateMethodCommand({ ...methodIds(ctx, outputs), patchOperations }));
      await redeploy(ctx, outputs);
    },
  },
  'handler-other-message': {
    title: 'The handler returns another message',
    description: "The learner's lambda_function.py returns 'Hello World!' instead of 'Hello from secured API!'.",
    apply: async (ctx, outputs) =>
      deployHandlerSource(ctx, outputs, LAB_HANDLER_SOURCE.replace('Hello from secured API!', 'Hello World!')),
  },
  'function-deleted': {
    title: 'The function and its role were deleted',
    description:
      'The learner deleted HelloWorldFunction and lambda-execution-role after the lab. GET /hello still invokes the function by its ARN, ' +
      'so authorized calls get 500; a function made again under that name has the same ARN but none of its permissions.',
    apply: async (ctx) => {
      await deleteFunction(ctx);
      await deleteRole(ctx);
    },
  },
  'lab-not-started': {
    title: 'The lab was not started',
    description: "A fresh account: none of the lab's resources exist, and the grade's plan is the whole lab.",
    apply: async (ctx) => void (await teardownLab(ctx)),
  },
  'handler-raises': {
    title: 'The handler raises an exception',
    description: "The learner's lambda_function.py raises before returning: every invocation fails, so API Gateway answers 502.",
    apply: async (ctx, outputs) =>
      deployHandlerSource(
        ctx,
        outputs,
        LAB_HANDLER_SOURCE.replace('    return {', "    raise KeyError('claims')\n    return {"),
      ),
  },
  'duplicate-pools': {
    title: 'Activities 3 to 5 were run twice',
    description:
      'A second run of Activities 3 to 5 made another MyAPIUserPool with its own APIClient and testuser; the authorizer still uses the first. ' +
      'Not a failure: the grader grades the pool the authorizer uses, and says so.',
    apply: async (ctx) => {
      const second = (await ctx.clients.cognito.send(new CreateUserPoolCommand({ PoolName: ctx.lab.names.userPool }))).UserPool?.Id;
      if (second === undefined) throw new Error('CreateUserPool returned no pool id');
      await deployAppClient(ctx, second);
      await deployTestUser(ctx, second, ctx.lab.password);
    },
  },
} satisfies Record<string, Mistake>;

export type MistakeName = keyof typeof DEFINITIONS;

export const MISTAKES: Readonly<Record<MistakeName, Mistake>> = DEFINITIONS;

/** Applies one mistake to the deployment `outputs` describes. */
export function applyMistake(config: ReferenceConfig, name: MistakeName, outputs: ReferenceOutputs): Promise<void> {
  return withReferenceClients(config, async (clients) => MISTAKES[name].apply(await createContext(clients, config), outputs));
}

/** Removes what a mistake made beyond the lab's names; run it before or after teardownReferenceSolution. */
export function cleanupMistake(config: ReferenceConfig, name: MistakeName): Promise<void> {
  return withReferenceClients(config, async (clients) => MISTAKES[name].cleanup?.(await createContext(clients, config)));
}
