// CreateAuthorizer, GetAuthorizers, GetAuthorizer, UpdateAuthorizer, DeleteAuthorizer.
import type { RestRoute } from '../service.js';
import { badRequest, conflict } from './errors.js';
import { newId } from './ids.js';
import { apiGatewayInput, defined } from './input.js';
import { accepted, created, ok } from './output.js';
import { paginate } from './pagination.js';
import {
  applyPatch,
  patchInteger,
  patchOperationsOf,
  type PatchRule,
  patchValue,
  replaceField,
  stringMember,
} from './patch.js';
import { resourcePath } from './resources.js';
import { type Authorizer, type RestApiRecord, findAuthorizer, type ApiGatewayState } from './state.js';

const AUTHORIZER_TYPES = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];
const DEFAULT_TTL = 300;
const MAX_TTL = 3600;

/** The checks AWS makes of an authorizer as a whole, on create and after an update. */
function checkAuthorizer(authorizer: Authorizer): void {
  if (!authorizer.name) throw badRequest('Authorizer name must be non-empty');
  if (!AUTHORIZER_TYPES.includes(authorizer.type)) {
    throw badRequest(`Invalid authorizer type specified. Valid options are ${AUTHORIZER_TYPES.join(',')}`);
  }
  if (authorizer.type === 'COGNITO_USER_POOLS') {
    if (!authorizer.providerARNs?.length) {
      throw badRequest('ProviderARNs must be specified for authorizers of type COGNITO_USER_POOLS');
    }
  } else if (!authorizer.authorizerUri) {
    throw badRequest(`Authorizer URI must be specified for authorizers of type ${authorizer.type}`);
  }
  if (authorizer.type !== 'REQUEST' && !authorizer.identitySource) {
    throw badRequest(`Identity source must be specified for authorizers of type ${authorizer.type}`);
  }
  const ttl = authorizer.authorizerResultTtlInSeconds;
  if (ttl < 0 || ttl > MAX_TTL) {
    throw badRequest(`Invalid authorizer result TTL specified: must be between 0 and ${MAX_TTL} seconds`);
  }
}

/** AWS keeps an authorizer's name unique in its API, on create and on rename. */
function checkNameFree(api: RestApiRecord, authorizer: Authorizer): void {
  const clash = Object.values(api.authorizers).some((other) => other.id !== authorizer.id && other.name === authorizer.name);
  if (clash) throw badRequest(`Authorizer name must be unique. Authorizer ${authorizer.name} already exists in this RestApi.`);
}

/** 'GET//hello': the method and the resource path, as AWS names a referencing method in its conflict message. */
function methodsUsing(api: RestApiRecord, authorizerId: string): string[] {
  return Object.values(api.resources).flatMap((resource) =>
    Object.values(resource.resourceMethods)
      .filter((method) => method.authorizerId === authorizerId)
      .map((method) => `${method.httpMethod}/${resourcePath(api, resource)}`),
  );
}

const UPDATE_RULES: readonly PatchRule<Authorizer>[] = [
  replaceField('name', patchValue),
  replaceField('type', patchValue),
  replaceField('authorizerResultTtlInSeconds', patchInteger),
  stringMember('/identitySource'),
  stringMember('/identityValidationExpression'),
  stringMember('/authorizerUri'),
  stringMember('/authorizerCredentials'),
  stringMember('/authType'),
  {
    // add or remove /providerARNs with the ARN as value (the form Terraform's provider sends).
    path: '/providerARNs',
    ops: ['add', 'remove'],
    apply(authorizer, operation) {
      const arn = patchValue(operation);
      const current = authorizer.providerARNs ?? [];
      if (operation.op === 'add') {
        authorizer.providerARNs = current.includes(arn) ? current : [...current, arn];
        return;
      }
      if (!current.includes(arn)) throw badRequest(`Invalid patch path '${operation.path}': no such provider ARN`);
      authorizer.providerARNs = current.filter((entry) => entry !== arn);
    },
  },
  {
    // replace /providerARNs/<index> with the new ARN as value; remove /providerARNs/<index or ARN>.
    path: '/providerARNs/{entry}',
    ops: ['replace', 'remove'],
    apply(authorizer, operation, entry) {
      const current = [...(authorizer.providerARNs ?? [])];
      const index = /^\d+$/.test(entry!) ? Number(entry) : current.indexOf(entry!);
      if (index < 0 || index >= current.length) {
        throw badRequest(`Invalid patch path '${operation.path}': no such provider ARN`);
      }
      if (operation.op === 'replace') current[index] = patchValue(operation);
      else current.splice(index, 1);
      authorizer.providerARNs = current;
    },
  },
];

export function authorizerRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/restapis/{restApiId}/authorizers',
      operation: 'CreateAuthorizer',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const body = apiGatewayInput(input.body, 'createAuthorizerInput');
        const type = body.requiredString('type');
        const authorizer: Authorizer = defined({
          id: newId(6, api.authorizers),
          name: body.requiredString('name'),
          type,
          providerARNs: body.stringList('providerARNs'),
          authType: body.string('authType') ?? (type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom'),
          authorizerUri: body.string('authorizerUri'),
          authorizerCredentials: body.string('authorizerCredentials'),
          identitySource: body.string('identitySource'),
          identityValidationExpression: body.string('identityValidationExpression'),
          authorizerResultTtlInSeconds: body.integer('authorizerResultTtlInSeconds') ?? DEFAULT_TTL,
        });
        checkAuthorizer(authorizer);
        checkNameFree(api, authorizer);
        api.authorizers[authorizer.id] = authorizer;
        return created(authorizer);
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/authorizers',
      operation: 'GetAuthorizers',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        return ok(paginate(Object.values(api.authorizers), input.query));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/authorizers/{authorizerId}',
      operation: 'GetAuthorizer',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        return ok(findAuthorizer(api, input.params['authorizerId']!));
      },
    },
    {
      method: 'PATCH',
      path: '/restapis/{restApiId}/authorizers/{authorizerId}',
      operation: 'UpdateAuthorizer',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const authorizer = findAuthorizer(api, input.params['authorizerId']!);
        const updated = applyPatch(authorizer, patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        checkAuthorizer(updated);
        checkNameFree(api, updated);
        api.authorizers[authorizer.id] = updated;
        return ok(updated);
      },
    },
    {
      method: 'DELETE',
      path: '/restapis/{restApiId}/authorizers/{authorizerId}',
      operation: 'DeleteAuthorizer',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const authorizer = findAuthorizer(api, input.params['authorizerId']!);
        const [firstUse] = methodsUsing(api, authorizer.id);
        if (firstUse !== undefined) {
          throw conflict(`Cannot delete authorizer '${authorizer.name}', is referenced in method: ${firstUse}`);
        }
        delete api.authorizers[authorizer.id];
        return accepted();
      },
    },
  ];
}
