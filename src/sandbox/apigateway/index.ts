// The API Gateway REST API control plane of the sandbox (restJson1): the routes of its areas over the state
// they share, and the deployed snapshots its data plane serves.
import type { Persistable, RestJsonService } from '../service.js';
import { authorizerRoutes } from './authorizers.js';
import { deployedStage, type DeployedStage } from './deployed-stage.js';
import { deploymentRoutes } from './deployments.js';
import { exportRoutes } from './export.js';
import { integrationRoutes } from './integrations.js';
import { methodRoutes } from './methods.js';
import { resourceRoutes } from './resources.js';
import { responseRoutes } from './responses.js';
import { restApiRoutes } from './rest-apis.js';
import { stageRoutes } from './stages.js';
import { ApiGatewayState, type ApiGatewayOptions, type Scope } from './state.js';

export type { DeployedStage } from './deployed-stage.js';
export type { ApiGatewayOptions, Authorizer, DeployedResource, Integration, Method } from './state.js';

export type ApiGatewayService = RestJsonService &
  Persistable & {
    /** The stage's frozen deployment, for the API data plane; undefined when there is none. */
    deployedStage(ctx: Scope, restApiId: string, stageName: string): DeployedStage | undefined;
    /** The account and region that hold a REST API: the data plane is unsigned, and API ids are unique. */
    locateRestApi(restApiId: string): Scope | undefined;
  };

export function createApiGatewayService(options: ApiGatewayOptions = {}): ApiGatewayService {
  const state = new ApiGatewayState(options);
  return {
    routes: [
      ...restApiRoutes(state),
      ...resourceRoutes(state),
      ...methodRoutes(state),
      ...integrationRoutes(state),
      ...responseRoutes(state),
      ...authorizerRoutes(state),
      ...deploymentRoutes(state),
      ...stageRoutes(state),
      ...exportRoutes(state),
    ],
    ...state.persistence,
    deployedStage: (ctx, restApiId, stageName) => deployedStage(state, ctx, restApiId, stageName),
    locateRestApi: (restApiId) => state.locateRestApi(restApiId),
  };
}
