// Which deployed method a request reaches: resource path templates ('/hello', '/pets/{id}', '/{proxy+}')
// matched against the path, the most specific first, then the method (or ANY). Routing happens before
// any authorizer runs, so an unknown path or method never yields a 401.

import type { DeployedResource, DeployedStage, Method } from '../apigateway/index.js';

export interface RouteMatch {
  resource: DeployedResource;
  method: Method;
  /** Template variables, URL-decoded; null when the template has none (as the proxy event carries it). */
  pathParameters: Record<string, string> | null;
}

interface ResourceMatch {
  resource: DeployedResource;
  params: Record<string, string>;
  /** Per segment: 2 literal, 1 variable, 0 greedy; compared left to right, higher wins. */
  specificity: number[];
}

const segmentsOf = (path: string): string[] => path.split('/').filter((segment) => segment !== '');

function matchResource(resource: DeployedResource, actual: readonly string[]): ResourceMatch | undefined {
  const template = segmentsOf(resource.path);
  const params: Record<string, string> = {};
  const specificity: number[] = [];
  for (const [index, part] of template.entries()) {
    const variable = /^\{(.+?)(\+)?\}$/.exec(part);
    if (variable?.[2]) {
      const rest = actual.slice(index);
      if (rest.length === 0 || index !== template.length - 1) return undefined;
      params[variable[1] as string] = rest.join('/');
      specificity.push(0);
      return { resource, params, specificity };
    }
    const value = actual[index];
    if (value === undefined || value === '') return undefined;
    if (variable) {
      params[variable[1] as string] = value;
      specificity.push(1);
    } else if (value === part) {
      specificity.push(2);
    } else {
      return undefined;
    }
  }
  return template.length === actual.length ? { resource, params, specificity } : undefined;
}

function moreSpecificFirst(a: ResourceMatch, b: ResourceMatch): number {
  for (let i = 0; i < Math.max(a.specificity.length, b.specificity.length); i++) {
    const difference = (b.specificity[i] ?? -1) - (a.specificity[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** `path` is the request path after the stage (percent-encoded, as received). */
export function matchRoute(stage: DeployedStage, httpMethod: string, path: string): RouteMatch | undefined {
  let actual: string[];
  try {
    actual = segmentsOf(path).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const candidates = stage.resources
    .map((resource) => matchResource(resource, actual))
    .filter((match): match is ResourceMatch => match !== undefined)
    .sort(moreSpecificFirst);
  for (const { resource, params } of candidates) {
    const method = resource.resourceMethods[httpMethod] ?? resource.resourceMethods.ANY;
    if (method) return { resource, method, pathParameters: Object.keys(params).length ? params : null };
  }
  return undefined;
}
