// The REST API as the lab builds it: the method under test (GET /hello) and the ARN API Gateway calls Lambda with.
import type { LabSpec } from '../../src/lab/types.js';
import type { ApiMethod, ApiResource } from '../../src/snapshot/types.js';

export function resourceAt(resources: readonly ApiResource[], path: string): ApiResource | undefined {
  return resources.find((resource) => resource.path === path);
}

/**
 * The method API Gateway runs for the lab's call (GET on /hello): GET, or else ANY, which serves every HTTP
 * method the resource has no method of its own for.
 */
export function methodUnderTest(resources: readonly ApiResource[], lab: LabSpec): ApiMethod | undefined {
  const methods = resourceAt(resources, lab.names.resourcePath)?.methods;
  return methods?.[lab.names.httpMethod] ?? methods?.['ANY'];
}

/**
 * The execute-api ARN API Gateway presents as AWS:SourceArn when the stage calls the method:
 * arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>.
 */
export function executeApiArn(where: { partition: string; region: string; account: string }, apiId: string, lab: LabSpec): string {
  const { partition, region, account } = where;
  return `arn:${partition}:execute-api:${region}:${account}:${apiId}/${lab.names.stage}/${lab.names.httpMethod}${lab.names.resourcePath}`;
}
