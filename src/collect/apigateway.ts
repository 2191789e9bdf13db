// API Gateway: the lab's REST API (by name) and what hangs off it.
// GetRestApis -> (GetResources | GetAuthorizers | GetStages -> (GetDeployment | GetExport)).
// GetRestApis already returns whole RestApi items, so no GetRestApi follows it.
import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetExportCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  type Method,
  type Resource,
} from '@aws-sdk/client-api-gateway';
import type {
  ApiAuthorizer,
  ApiDeployment,
  ApiGatewayEvidence,
  ApiMethod,
  ApiResource,
  ApiStage,
  Choice,
  Observed,
  RestApi,
  StageDefinition,
} from '../snapshot/types.js';
import { chooseCandidate, mapNonEmpty } from './choose.js';
import type { CollectContext, Section } from './context.js';
import { isoDate, orNull, required } from './convert.js';
import { absentIfEmpty, mapFound, skipped, skippedAfter } from './observed.js';
import { nearMissesOf } from './near-miss.js';
import { regionsHolding } from './other-regions.js';
import { collectPages } from './paginate.js';
import { stageDefinitionOf } from './stage-definition.js';

/** The most GetRestApis, GetResources and GetAuthorizers accept per page. */
const PAGE_SIZE = 500;

export interface ApiGatewayCollection {
  /** Early, for the Cognito collector (which pool an authorizer uses) and Lambda (which function GET /hello invokes). */
  api: Promise<Observed<RestApi>>;
  resources: Promise<Observed<ApiResource[]>>;
  authorizers: Promise<Observed<ApiAuthorizer[]>>;
  section: Promise<Section<ApiGatewayEvidence>>;
}

interface ApiSelection {
  apis: Observed<[RestApi, ...RestApi[]]>;
  apiChoice: Choice | null;
  api: Observed<RestApi>;
  /** The chosen API's stages, when choosing among several already read them. */
  stages: Observed<ApiStage[]> | null;
  note: string | null;
  /** Only when no API has the lab's name. */
  elsewhere?: Promise<ApiElsewhere>;
}

type ApiElsewhere = Pick<ApiGatewayEvidence, 'apiNearMisses' | 'apiInRegions'>;

export function collectApiGateway(ctx: CollectContext): ApiGatewayCollection {
  const selection = selectApi(ctx);
  const forApi = <T>(read: (apiId: string) => Promise<Observed<T>>) =>
    selection.then(({ api }) => (api.state === 'found' ? read(api.value.id) : skippedAfter<T>(api, `the REST API ${ctx.lab.names.api}`)));
  const resources = forApi((apiId) => getResources(ctx, apiId));
  const authorizers = forApi((apiId) => getAuthorizers(ctx, apiId));
  const stages = selection.then((chosen) => chosen.stages ?? forApi((apiId) => getStages(ctx, apiId)));
  const deployment = Promise.all([selection, stages]).then(([{ api }, stageList]) =>
    api.state === 'found' ? getStageDeployment(ctx, api.value.id, stageList) : skippedAfter<ApiDeployment>(api, `the REST API ${ctx.lab.names.api}`),
  );
  const stageDefinition = Promise.all([selection, stages]).then(([{ api }, stageList]) =>
    api.state === 'found' ? getStageDefinition(ctx, api.value.id, stageList) : skippedAfter<StageDefinition>(api, `the REST API ${ctx.lab.names.api}`),
  );
  const elsewhere = selection.then((chosen) => chosen.elsewhere ?? {});
  const section = Promise.all([selection, resources, authorizers, stages, deployment, stageDefinition, elsewhere]).then(
    ([{ apis, apiChoice, api, note }, resourceList, authorizerList, stageList, stageDeployment, definition, notHere]) => ({
      evidence: {
        apis: mapFound(apis, (list) => list.map(({ id, name, createdDate }) => ({ id, name, createdDate }))),
        apiChoice,
        api,
        resources: resourceList,
        authorizers: authorizerList,
        stages: stageList,
        deployment: stageDeployment,
        stageDefinition: definition,
        ...notHere,
      },
      notes: note === null ? [] : [note],
    }),
  );
  return { api: selection.then(({ api }) => api), resources, authorizers, section };
}

/**
 * Which pools the authorizers use, or the error that kept the grader from knowing: an API or authorizers that
 * could not be read say nothing about which pool the learner wired up (none found is a fact: an empty map).
 */
export async function authorizerPools(collection: Pick<ApiGatewayCollection, 'api' | 'authorizers'>, labAuthorizerName: string): Promise<Observed<ReadonlyMap<string, string>>> {
  const api = await collection.api;
  if (api.state === 'error') return api;
  const authorizers = await collection.authorizers;
  if (authorizers.state === 'error') return authorizers;
  return { state: 'found', value: poolsUsedByAuthorizers(authorizers, labAuthorizerName) };
}

/** Pool id -> name of a COGNITO_USER_POOLS authorizer whose providerARNs name it (the lab's authorizer first). */
function poolsUsedByAuthorizers(authorizers: Observed<ApiAuthorizer[]>, labAuthorizerName: string): Map<string, string> {
  const used = new Map<string, string>();
  if (authorizers.state !== 'found') return used;
  const labFirst = [...authorizers.value].sort((a, b) => Number(b.name === labAuthorizerName) - Number(a.name === labAuthorizerName));
  for (const authorizer of labFirst.filter((candidate) => candidate.type === 'COGNITO_USER_POOLS')) {
    for (const arn of authorizer.providerARNs) {
      const poolId = /:userpool\/(.+)$/.exec(arn)?.[1];
      if (poolId !== undefined && !used.has(poolId)) used.set(poolId, authorizer.name);
    }
  }
  return used;
}

/** Same-named APIs: prefer those with the lab's stage (the learner deployed it), then the newest. */
async function selectApi(ctx: CollectContext): Promise<ApiSelection> {
  const apiName = ctx.lab.names.api;
  const stageName = ctx.lab.names.stage;
  const allApis = await listApis(ctx);
  const apis = absentIfEmpty(named(allApis, apiName), `no REST API named ${apiName} in ${ctx.region}`);
  if (apis.state === 'absent') return { apis, apiChoice: null, api: apis, stages: null, note: null, elsewhere: apiElsewhere(ctx, allApis) };
  if (apis.state !== 'found') return { apis, apiChoice: null, api: apis, stages: null, note: null };
  if (apis.value.length === 1) {
    const { chosen, choice } = chooseCandidate('REST APIs', apiName, apis.value, (api) => api);
    return { apis, apiChoice: choice, api: { state: 'found', value: chosen }, stages: null, note: null };
  }
  const withStages = await Promise.all(mapNonEmpty(apis.value, async (api) => ({ api, stages: await getStages(ctx, api.id) })));
  // Whether an API has the lab's stage decides the choice: one whose stages could not be read leaves it unknown.
  const unreadable = withStages.find(({ stages }) => stages.state === 'error')?.stages;
  if (unreadable?.state === 'error') return { apis, apiChoice: null, api: unreadable, stages: null, note: null };
  const hasLabStage = withStages.filter(({ stages }) => stages.state === 'found' && stages.value.some((stage) => stage.stageName === stageName));
  const { chosen, choice, note } = chooseCandidate('REST APIs', apiName, withStages, ({ api }) => api, {
    ids: new Set(hasLabStage.map(({ api }) => api.id)),
    reason: 'has-lab-stage',
    because: () => `the newest with a ${stageName} stage`,
  });
  return { apis, apiChoice: choice, api: { state: 'found', value: chosen.api }, stages: chosen.stages, note };
}

/** No API has the lab's name: those whose name is a near miss of it, and the other regions that have one. */
async function apiElsewhere(ctx: CollectContext, allApis: Observed<RestApi[]>): Promise<ApiElsewhere> {
  const apiName = ctx.lab.names.api;
  const apiInRegions = await regionsHolding(ctx, async (regional) => absentIfEmpty(named(await listApis(regional), apiName), 'none'));
  const apiNearMisses = mapFound(allApis, (list) => nearMissesOf(list, apiName, ({ id, name }) => ({ id, name })));
  return { apiNearMisses, ...(apiInRegions && { apiInRegions }) };
}

function named(apis: Observed<RestApi[]>, name: string): Observed<RestApi[]> {
  return mapFound(apis, (list) => list.filter((api) => api.name === name));
}

/** Every REST API of the region (GetRestApis has no filter). */
function listApis(ctx: CollectContext): Promise<Observed<RestApi[]>> {
  return ctx.observe('apigateway:GetRestApis', async () => {
    const apis = await collectPages(
      (position) => ctx.clients.apigateway.send(new GetRestApisCommand({ limit: PAGE_SIZE, position })),
      (page) => ({ items: page.items, next: page.position }),
    );
    return apis.map((api) => ({
      id: required(api.id, 'id'),
      name: api.name ?? '',
      createdDate: isoDate(api.createdDate),
      endpointTypes: api.endpointConfiguration?.types ?? [],
    }));
  });
}

function getResources(ctx: CollectContext, restApiId: string): Promise<Observed<ApiResource[]>> {
  return ctx.observe('apigateway:GetResources', async () => {
    const resources = await collectPages(
      (position) => ctx.clients.apigateway.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: PAGE_SIZE, position })),
      (page) => ({ items: page.items, next: page.position }),
    );
    return resources.map(toApiResource);
  });
}

function toApiResource(resource: Resource): ApiResource {
  return {
    id: required(resource.id, 'id'),
    parentId: orNull(resource.parentId),
    path: required(resource.path, 'path'),
    pathPart: orNull(resource.pathPart),
    methods: Object.fromEntries(Object.entries(resource.resourceMethods ?? {}).map(([verb, method]) => [verb, toApiMethod(verb, method)])),
  };
}

function toApiMethod(verb: string, method: Method): ApiMethod {
  const integration = method.methodIntegration;
  return {
    httpMethod: method.httpMethod ?? verb,
    authorizationType: method.authorizationType ?? 'NONE',
    authorizerId: orNull(method.authorizerId),
    authorizationScopes: method.authorizationScopes ?? [],
    apiKeyRequired: method.apiKeyRequired ?? false,
    integration: integration
      ? {
          type: required(integration.type, 'integration type'),
          httpMethod: orNull(integration.httpMethod),
          uri: orNull(integration.uri),
          passthroughBehavior: orNull(integration.passthroughBehavior),
          timeoutInMillis: orNull(integration.timeoutInMillis),
        }
      : null,
  };
}

function getAuthorizers(ctx: CollectContext, restApiId: string): Promise<Observed<ApiAuthorizer[]>> {
  return ctx.observe('apigateway:GetAuthorizers', async () => {
    const authorizers = await collectPages(
      (position) => ctx.clients.apigateway.send(new GetAuthorizersCommand({ restApiId, limit: PAGE_SIZE, position })),
      (page) => ({ items: page.items, next: page.position }),
    );
    return authorizers.map((authorizer) => ({
      id: required(authorizer.id, 'id'),
      name: required(authorizer.name, 'name'),
      type: required(authorizer.type, 'type'),
      providerARNs: authorizer.providerARNs ?? [],
      identitySource: orNull(authorizer.identitySource),
      identityValidationExpression: orNull(authorizer.identityValidationExpression),
      authorizerResultTtlInSeconds: orNull(authorizer.authorizerResultTtlInSeconds),
    }));
  });
}

/** GetStages is not paginated: an API has few stages. */
function getStages(ctx: CollectContext, restApiId: string): Promise<Observed<ApiStage[]>> {
  return ctx.observe('apigateway:GetStages', async () => {
    const output = await ctx.clients.apigateway.send(new GetStagesCommand({ restApiId }));
    return (output.item ?? []).map((stage) => ({
      stageName: required(stage.stageName, 'stageName'),
      deploymentId: orNull(stage.deploymentId),
      createdDate: isoDate(stage.createdDate),
      lastUpdatedDate: isoDate(stage.lastUpdatedDate),
    }));
  });
}

/** The lab's stage with the deployment it serves, or why there is nothing deployed to read. */
function deployedStage(ctx: CollectContext, restApiId: string, stages: Observed<ApiStage[]>): { deploymentId: string } | Observed<never> {
  const stageName = ctx.lab.names.stage;
  if (stages.state !== 'found') return skippedAfter(stages, `the stages of the REST API ${restApiId}`);
  const stage = stages.value.find((candidate) => candidate.stageName === stageName);
  if (stage === undefined) return skipped(`the REST API ${restApiId} has no stage named ${stageName}`);
  if (stage.deploymentId === null) return skipped(`the stage ${stageName} points at no deployment`);
  return { deploymentId: stage.deploymentId };
}

/** What the lab's stage serves, from its export (the deployed authorizers, which GetDeployment does not show). */
function getStageDefinition(ctx: CollectContext, restApiId: string, stages: Observed<ApiStage[]>): Promise<Observed<StageDefinition>> {
  const stage = deployedStage(ctx, restApiId, stages);
  if ('state' in stage) return Promise.resolve(stage);
  return ctx.observe('apigateway:GetExport', async () => {
    const exported = await ctx.clients.apigateway.send(
      new GetExportCommand({ restApiId, stageName: ctx.lab.names.stage, exportType: 'oas30', parameters: { extensions: 'authorizers' }, accepts: 'application/json' }),
    );
    return stageDefinitionOf(new TextDecoder().decode(exported.body));
  });
}

/** The deployment the lab's stage points at, with the summary of what it serves. */
function getStageDeployment(ctx: CollectContext, restApiId: string, stages: Observed<ApiStage[]>): Promise<Observed<ApiDeployment>> {
  const stage = deployedStage(ctx, restApiId, stages);
  if ('state' in stage) return Promise.resolve(stage);
  const { deploymentId } = stage;
  return ctx.observe('apigateway:GetDeployment', async () => {
    const deployment = await ctx.clients.apigateway.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ['apisummary'] }));
    return {
      id: required(deployment.id, 'id'),
      createdDate: isoDate(deployment.createdDate),
      description: orNull(deployment.description),
      apiSummary:
        deployment.apiSummary === undefined
          ? null
          : Object.fromEntries(
              Object.entries(deployment.apiSummary).map(([path, methods]) => [
                path,
                Object.fromEntries(
                  Object.entries(methods).map(([verb, summary]) => [
                    verb,
                    { authorizationType: summary.authorizationType ?? 'NONE', apiKeyRequired: summary.apiKeyRequired ?? false },
                  ]),
                ),
              ]),
            ),
    };
  });
}
