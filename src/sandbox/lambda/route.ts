// Lambda's REST routes live under its API version; the area files build them with this.

import type { RestOutput, RestRoute } from '../service.js';

const BASE = '/2015-03-31/functions';

export const route = (method: RestRoute['method'], path: string, operation: string, handler: RestRoute['handler']): RestRoute =>
  ({ method, path: `${BASE}${path}`, operation, handler });

export const ok = (body: unknown, status = 200): RestOutput => ({ status, body });
