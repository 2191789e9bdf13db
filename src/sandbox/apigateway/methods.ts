// PutMethod, GetMethod, UpdateMethod, DeleteMethod.
import { own, type RestRoute } from '../service.js';
import { badRequest, conflict } from './errors.js';
import { apiGatewayInput, defined } from './input.js';
import { noContent, created, ok } from './output.js';
import {
  applyPatch,
  mapEntry,
  patchBoolean,
  patchOperationsOf,
  type PatchRule,
  patchValue,
  replaceField,
  stringMember,
} from './patch.js';
import { type Method, type RestApiRecord, findResource, type ApiGatewayState } from './state.js';

const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];
/** The authorizer types each authorizer-backed authorization type may point at. */
const AUTHORIZER_TYPES_FOR: Record<string, string[]> = {
  CUSTOM: ['TOKEN', 'REQUEST'],
  COGNITO_USER_POOLS: ['COGNITO_USER_POOLS'],
};

export function checkHttpMethod(httpMethod: string): void {
  if (!HTTP_METHODS.includes(httpMethod)) {
    throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
  }
}

/**
 * Brings a method's authorization into the form AWS keeps: CUSTOM and COGNITO_USER_POOLS need an existing
 * authorizer of a matching type; other types ignore an authorizerId.
 */
function settleAuthorization(api: RestApiRecord, method: Method): Method {
  if (!AUTHORIZATION_TYPES.includes(method.authorizationType)) {
    throw badRequest(`Invalid authorization type specified. Valid options are ${AUTHORIZATION_TYPES.join(',')}`);
  }
  const allowedAuthorizerTypes = AUTHORIZER_TYPES_FOR[method.authorizationType];
  if (!allowedAuthorizerTypes) {
    const { authorizerId: _ignored, ...rest } = method;
    return rest;
  }
  const authorizer = method.authorizerId === undefined ? undefined : api.authorizers[method.authorizerId];
  if (!authorizer || !allowedAuthorizerTypes.includes(authorizer.type)) {
    throw badRequest(
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  }
  return method;
}

function scopeList(value: string): string[] {
  return value
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0);
}

const UPDATE_RULES: readonly PatchRule<Method>[] = [
  {
    path: '/authorizationType',
    ops: ['replace'],
    apply(method, operation) {
      method.authorizationType = patchValue(operation).toUpperCase();
    },
  },
  stringMember('/authorizerId'),
  stringMember('/operationName'),
  stringMember('/requestValidatorId'),
  replaceField('apiKeyRequired', patchBoolean),
  {
    // add and remove take one scope; replace takes the whole list, comma-separated.
    path: '/authorizationScopes',
    ops: ['add', 'remove', 'replace'],
    apply(method, operation) {
      const given = scopeList(operation.value ?? '');
      const current = method.authorizationScopes ?? [];
      const next =
        operation.op === 'replace'
          ? given
          : operation.op === 'add'
            ? [...current, ...given.filter((scope) => !current.includes(scope))]
            : operation.value === undefined
              ? []
              : current.filter((scope) => !given.includes(scope));
      if (next.length > 0) method.authorizationScopes = next;
      else delete method.authorizationScopes;
    },
  },
  {
    path: '/requestParameters/{name}',
    ops: ['add', 'replace', 'remove'],
    apply(method, operation, name) {
      const parameters = { ...(method.requestParameters ?? {}) };
      if (operation.op === 'remove') delete parameters[name!];
      else parameters[name!] = patchBoolean(operation);
      if (Object.keys(parameters).length > 0) method.requestParameters = parameters;
      else delete method.requestParameters;
    },
  },
  mapEntry('/requestModels/{contentType}'),
];

export function methodRoutes(state: ApiGatewayState): RestRoute[] {
  const base = '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}';
  return [
    {
      method: 'PUT',
      path: base,
      operation: 'PutMethod',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const resource = findResource(api, input.params['resourceId']!);
        const httpMethod = input.params['httpMethod']!;
        checkHttpMethod(httpMethod);
        const body = apiGatewayInput(input.body, 'putMethodInput');
        const method = settleAuthorization(
          api,
          defined({
            httpMethod,
            authorizationType: body.requiredString('authorizationType').toUpperCase(),
            authorizerId: body.string('authorizerId'),
            apiKeyRequired: body.boolean('apiKeyRequired') ?? false,
            authorizationScopes: body.stringList('authorizationScopes'),
            operationName: body.string('operationName'),
            requestValidatorId: body.string('requestValidatorId'),
            requestParameters: body.booleanMap('requestParameters'),
            requestModels: body.stringMap('requestModels'),
          }),
        );
        if (own(resource.resourceMethods, httpMethod)) throw conflict('Method already exists for this resource');
        resource.resourceMethods[httpMethod] = method;
        return created(method);
      },
    },
    {
      method: 'GET',
      path: base,
      operation: 'GetMethod',
      handler(input, ctx) {
        return ok(state.method(ctx, input.params).method);
      },
    },
    {
      method: 'PATCH',
      path: base,
      operation: 'UpdateMethod',
      handler(input, ctx) {
        const { api, resource, method } = state.method(ctx, input.params);
        const patched = applyPatch(method, patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        const updated = settleAuthorization(api, patched);
        resource.resourceMethods[method.httpMethod] = updated;
        return ok(updated);
      },
    },
    {
      method: 'DELETE',
      path: base,
      operation: 'DeleteMethod',
      handler(input, ctx) {
        const { resource, method } = state.method(ctx, input.params);
        delete resource.resourceMethods[method.httpMethod];
        return noContent();
      },
    },
  ];
}
