// The API Gateway REST API control plane of the sandbox (restJson1), and the deployed snapshots its
// data plane serves.
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
import type { RegionState } from './state.js';
import { ApiGatewayStore, type ApiGatewayOptions, type Scope } from './store.js';

export type { DeployedStage } from './deployed-stage.js';
export type { Authorizer, DeployedResource, Integration, Method } from './state.js';
export type { ApiGatewayOptions } from './store.js';

export type ApiGatewayService = RestJsonService &
  Persistable & {
    /** The stage's frozen deployment, for the API data plane; undefined when there is none. */
    deployedStage(ctx: Scope, restApiId: string, stageName: string): DeployedStage | undefined;
    /** The account and region that hold a REST API: the data plane is unsigned, and API ids are unique. */
    locateRestApi(restApiId: string): Scope | undefined;
  };

const STATE_VERSION = 1;

interface PersistedState {
  version: number;
  scopes: Record<string, RegionState>;
}

function isPersistedState(state: unknown): state is PersistedState {
  const candidate = state as Partial<PersistedState> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.version === STATE_VERSION &&
    typeof candidate.scopes === 'object' &&
    candidate.scopes !== null
  );
}

export function createApiGatewayService(options: ApiGatewayOptions = {}): ApiGatewayService {
  const store = new ApiGatewayStore(options);
  return {
    routes: [
      ...restApiRoutes(store),
      ...resourceRoutes(store),
      ...methodRoutes(store),
      ...integrationRoutes(store),
      ...responseRoutes(store),
      ...authorizerRoutes(store),
      ...deploymentRoutes(store),
      ...stageRoutes(store),
      ...exportRoutes(store),
    ],
    exportState(): PersistedState {
      return structuredClone({ version: STATE_VERSION, scopes: store.scoped.toJSON() });
    },
    importState(state: unknown): void {
      if (!isPersistedState(state)) throw new Error(`apigateway: not a version ${STATE_VERSION} state document`);
      store.scoped.load(structuredClone(state.scopes));
    },
    deployedStage: (ctx, restApiId, stageName) => deployedStage(store, ctx, restApiId, stageName),
    locateRestApi(restApiId) {
      for (const [key, region] of store.scoped.entries()) {
        if (!Object.hasOwn(region.restApis, restApiId)) continue;
        const [accountId = '', regionName = ''] = key.split('/');
        return { accountId, region: regionName };
      }
      return undefined;
    },
  };
}
