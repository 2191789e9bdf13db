// restJson1: the operation is the HTTP method and path; JSON bodies; errors named by x-amzn-ErrorType.

import { AwsError, type RestJsonService, type RestRoute } from '../service.js';
import type { RestProfile } from '../profiles.js';
import type { Protocol, WireResponse } from './types.js';
import { mediaTypeOf, unsupportedMediaType } from './content-type.js';

export interface RestBinding {
  profile: RestProfile;
  service: RestJsonService;
}

export interface RouteMatch {
  route: RestRoute;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Segment-by-segment match; `{name+}` takes the rest. A trailing slash is ignored, as AWS does. */
export function matchRoute(routes: readonly RestRoute[], method: string, pathname: string): RouteMatch | undefined {
  let actual: string[];
  try {
    actual = segments(pathname).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = segments(route.path);
    const params: Record<string, string> = {};
    let matched = true;
    for (const [index, part] of pattern.entries()) {
      const name = /^\{(.+?)(\+)?\}$/.exec(part);
      if (name?.[2]) {
        const rest = actual.slice(index);
        matched = rest.length > 0;
        params[name[1] as string] = rest.join('/');
        actual = actual.slice(0, index + 1);
        break;
      }
      const value = actual[index];
      if (value === undefined || (name ? value === '' : value !== part)) {
        matched = false;
        break;
      }
      if (name) params[name[1] as string] = value;
    }
    if (matched && pattern.length === actual.length) return { route, params };
  }
  return undefined;
}

const JSON_TYPES = ['application/json'];
// A blob payload (Lambda Invoke): the SDK v3 sends application/octet-stream, the AWS CLI no Content-Type.
const PAYLOAD_TYPES = ['application/json', 'application/octet-stream', 'binary/octet-stream'];

export const restProtocol: Protocol<RestBinding> = {
  async prepare({ profile, service }, request) {
    const match = matchRoute(service.routes, request.method, request.url.pathname);
    if (!match) {
      throw new AwsError('UnknownOperationException', `No ${profile.name} operation for ${request.method} ${request.url.pathname}`, 404);
    }
    const { route, params } = match;
    const takesPayload = profile.payloadOperations?.includes(route.operation) ?? false;
    const accepted = takesPayload ? PAYLOAD_TYPES : JSON_TYPES;
    const mediaType = mediaTypeOf(request.headers);
    if (mediaType !== undefined && !accepted.includes(mediaType)) throw unsupportedMediaType(mediaType, accepted);
    return {
      operation: route.operation,
      async invoke(ctx): Promise<WireResponse> {
        const rawBody = await request.readBody(route.operation);
        // Without a Content-Type, only a payload or nothing at all.
        if (mediaType === undefined && rawBody.length > 0 && !takesPayload) throw unsupportedMediaType(undefined, accepted);
        let body: unknown;
        if (rawBody.length > 0 && mediaType === 'application/json') {
          try {
            body = JSON.parse(rawBody.toString('utf8'));
          } catch (error) {
            throw profile.malformedBody((error as Error).message);
          }
        }
        const output = await route.handler({ params, query: request.url.searchParams, body, rawBody, headers: request.headers }, ctx);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(output.headers ?? {})) headers[name.toLowerCase()] = value;
        if (output.body === undefined) return { status: output.status, headers, body: '' };
        if (Buffer.isBuffer(output.body)) return { status: output.status, headers, body: output.body };
        return { status: output.status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(output.body) };
      },
    };
  },

  serializeError({ profile }, error) {
    return {
      status: error.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code, ...error.headers },
      body: JSON.stringify(profile.errorBody(error)),
    };
  },
};
