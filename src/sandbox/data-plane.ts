// The hook between the HTTP core and the API Gateway data plane (execute-api/): which requests are for it,
// and what it is handed. The data plane itself is in execute-api/.

import { EXECUTE_API_PATH_PREFIX } from '../aws/execute-api.js';
import type { RequestContext } from './service.js';
import type { WireRequest, WireResponse } from './protocols/types.js';

export interface ExecuteApiTarget {
  apiId: string;
  stage: string;
  /** The resource path after the stage, with a leading slash: /hello. */
  path: string;
}

/** A data plane request keeps what the proxy event needs and the core normally drops. */
export interface DataPlaneRequest extends WireRequest {
  /** Header names as sent, alternating with their values (node's rawHeaders). */
  rawHeaders: readonly string[];
  sourceIp: string;
  /** HTTP/1.1 */
  protocol: string;
}

export type DataPlaneHandler = (request: DataPlaneRequest, target: ExecuteApiTarget, ctx: RequestContext) => Promise<WireResponse>;

const HOST = /^([a-z0-9]+)\.execute-api\.localhost(?::\d+)?$/i;

/** `<apiId>.execute-api.localhost`, the sandbox's own name for an API (without a port). */
export function isExecuteApiHostname(hostname: string): boolean {
  return HOST.test(hostname) && !hostname.includes(':');
}

/** `/_aws/execute-api/<apiId>/<stage>/<path>`, or `Host: <apiId>.execute-api.localhost` with `/<stage>/<path>`. */
export function executeApiTarget(url: URL, host: string | undefined): ExecuteApiTarget | undefined {
  let apiId: string;
  let stagePath: string;
  const hostMatch = host ? HOST.exec(host) : null;
  if (hostMatch) {
    apiId = hostMatch[1] as string;
    stagePath = url.pathname;
  } else if (url.pathname.startsWith(EXECUTE_API_PATH_PREFIX)) {
    const tail = url.pathname.slice(EXECUTE_API_PATH_PREFIX.length);
    const slash = tail.indexOf('/');
    apiId = slash < 0 ? tail : tail.slice(0, slash);
    stagePath = slash < 0 ? '/' : tail.slice(slash);
  } else {
    return undefined;
  }
  const [, stage = '', ...path] = stagePath.split('/');
  return apiId ? { apiId, stage, path: `/${path.join('/')}` } : undefined;
}
