// CreateResource, GetResources, GetResource, UpdateResource, DeleteResource, and the resource tree
// helpers other operations share (paths, embedding methods).
import type { RestRoute } from '../service.js';
import { badRequest, conflict } from './errors.js';
import { newId } from './ids.js';
import { apiGatewayInput } from './input.js';
import { accepted, created, ok } from './output.js';
import { paginate } from './pagination.js';
import { applyPatch, patchOperationsOf, type PatchRule, patchValue, replaceField } from './patch.js';
import { type Method, type ResourceRecord, type RestApiRecord, findResource, type ApiGatewayState } from './state.js';

const PATH_PART = /^(?:[a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$/;
const isVariable = (pathPart: string | undefined): boolean => pathPart?.startsWith('{') ?? false;
const isGreedy = (pathPart: string | undefined): boolean => pathPart?.endsWith('+}') ?? false;

export function resourcePath(api: RestApiRecord, resource: ResourceRecord): string {
  const parts: string[] = [];
  for (let current: ResourceRecord | undefined = resource; current?.pathPart !== undefined; ) {
    parts.unshift(current.pathPart);
    current = current.parentId === undefined ? undefined : api.resources[current.parentId];
  }
  return `/${parts.join('/')}`;
}

function children(api: RestApiRecord, parentId: string): ResourceRecord[] {
  return Object.values(api.resources).filter((resource) => resource.parentId === parentId);
}

/** The resource as AWS returns it. Without embed, each method is an empty object: only its name is listed. */
export function renderResource(api: RestApiRecord, resource: ResourceRecord, embedMethods: boolean): object {
  const methods = Object.entries(resource.resourceMethods);
  return {
    id: resource.id,
    ...(resource.parentId === undefined ? {} : { parentId: resource.parentId, pathPart: resource.pathPart }),
    path: resourcePath(api, resource),
    ...(methods.length === 0
      ? {}
      : {
          resourceMethods: Object.fromEntries(
            methods.map(([name, method]): [string, Method | object] => [name, embedMethods ? method : {}]),
          ),
        }),
  };
}

const embedsMethods = (query: URLSearchParams): boolean =>
  query.getAll('embed').some((value) => value.split(',').includes('methods'));

/** The checks AWS makes for a resource at a (new) place in the tree. */
function checkPlacement(api: RestApiRecord, resource: Pick<ResourceRecord, 'id' | 'parentId' | 'pathPart'>): void {
  const pathPart = resource.pathPart!;
  if (!PATH_PART.test(pathPart)) {
    throw badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  const parent = findResource(api, resource.parentId!);
  if (isGreedy(parent.pathPart)) {
    throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  }
  const siblings = children(api, parent.id).filter((sibling) => sibling.id !== resource.id);
  if (siblings.some((sibling) => sibling.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  }
  const variableSibling = siblings.find((sibling) => isVariable(sibling.pathPart));
  if (isVariable(pathPart) && variableSibling) {
    throw badRequest(
      `A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  }
}

const UPDATE_RULES: readonly PatchRule<ResourceRecord>[] = [
  replaceField('pathPart', patchValue),
  replaceField('parentId', patchValue),
];

function isDescendant(api: RestApiRecord, candidateId: string, ancestorId: string): boolean {
  for (let current = api.resources[candidateId]; current; current = api.resources[current.parentId ?? '']) {
    if (current.id === ancestorId) return true;
  }
  return false;
}

function deleteSubtree(api: RestApiRecord, resourceId: string): void {
  for (const child of children(api, resourceId)) deleteSubtree(api, child.id);
  delete api.resources[resourceId];
}

export function resourceRoutes(state: ApiGatewayState): RestRoute[] {
  return [
    {
      method: 'POST',
      path: '/restapis/{restApiId}/resources/{parentId}',
      operation: 'CreateResource',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const parentId = input.params['parentId']!;
        findResource(api, parentId);
        const pathPart = apiGatewayInput(input.body, 'createResourceInput').requiredString('pathPart');
        const resource: ResourceRecord = { id: newId(6, api.resources), parentId, pathPart, resourceMethods: {} };
        checkPlacement(api, resource);
        api.resources[resource.id] = resource;
        return created(renderResource(api, resource, false));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/resources',
      operation: 'GetResources',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const embed = embedsMethods(input.query);
        const all = Object.values(api.resources).map((resource) => renderResource(api, resource, embed));
        return ok(paginate(all, input.query));
      },
    },
    {
      method: 'GET',
      path: '/restapis/{restApiId}/resources/{resourceId}',
      operation: 'GetResource',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const resource = findResource(api, input.params['resourceId']!);
        return ok(renderResource(api, resource, embedsMethods(input.query)));
      },
    },
    {
      method: 'PATCH',
      path: '/restapis/{restApiId}/resources/{resourceId}',
      operation: 'UpdateResource',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const resource = findResource(api, input.params['resourceId']!);
        if (resource.parentId === undefined) throw badRequest('Cannot modify the root resource');
        const updated = applyPatch(resource, patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        if (isDescendant(api, updated.parentId!, resource.id)) throw badRequest('Resources cannot be cyclical.');
        checkPlacement(api, updated);
        api.resources[resource.id] = updated;
        return ok(renderResource(api, updated, false));
      },
    },
    {
      method: 'DELETE',
      path: '/restapis/{restApiId}/resources/{resourceId}',
      operation: 'DeleteResource',
      handler(input, ctx) {
        const api = state.restApi(ctx, input.params['restApiId']!);
        const resource = findResource(api, input.params['resourceId']!);
        if (resource.parentId === undefined) throw badRequest('Cannot delete the root resource');
        deleteSubtree(api, resource.id);
        return accepted();
      },
    },
  ];
}
