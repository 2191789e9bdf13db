// CreateStage, GetStages, GetStage, UpdateStage, DeleteStage; stage creation is shared with
// CreateDeployment's stageName.
import { own, type RestRoute } from '../service.js';
import { badRequest, conflict } from './errors.js';
import { apiGatewayInput, defined } from './input.js';
import { accepted, created, ok } from './output.js';
import { applyPatch, mapEntry, patchBoolean, patchOperationsOf, patchValue, stringMember, type PatchRule } from './patch.js';
import { epochSeconds, type RestApiRecord, type Stage, findDeployment, findStage, type ApiGatewayState } from './state.js';

export interface StageInput {
  stageName: string;
  deploymentId: string;
  description?: string;
  variables?: Record<string, string>;
  cacheClusterEnabled?: boolean;
  tracingEnabled?: boolean;
  tags?: Record<string, string>;
}

export function checkStageName(stageName: string): void {
  if (!/^[a-zA-Z0-9_]{1,128}$/.test(stageName)) throw badRequest('Stage name only allows a-zA-Z0-9_');
}

export function newStage(input: StageInput, now: Date): Stage {
  return defined({
    stageName: input.stageName,
    deploymentId: input.deploymentId,
    description: input.description,
    cacheClusterEnabled: input.cacheClusterEnabled ?? false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    variables: input.variables && Object.keys(input.variables).length > 0 ? input.variables : undefined,
    tracingEnabled: input.tracingEnabled ?? false,
    tags: input.tags,
    createdDate: epochSeconds(now),
    lastUpdatedDate: epochSeconds(now),
  });
}

/** Rules that need the API they act in (to resolve a deployment id). */
function updateRules(api: RestApiRecord): readonly PatchRule<Stage>[] {
  return [
    {
      path: '/deploymentId',
      ops: ['replace'],
      apply(stage, operation) {
        stage.deploymentId = findDeployment(api, patchValue(operation)).id;
      },
    },
    stringMember('/description'),
    mapEntry('/variables/{name}'),
    {
      path: '/tracingEnabled',
      ops: ['replace'],
      apply(stage, operation) {
        stage.tracingEnabled = patchBoolean(operation);
      },
    },
    {
      path: '/cacheClusterEnabled',
      ops: ['replace'],
      apply(stage, operation) {
        stage.cacheClusterEnabled = patchBoolean(operation);
      },
    },
  ];
}

export function stageRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/restapis/{restApiId}/stages',
      operation: 'CreateStage',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const body = apiGatewayInput(input.body, 'createStageInput');
        const stageName = body.requiredString('stageName');
        const deploymentId = body.requiredString('deploymentId');
        checkStageName(stageName);
        findDeployment(api, deploymentId);
        if (own(api.stages, stageName)) throw conflict('Stage already exists');
        const stage = newStage(
          {
            stageName,
            deploymentId,
            description: body.string('description'),
            variables: body.stringMap('variables'),
            cacheClusterEnabled: body.boolean('cacheClusterEnabled'),
            tracingEnabled: body.boolean('tracingEnabled'),
            tags: body.stringMap('tags'),
          },
          ctx.now,
        );
        api.stages[stageName] = stage;
        return created(stage);
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/stages',
      operation: 'GetStages',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const deploymentId = input.query.get('deploymentId');
        const stages = Object.values(api.stages).filter(
          (stage) => deploymentId === null || stage.deploymentId === deploymentId,
        );
        // Not paginated: the whole list, under `item` (the SDKs keep that name here).
        return ok({ item: stages });
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/stages/{stageName}',
      operation: 'GetStage',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        return ok(findStage(api, input.params['stageName']!));
      },
    },
    {
      method: 'PATCH',
      path: '/restapis/{restApiId}/stages/{stageName}',
      operation: 'UpdateStage',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const stage = findStage(api, input.params['stageName']!);
        const updated = applyPatch(stage, patchOperationsOf(apiGatewayInput(input.body)), updateRules(api));
        updated.lastUpdatedDate = epochSeconds(ctx.now);
        api.stages[stage.stageName] = updated;
        return ok(updated);
      },
    },
    {
      method: 'DELETE',
      path: '/restapis/{restApiId}/stages/{stageName}',
      operation: 'DeleteStage',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const stage = findStage(api, input.params['stageName']!);
        delete api.stages[stage.stageName];
        return accepted();
      },
    },
  ];
}
