// The API Gateway control plane's state, per account and region, and where handlers find their records
// (failing with AWS's NotFoundException messages when an identifier does not resolve). Records are stored
// in the JSON shapes AWS returns (restJson1, timestamps as epoch seconds), so handlers can answer with copies
// of them and the whole state round-trips through JSON for persistence.

import { versionedState } from '../persistence.js';
import { own, ScopedState, type Persistable, type RequestContext } from '../service.js';
import { notFound } from './errors.js';

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  createdDate: number;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: string;
  endpointConfiguration: { types: string[] };
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  policy?: string;
  tags?: Record<string, string>;
}

export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface Integration {
  type: string;
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  integrationResponses?: Record<string, IntegrationResponse>;
}

export interface MethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface Method {
  httpMethod: string;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  authorizationScopes?: string[];
  operationName?: string;
  requestValidatorId?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  methodResponses?: Record<string, MethodResponse>;
  methodIntegration?: Integration;
}

/** A resource as stored: its path is derived from the parent chain, so moving a resource moves its subtree. */
export interface ResourceRecord {
  id: string;
  parentId?: string;
  pathPart?: string;
  resourceMethods: Record<string, Method>;
}

export interface Authorizer {
  id: string;
  name: string;
  type: string;
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds: number;
}

/** A resource frozen into a deployment, with its path as it was then. */
export interface DeployedResource {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods: Record<string, Method>;
}

export interface DeploymentRecord {
  id: string;
  description?: string;
  createdDate: number;
  /** Deep copies taken at CreateDeployment: later edits to the API do not reach them. */
  resources: DeployedResource[];
  authorizers: Record<string, Authorizer>;
}

export interface Stage {
  stageName: string;
  deploymentId: string;
  description?: string;
  cacheClusterEnabled: boolean;
  cacheClusterStatus: string;
  methodSettings: Record<string, unknown>;
  variables?: Record<string, string>;
  tracingEnabled: boolean;
  tags?: Record<string, string>;
  createdDate: number;
  lastUpdatedDate: number;
}

export interface RestApiRecord {
  restApi: RestApi;
  resources: Record<string, ResourceRecord>;
  authorizers: Record<string, Authorizer>;
  deployments: Record<string, DeploymentRecord>;
  stages: Record<string, Stage>;
}

export interface RegionState {
  restApis: Record<string, RestApiRecord>;
}

function emptyRegionState(): RegionState {
  return { restApis: {} };
}

/** AWS's JSON protocol carries timestamps as epoch seconds. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export type Scope = Pick<RequestContext, 'accountId' | 'region'>;

export interface ApiGatewayOptions {
  /**
   * How an unknown REST API id is reported. Current AWS answers GetRestApi and friends with
   * `Invalid API identifier specified <account>:<id>`; older answers (and some operations) read
   * `Invalid REST API identifier specified`. Default: 'with-account'.
   */
  restApiNotFoundMessage?: 'with-account' | 'legacy';
}

export class ApiGatewayState {
  private readonly scoped = new ScopedState<RegionState>(emptyRegionState);
  constructor(private readonly options: ApiGatewayOptions = {}) {}

  readonly persistence: Persistable = versionedState(
    { service: 'apigateway', version: 1, members: ['scopes'] },
    () => ({ scopes: this.scoped.toJSON() }),
    ({ scopes }) => this.scoped.load(scopes),
  );

  region(scope: Scope): RegionState {
    return this.scoped.get(scope);
  }

  /** The account and region that hold a REST API: the data plane is unsigned, and API ids are unique. */
  locateRestApi(restApiId: string): Scope | undefined {
    for (const [key, region] of this.scoped.entries()) {
      if (!Object.hasOwn(region.restApis, restApiId)) continue;
      const [accountId = '', regionName = ''] = key.split('/');
      return { accountId, region: regionName };
    }
    return undefined;
  }

  restApi(scope: Scope, restApiId: string): RestApiRecord {
    const api = own(this.region(scope).restApis, restApiId);
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
  const resource = own(api.resources, resourceId);
  if (!resource) throw notFound('Invalid Resource identifier specified');
  return resource;
}

export function findMethod(resource: ResourceRecord, httpMethod: string): Method {
  const method = own(resource.resourceMethods, httpMethod);
  if (!method) throw notFound('Invalid Method identifier specified');
  return method;
}

export function findIntegration(method: Method): Integration {
  if (!method.methodIntegration) throw notFound('Invalid Integration identifier specified');
  return method.methodIntegration;
}

export function findAuthorizer(api: RestApiRecord, authorizerId: string): Authorizer {
  const authorizer = own(api.authorizers, authorizerId);
  if (!authorizer) throw notFound('Invalid Authorizer identifier specified');
  return authorizer;
}

export function findDeployment(api: RestApiRecord, deploymentId: string): DeploymentRecord {
  const deployment = own(api.deployments, deploymentId);
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  return deployment;
}

export function findStage(api: RestApiRecord, stageName: string): Stage {
  const stage = own(api.stages, stageName);
  if (!stage) throw notFound('Invalid Stage identifier specified');
  return stage;
}
