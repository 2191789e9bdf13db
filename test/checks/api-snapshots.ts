// Changes to the complete snapshot's API that several API Gateway check tests make: GET /hello, and resources
// the grader could not read.
import type { ApiMethod, Snapshot } from '../../src/snapshot/types.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

/** GET /hello of `s`, to change it in place inside a mutation. */
export function helloGet(s: Snapshot): ApiMethod {
  const method = value(s.apigateway.resources).find((resource) => resource.path === '/hello')?.methods['GET'];
  if (!method) throw new Error('the complete fixture has GET /hello');
  return method;
}

export const withHelloGet = (change: Partial<ApiMethod>) => mutate(complete, (s) => void Object.assign(helloGet(s), change));

/** /hello has a POST where GET should be. */
export const withoutHelloGet = mutate(complete, (s) => {
  const hello = value(s.apigateway.resources).find((r) => r.path === '/hello');
  if (hello) hello.methods = { POST: { ...helloGet(s), httpMethod: 'POST' } };
});

export const resourcesDenied = mutate(complete, (s) => void (s.apigateway.resources = denied('apigateway:GetResources')));
export const resourcesSkipped = mutate(complete, (s) => void (s.apigateway.resources = notLookedFor()));

/** /hello has ANY (with GET's settings) instead of GET: ANY serves GET. */
export const withHelloAny = mutate(complete, (s) => {
  const hello = value(s.apigateway.resources).find((r) => r.path === '/hello');
  if (hello) hello.methods = { ANY: { ...helloGet(s), httpMethod: 'ANY' } };
});
