// CreateRestApi, GetRestApis, GetRestApi, UpdateRestApi, DeleteRestApi.
import type { RestRoute } from '../service.js';
import { badRequest } from './errors.js';
import { newId } from './ids.js';
import { apiGatewayInput, defined } from './input.js';
import { accepted, created, ok } from './output.js';
import { paginate } from './pagination.js';
import {
  applyPatch,
  patchBoolean,
  patchOperationsOf,
  type PatchRule,
  patchValue,
  replaceField,
  stringMember,
} from './patch.js';
import { epochSeconds, type RestApi, type ApiGatewayState } from './state.js';

const API_KEY_SOURCES = ['HEADER', 'AUTHORIZER'];
const MAX_COMPRESSION_SIZE = 10485760;

function checkCompressionSize(size: number | undefined): void {
  if (size !== undefined && (size < 0 || size > MAX_COMPRESSION_SIZE)) {
    throw badRequest(`Invalid minimum compression size, must be between 0 and ${MAX_COMPRESSION_SIZE}`);
  }
}

function checkApiKeySource(source: string): void {
  if (!API_KEY_SOURCES.includes(source)) {
    throw badRequest(`Invalid API Key source specified. Valid options are ${API_KEY_SOURCES.join(',')}`);
  }
}

const UPDATE_RULES: readonly PatchRule<RestApi>[] = [
  replaceField('name', patchValue),
  stringMember('/description'),
  stringMember('/version'),
  stringMember('/policy'),
  {
    path: '/apiKeySource',
    ops: ['replace'],
    apply(api, operation) {
      checkApiKeySource(patchValue(operation));
      api.apiKeySource = patchValue(operation);
    },
  },
  replaceField('disableExecuteApiEndpoint', patchBoolean),
  {
    path: '/minimumCompressionSize',
    ops: ['replace'],
    apply(api, operation) {
      // An empty value turns compression off.
      if (!operation.value) {
        delete api.minimumCompressionSize;
        return;
      }
      const size = Number(operation.value);
      checkCompressionSize(Number.isInteger(size) ? size : -1);
      api.minimumCompressionSize = size;
    },
  },
  {
    // The media type is the last path segment, '/' escaped as '~1': /binaryMediaTypes/image~1png.
    path: '/binaryMediaTypes/{mediaType}',
    ops: ['add', 'remove'],
    apply(api, operation, mediaType) {
      const types = (api.binaryMediaTypes ?? []).filter((type) => type !== mediaType);
      if (operation.op === 'add') types.push(mediaType!);
      if (types.length > 0) api.binaryMediaTypes = types;
      else delete api.binaryMediaTypes;
    },
  },
];

export function restApiRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/restapis',
      operation: 'CreateRestApi',
      handler(input, ctx) {
        const body = apiGatewayInput(input.body, 'createRestApiInput');
        const region = state.region(ctx);
        const apiKeySource = body.string('apiKeySource') ?? 'HEADER';
        checkApiKeySource(apiKeySource);
        const minimumCompressionSize = body.integer('minimumCompressionSize');
        checkCompressionSize(minimumCompressionSize);
        const endpointTypes = body.struct('endpointConfiguration')?.any('types');
        const rootResourceId = newId(10);
        const restApi: RestApi = defined({
          id: newId(10, region.restApis),
          name: body.requiredString('name'),
          description: body.string('description'),
          createdDate: epochSeconds(ctx.now),
          version: body.string('version'),
          binaryMediaTypes: body.stringList('binaryMediaTypes'),
          minimumCompressionSize,
          apiKeySource,
          endpointConfiguration: {
            types: Array.isArray(endpointTypes) && endpointTypes.length > 0 ? endpointTypes.map(String) : ['EDGE'],
          },
          policy: body.string('policy'),
          tags: body.stringMap('tags'),
          disableExecuteApiEndpoint: body.boolean('disableExecuteApiEndpoint') ?? false,
          rootResourceId,
        });
        region.restApis[restApi.id] = {
          restApi,
          resources: { [rootResourceId]: { id: rootResourceId, resourceMethods: {} } },
          authorizers: {},
          deployments: {},
          stages: {},
        };
        return created(restApi);
      },
    },
    {
      method: 'GET',
      path: '/restapis',
      operation: 'GetRestApis',
      handler(input, ctx) {
        const apis = Object.values(state.region(ctx).restApis).map((record) => record.restApi);
        return ok(paginate(apis, input.query));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}',
      operation: 'GetRestApi',
      handler(input, ctx) {
        return ok(state.restApi(ctx, input.params['restApiId']!).restApi);
      },
    },
    {
      method: 'PATCH',
      path: '/restapis/{restApiId}',
      operation: 'UpdateRestApi',
      handler(input, ctx) {
        const record = state.restApi(ctx, input.params['restApiId']!);
        record.restApi = applyPatch(record.restApi, patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        return ok(record.restApi);
      },
    },
    {
      method: 'DELETE',
      path: '/restapis/{restApiId}',
      operation: 'DeleteRestApi',
      handler(input, ctx) {
        const id = input.params['restApiId']!;
        state.restApi(ctx, id);
        delete state.region(ctx).restApis[id];
        return accepted();
      },
    },
  ];
}
