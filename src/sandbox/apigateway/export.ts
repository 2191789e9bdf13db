// GetExport: a stage's deployed snapshot as an OpenAPI 3.0 or Swagger 2.0 document (JSON), with the
// x-amazon-apigateway-integration and x-amazon-apigateway-authorizer extensions on request. The grader
// reads what is deployed (integration URIs, authorizer pools) from it.
import { executeApiHost } from '../../aws/execute-api.js';
import { isoSeconds } from '../ids.js';
import type { RestRoute } from '../service.js';
import { badRequest } from './errors.js';
import { ok } from './output.js';
import { type Authorizer, type DeployedResource, type DeploymentRecord, type Integration, type Method, type RestApi, findDeployment, findStage, type ApiGatewayState } from './state.js';

type Json = Record<string, unknown>;
type ExportType = 'oas30' | 'swagger';

interface Extensions {
  integrations: boolean;
  authorizers: boolean;
}

/** `extensions=integrations,authorizers`; `apigateway` asks for every API Gateway extension. */
function extensionsOf(query: URLSearchParams): Extensions {
  const names = query.getAll('extensions').flatMap((value) => value.split(',').map((name) => name.trim()));
  const all = names.includes('apigateway');
  return { integrations: all || names.includes('integrations'), authorizers: all || names.includes('authorizers') };
}

/** The header an authorizer reads its token from: method.request.header.Authorization -> Authorization. */
function headerName(identitySource: string | undefined): string {
  return /^method\.request\.header\.([^,\s]+)$/.exec(identitySource ?? '')?.[1] ?? 'Authorization';
}

function integrationExtension(integration: Integration): Json {
  return Object.fromEntries(
    Object.entries({
      type: integration.type.toLowerCase(),
      httpMethod: integration.httpMethod,
      uri: integration.uri,
      credentials: integration.credentials,
      requestParameters: integration.requestParameters,
      requestTemplates: integration.requestTemplates,
      passthroughBehavior: integration.passthroughBehavior.toLowerCase(),
      contentHandling: integration.contentHandling,
      timeoutInMillis: integration.timeoutInMillis,
      cacheNamespace: integration.cacheNamespace,
      cacheKeyParameters: integration.cacheKeyParameters,
      responses: integration.integrationResponses
        ? Object.fromEntries(
            Object.values(integration.integrationResponses).map((response) => [
              response.selectionPattern ?? 'default',
              { statusCode: response.statusCode },
            ]),
          )
        : undefined,
    }).filter(([, value]) => value !== undefined),
  );
}

function securityScheme(authorizer: Authorizer, withExtension: boolean): Json {
  const cognito = authorizer.type === 'COGNITO_USER_POOLS';
  const extension = Object.fromEntries(
    Object.entries({
      type: authorizer.type.toLowerCase(),
      providerARNs: authorizer.providerARNs,
      authorizerUri: authorizer.authorizerUri,
      authorizerCredentials: authorizer.authorizerCredentials,
      identitySource: authorizer.type === 'REQUEST' ? authorizer.identitySource : undefined,
      identityValidationExpression: authorizer.identityValidationExpression,
      authorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
    }).filter(([, value]) => value !== undefined),
  );
  return {
    type: 'apiKey',
    name: headerName(authorizer.identitySource),
    in: 'header',
    'x-amazon-apigateway-authtype': authorizer.authType ?? (cognito ? 'cognito_user_pools' : 'custom'),
    ...(withExtension ? { 'x-amazon-apigateway-authorizer': extension } : {}),
  };
}

function operation(
  resource: DeployedResource,
  method: Method,
  deployment: DeploymentRecord,
  type: ExportType,
  extensions: Extensions,
): Json {
  const pathParameters = (resource.path.match(/\{[^}]+\}/g) ?? []).map((part) => {
    const name = part.slice(1, -1).replace(/\+$/, '');
    const schema = type === 'oas30' ? { schema: { type: 'string' } } : { type: 'string' };
    return { name, in: 'path', required: true, ...schema };
  });
  const authorizer = method.authorizerId === undefined ? undefined : deployment.authorizers[method.authorizerId];
  return {
    ...(pathParameters.length > 0 ? { parameters: pathParameters } : {}),
    responses: Object.fromEntries(
      Object.keys(method.methodResponses ?? {}).map((code) => [code, { description: `${code} response` }]),
    ),
    ...(method.authorizationType === 'AWS_IAM' ? { security: [{ sigv4: [] }] } : {}),
    ...(authorizer ? { security: [{ [authorizer.name]: method.authorizationScopes ?? [] }] } : {}),
    ...(extensions.integrations && method.methodIntegration
      ? { 'x-amazon-apigateway-integration': integrationExtension(method.methodIntegration) }
      : {}),
  };
}

function document(
  api: RestApi,
  deployment: DeploymentRecord,
  stageName: string,
  region: string,
  type: ExportType,
  extensions: Extensions,
): Json {
  const paths = Object.fromEntries(
    deployment.resources.map((resource) => [
      resource.path,
      Object.fromEntries(
        Object.entries(resource.resourceMethods).map(([name, method]) => [
          name === 'ANY' ? 'x-amazon-apigateway-any-method' : name.toLowerCase(),
          operation(resource, method, deployment, type, extensions),
        ]),
      ),
    ]),
  );
  const usedAuthorizers = Object.values(deployment.authorizers).filter((authorizer) =>
    deployment.resources.some((resource) =>
      Object.values(resource.resourceMethods).some((method) => method.authorizerId === authorizer.id),
    ),
  );
  const schemes = Object.fromEntries(
    usedAuthorizers.map((authorizer) => [authorizer.name, securityScheme(authorizer, extensions.authorizers)]),
  );
  const info = {
    title: api.name,
    ...(api.description ? { description: api.description } : {}),
    version: isoSeconds(new Date(deployment.createdDate * 1000)),
  };
  const host = executeApiHost(api.id, region);
  if (type === 'swagger') {
    return {
      swagger: '2.0',
      info,
      host,
      basePath: `/${stageName}`,
      schemes: ['https'],
      paths,
      ...(usedAuthorizers.length > 0 ? { securityDefinitions: schemes } : {}),
    };
  }
  return {
    openapi: '3.0.1',
    info,
    servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stageName } } }],
    paths,
    components: usedAuthorizers.length > 0 ? { securitySchemes: schemes } : {},
  };
}

export function exportRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'GET',
      path: '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}',
      operation: 'GetExport',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const stage = findStage(api, input.params['stageName']!);
        const exportType = input.params['exportType'];
        if (exportType !== 'oas30' && exportType !== 'swagger') {
          throw badRequest(`Invalid export type specified: ${exportType}. Valid options are oas30, swagger`);
        }
        const accept = input.headers['accept'] ?? 'application/json';
        if (accept.includes('yaml')) throw badRequest('Only application/json exports are supported by this sandbox');
        const deployment = findDeployment(api, stage.deploymentId);
        const body = document(api.restApi, deployment, stage.stageName, ctx.region, exportType, extensionsOf(input.query));
        return {
          ...ok(Buffer.from(JSON.stringify(body, null, 2))),
          headers: {
            'content-type': 'application/json',
            'content-disposition': `attachment; filename="${exportType}_${stage.stageName}.json"`,
          },
        };
      },
    },
  ];
}
