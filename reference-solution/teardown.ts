// Removes exactly what the lab's names identify: every user pool named MyAPIUserPool, every REST API named
// SecureAPI, the function, and the role (after detaching its policies). Whatever is missing is skipped, so it
// is safe on an empty account and after a half-finished deploy.
import { DeleteRestApiCommand } from '@aws-sdk/client-api-gateway';
import { DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { DeleteFunctionCommand } from '@aws-sdk/client-lambda';
import { unlessNotFound } from './aws-errors.js';
import { withReferenceClients } from './clients.js';
import type { ReferenceConfig, TeardownReport } from './config.js';
import { createContext, type ReferenceContext } from './context.js';
import { apisNamed, poolsNamed } from './find.js';
import { isError, retryWhile } from './retry.js';

// API Gateway allows one DeleteRestApi every 30 seconds per account: past the SDK's own retries, wait that out.
const DELETE_API_QUOTA = {
  waitingFor: "API Gateway's DeleteRestApi quota (one call per 30 s)",
  isRetryable: isError('TooManyRequestsException'),
  delaysMs: [10_000, 20_000, 30_000, 30_000],
};

async function deleteApis(ctx: ReferenceContext): Promise<string[]> {
  const ids = (await apisNamed(ctx.clients, ctx.lab.names.api)).map((api) => api.id).filter((id): id is string => id !== undefined);
  for (const restApiId of ids) {
    await retryWhile(`DeleteRestApi ${restApiId}`, () => ctx.clients.apigateway.send(new DeleteRestApiCommand({ restApiId })), DELETE_API_QUOTA, ctx.log);
    ctx.log(`REST API ${ctx.lab.names.api}: deleted ${restApiId}`);
  }
  return ids;
}

async function deletePools(ctx: ReferenceContext): Promise<string[]> {
  const ids = (await poolsNamed(ctx.clients, ctx.lab.names.userPool)).map((pool) => pool.Id).filter((id): id is string => id !== undefined);
  for (const UserPoolId of ids) {
    await ctx.clients.cognito.send(new DeleteUserPoolCommand({ UserPoolId }));
    ctx.log(`user pool ${ctx.lab.names.userPool}: deleted ${UserPoolId}`);
  }
  return ids;
}

export async function deleteFunction(ctx: ReferenceContext): Promise<string | null> {
  const FunctionName = ctx.lab.names.function;
  const deleted = await unlessNotFound(ctx.clients.lambda.send(new DeleteFunctionCommand({ FunctionName })), 'ResourceNotFoundException');
  if (!deleted) return null;
  ctx.log(`function ${FunctionName}: deleted`);
  return FunctionName;
}

/** IAM refuses to delete a role with policies, so its managed ones are detached and inline ones deleted first. */
export async function deleteRole(ctx: ReferenceContext): Promise<{ roleName: string | null; detachedPolicyArns: string[] }> {
  const { iam } = ctx.clients;
  const RoleName = ctx.lab.names.role;
  const attached = await unlessNotFound(iam.send(new ListAttachedRolePoliciesCommand({ RoleName, MaxItems: 1000 })), 'NoSuchEntityException');
  if (!attached) return { roleName: null, detachedPolicyArns: [] };
  const detachedPolicyArns = (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyArn).filter((arn): arn is string => arn !== undefined);
  for (const PolicyArn of detachedPolicyArns) await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }));
  const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName, MaxItems: 1000 }))).PolicyNames ?? [];
  for (const PolicyName of inline) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }));
  await iam.send(new DeleteRoleCommand({ RoleName }));
  ctx.log(`role ${RoleName}: deleted (detached ${detachedPolicyArns.length} managed and deleted ${inline.length} inline policies)`);
  return { roleName: RoleName, detachedPolicyArns };
}

/** The API first (it points at the pool and the function), the role after the function that runs as it. */
export async function teardownLab(ctx: ReferenceContext): Promise<TeardownReport> {
  const apiIds = await deleteApis(ctx);
  const functionName = await deleteFunction(ctx);
  const role = await deleteRole(ctx);
  const userPoolIds = await deletePools(ctx);
  return { userPoolIds, apiIds, functionName, ...role };
}

export function teardownReferenceSolution(config: ReferenceConfig): Promise<TeardownReport> {
  return withReferenceClients(config, async (clients) => teardownLab(await createContext(clients, config)));
}
