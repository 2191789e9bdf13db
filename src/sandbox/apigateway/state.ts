// The API Gateway control plane's state, per account and region. Records are stored in the JSON shapes
// AWS returns (restJson1, timestamps as epoch seconds), so handlers can answer with copies of them and
// the whole state round-trips through JSON for persistence.

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

export function emptyRegionState(): RegionState {
  return { restApis: {} };
}

/** AWS's JSON protocol carries timestamps as epoch seconds. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
