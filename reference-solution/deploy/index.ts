// The whole lab, Activities 3 to 10, in the lab's order. Every step first looks for the lab's resource by
// name and reuses or repairs it, so a second run changes nothing and a half-finished one is completed.
import type { Runtime } from '@aws-sdk/client-lambda';
import { stageUrl } from '../../src/aws/execute-api.js';
import { withReferenceClients } from '../clients.js';
import type { ReferenceConfig, ReferenceOutputs } from '../config.js';
import { createContext, type ReferenceContext } from '../context.js';
import { LAB_HANDLER_SOURCE } from '../lambda/handler-source.js';
import { zipHandler } from '../zip.js';
import { deployAppClient } from './app-client.js';
import { deleteReplacedAuthorizers, deployAuthorizer } from './authorizer.js';
import { deployFunction, type FunctionSpec } from './function.js';
import { deployMethod, invocationUri } from './method.js';
import { deployPermission } from './permission.js';
import { deployRestApi } from './rest-api.js';
import { deployRole } from './role.js';
import { deployStage } from './stage.js';
import { deployTestUser } from './test-user.js';
import { deployUserPool } from './user-pool.js';

/** HelloWorldFunction as the lab makes it, on the lab spec's recommended (current) Python. */
export async function labFunctionSpec(ctx: ReferenceContext, roleArn: string): Promise<FunctionSpec> {
  return {
    functionName: ctx.lab.names.function,
    roleArn,
    zip: zipHandler(LAB_HANDLER_SOURCE),
    handler: ctx.lab.expected.handler,
    // The lab spec names it as a string; Lambda answers InvalidParameterValueException if it is not a runtime.
    runtime: ctx.lab.expected.recommendedRuntime as Runtime,
  };
}

export async function deployLab(ctx: ReferenceContext, password: string, endpoint?: string): Promise<ReferenceOutputs> {
  const { userPoolId, userPoolArn } = await deployUserPool(ctx);
  const { clientId } = await deployAppClient(ctx, userPoolId);
  await deployTestUser(ctx, userPoolId, password);

  const { roleArn } = await deployRole(ctx);
  const { functionArn } = await deployFunction(ctx, await labFunctionSpec(ctx, roleArn));

  const api = await deployRestApi(ctx);
  const { apiId } = api;
  const authorizer = await deployAuthorizer(ctx, apiId, userPoolArn);
  const method = await deployMethod(ctx, { apiId, resourceId: api.resourceId, authorizerId: authorizer.authorizerId, functionArn });
  await deleteReplacedAuthorizers(ctx, apiId, authorizer.replaced);
  await deployPermission(ctx, apiId);
  const { deploymentId } = await deployStage(ctx, {
    apiId,
    userPoolArn,
    integrationUri: invocationUri(ctx.region, functionArn),
    apiChanged: api.changed || authorizer.changed || method.changed,
  });

  const base = stageUrl({ apiId, stage: ctx.lab.names.stage, region: ctx.region, endpoint: endpoint ?? null });
  return {
    accountId: ctx.accountId,
    region: ctx.region,
    userPoolId,
    userPoolArn,
    clientId,
    roleArn,
    functionArn,
    apiId,
    rootResourceId: api.rootResourceId,
    resourceId: api.resourceId,
    authorizerId: authorizer.authorizerId,
    deploymentId,
    stageUrl: base,
    helloUrl: `${base}${ctx.lab.names.resourcePath}`,
  };
}

export function deployReferenceSolution(config: ReferenceConfig): Promise<ReferenceOutputs> {
  return withReferenceClients(config, async (clients) => {
    const ctx = await createContext(clients, config);
    return deployLab(ctx, config.password ?? ctx.lab.password, config.endpoint);
  });
}
