// CreateDeployment, GetDeployments, GetDeployment, UpdateDeployment, DeleteDeployment. A deployment
// freezes deep copies of the API's resources, methods, integrations and authorizers: what a stage serves
// changes only when it is pointed at another deployment.
import { own, type RestRoute } from '../service.js';
import { badRequest } from './errors.js';
import { newId } from './ids.js';
import { apiGatewayInput, defined } from './input.js';
import { accepted, created, ok } from './output.js';
import { paginate } from './pagination.js';
import { applyPatch, patchOperationsOf, stringMember } from './patch.js';
import { resourcePath } from './resources.js';
import { epochSeconds, type DeploymentRecord, type RestApiRecord, findDeployment, type ApiGatewayState } from './state.js';
import { checkStageName, newStage } from './stages.js';

function freeze(api: RestApiRecord): Pick<DeploymentRecord, 'resources' | 'authorizers'> {
  const methods = Object.values(api.resources).flatMap((resource) => Object.values(resource.resourceMethods));
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods");
  if (methods.some((method) => !method.methodIntegration)) throw badRequest('No integration defined for method');
  return structuredClone({
    resources: Object.values(api.resources).map((resource) => ({ ...resource, path: resourcePath(api, resource) })),
    authorizers: api.authorizers,
  });
}

/** `{"/hello": {"GET": {authorizationType, apiKeyRequired}}}`: what GetDeployment embeds as apisummary. */
function apiSummary(deployment: DeploymentRecord): Record<string, Record<string, object>> {
  return Object.fromEntries(
    deployment.resources
      .filter((resource) => Object.keys(resource.resourceMethods).length > 0)
      .map((resource) => [
        resource.path,
        Object.fromEntries(
          Object.entries(resource.resourceMethods).map(([name, method]) => [
            name,
            { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired },
          ]),
        ),
      ]),
  );
}

function render(deployment: DeploymentRecord, withSummary = false): object {
  return defined({
    id: deployment.id,
    description: deployment.description,
    createdDate: deployment.createdDate,
    apiSummary: withSummary ? apiSummary(deployment) : undefined,
  });
}

const UPDATE_RULES = [stringMember<DeploymentRecord>('/description')];

export function deploymentRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/restapis/{restApiId}/deployments',
      operation: 'CreateDeployment',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const body = apiGatewayInput(input.body);
        const stageName = body.string('stageName');
        if (stageName !== undefined) checkStageName(stageName);
        const deployment: DeploymentRecord = defined({
          id: newId(6, api.deployments),
          description: body.string('description'),
          createdDate: epochSeconds(ctx.now),
          ...freeze(api),
        });
        api.deployments[deployment.id] = deployment;
        if (stageName !== undefined) {
          const variables = body.stringMap('variables');
          const existing = own(api.stages, stageName);
          api.stages[stageName] = existing
            ? defined({
                ...existing,
                deploymentId: deployment.id,
                variables: variables ? { ...existing.variables, ...variables } : existing.variables,
                lastUpdatedDate: epochSeconds(ctx.now),
              })
            : newStage(
                {
                  stageName,
                  deploymentId: deployment.id,
                  description: body.string('stageDescription'),
                  variables,
                  cacheClusterEnabled: body.boolean('cacheClusterEnabled'),
                  tracingEnabled: body.boolean('tracingEnabled'),
                },
                ctx.now,
              );
        }
        return created(render(deployment));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/deployments',
      operation: 'GetDeployments',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const all = Object.values(api.deployments).map((deployment) => render(deployment));
        return ok(paginate(all, input.query));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/deployments/{deploymentId}',
      operation: 'GetDeployment',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const deployment = findDeployment(api, input.params['deploymentId']!);
        const embed = input.query.getAll('embed').flatMap((value) => value.split(','));
        return ok(render(deployment, embed.includes('apisummary')));
      },
    },
    {
      method: 'PATCH',
      path: '/restapis/{restApiId}/deployments/{deploymentId}',
      operation: 'UpdateDeployment',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const deployment = findDeployment(api, input.params['deploymentId']!);
        const updated = applyPatch(deployment, patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        api.deployments[deployment.id] = updated;
        return ok(render(updated));
      },
    },
    {
      method: 'DELETE',
      path: '/restapis/{restApiId}/deployments/{deploymentId}',
      operation: 'DeleteDeployment',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const deployment = findDeployment(api, input.params['deploymentId']!);
        if (Object.values(api.stages).some((stage) => stage.deploymentId === deployment.id)) {
          throw badRequest('Active stages pointing to this deployment must be moved or deleted');
        }
        delete api.deployments[deployment.id];
        return accepted();
      },
    },
  ];
}
