// Activity 7: the REST API (the newest of the lab's name, or a new one) and its /hello resource.
import { CreateResourceCommand, CreateRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { apisNamed, newest } from '../find.js';
import { logOutcome, type ReferenceContext } from '../context.js';
import { createOnce } from './create-once.js';

export interface DeployedApi {
  apiId: string;
  rootResourceId: string;
  resourceId: string;
  /** Something was created: the stage needs a new deployment. */
  changed: boolean;
}

export async function deployRestApi(ctx: ReferenceContext): Promise<DeployedApi> {
  const { apigateway } = ctx.clients;
  const name = ctx.lab.names.api;
  const newestId = async () => newest(await apisNamed(ctx.clients, name), (api) => api.createdDate)?.id;
  const existing = await newestId();
  const apiId =
    existing ??
    (await createOnce(ctx, {
      what: `REST API ${name}`,
      create: async () => (await ctx.clients.once.apigateway.send(new CreateRestApiCommand({ name }))).id,
      findCreated: newestId,
    }));
  if (apiId === undefined) throw new Error(`CreateRestApi ${name} returned no id`);
  logOutcome(ctx, `REST API ${name}`, existing ? 'reused' : 'created', apiId);

  const resources = (await apigateway.send(new GetResourcesCommand({ restApiId: apiId, limit: 500 }))).items ?? [];
  const rootResourceId = resources.find((resource) => resource.path === '/')?.id;
  if (rootResourceId === undefined) throw new Error(`the REST API ${apiId} has no root resource`);
  const path = ctx.lab.names.resourcePath;
  const found = resources.find((resource) => resource.path === path)?.id;
  const resourceId =
    found ??
    (await createOnce(ctx, {
      what: `resource ${path}`,
      create: async () =>
        (await ctx.clients.once.apigateway.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootResourceId, pathPart: path.slice(1) }))).id,
      findCreated: async () =>
        ((await apigateway.send(new GetResourcesCommand({ restApiId: apiId, limit: 500 }))).items ?? []).find((resource) => resource.path === path)?.id,
    }));
  if (resourceId === undefined) throw new Error(`CreateResource ${path} returned no id`);
  logOutcome(ctx, `resource ${path}`, found ? 'reused' : 'created', resourceId);
  return { apiId, rootResourceId, resourceId, changed: !existing || !found };
}
