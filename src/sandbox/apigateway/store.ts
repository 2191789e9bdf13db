// Where handlers find their records: per account and region, and failing with AWS's NotFoundException
// messages when an identifier does not resolve.
import { ScopedState, type RequestContext } from '../service.js';
import { notFound } from './errors.js';
import {
  emptyRegionState,
  type Authorizer,
  type DeploymentRecord,
  type Integration,
  type Method,
  type RegionState,
  type ResourceRecord,
  type RestApiRecord,
  type Stage,
} from './state.js';

export type Scope = Pick<RequestContext, 'accountId' | 'region'>;

export interface ApiGatewayOptions {
  /**
   * How an unknown REST API id is reported. Current AWS answers GetRestApi and friends with
   * `Invalid API identifier specified <account>:<id>`; older answers (and some operations) read
   * `Invalid REST API identifier specified`. Default: 'with-account'.
   */
  restApiNotFoundMessage?: 'with-account' | 'legacy';
}

export class ApiGatewayStore {
  readonly scoped = new ScopedState<RegionState>(emptyRegionState);
  constructor(private readonly options: ApiGatewayOptions = {}) {}

  region(scope: Scope): RegionState {
    return this.scoped.get(scope);
  }

  restApi(scope: Scope, restApiId: string): RestApiRecord {
    const api = this.region(scope).restApis[restApiId];
    if (!api) {
      throw notFound(
        this.options.restApiNotFoundMessage === 'legacy'
          ? 'Invalid REST API identifier specified'
          : `Invalid API identifier specified ${scope.accountId}:${restApiId}`,
      );
    }
    return api;
  }

  /** The method a `.../resources/{resourceId}/methods/{httpMethod}` path names, with what holds it. */
  method(scope: Scope, params: Record<string, string>): { api: RestApiRecord; resource: ResourceRecord; method: Method } {
    const api = this.restApi(scope, params['restApiId']!);
    const resource = findResource(api, params['resourceId']!);
    return { api, resource, method: findMethod(resource, params['httpMethod']!) };
  }
}

export function findResource(api: RestApiRecord, resourceId: string): ResourceRecord {
  const resource = api.resources[resourceId];
  if (!resource) throw notFound('Invalid Resource identifier specified');
  return resource;
}

export function findMethod(resource: ResourceRecord, httpMethod: string): Method {
  const method = resource.resourceMethods[httpMethod];
  if (!method) throw notFound('Invalid Method identifier specified');
  return method;
}

export function findIntegration(method: Method): Integration {
  if (!method.methodIntegration) throw notFound('Invalid Integration identifier specified');
  return method.methodIntegration;
}

export function findAuthorizer(api: RestApiRecord, authorizerId: string): Authorizer {
  const authorizer = api.authorizers[authorizerId];
  if (!authorizer) throw notFound('Invalid Authorizer identifier specified');
  return authorizer;
}

export function findDeployment(api: RestApiRecord, deploymentId: string): DeploymentRecord {
  const deployment = api.deployments[deploymentId];
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  return deployment;
}

export function findStage(api: RestApiRecord, stageName: string): Stage {
  const stage = api.stages[stageName];
  if (!stage) throw notFound('Invalid Stage identifier specified');
  return stage;
}
