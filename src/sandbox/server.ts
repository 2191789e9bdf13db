// The HTTP core: decides which service a request is for, reads its body within the service's limit, runs
// the handler (with faults around it), writes the answer in the service's protocol, and logs it.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { AwsError, newRequestId, type RequestContext } from './service.js';
import { accountFor, type IssuedKeyLookup } from './accounts.js';
import { signingScope } from './sigv4.js';
import { jsonProtocol, targetOperation } from './protocols/json.js';
import { matchRoute, restProtocol } from './protocols/rest.js';
import { queryProtocol } from './protocols/query.js';
import type { PreparedCall, Protocol, WireRequest, WireResponse } from './protocols/types.js';
import { isWellKnownProvider, type ServiceBinding } from './binding.js';
import { executeApiTarget, type DataPlaneHandler } from './data-plane.js';
import type { FaultInjector } from './faults.js';
import type { RequestLog } from './request-log.js';
import { apiGatewayProfile, type ServiceProfile } from './profiles.js';
import { allowedOrigin, corsHeaders, preflightHeaders, refusalReason, type AccessPolicy } from './access-policy.js';
import { sandboxErrorHeader } from './sandbox-error.js';

export interface CoreOptions {
  bindings: readonly ServiceBinding[];
  issuedKeys: IssuedKeyLookup;
  defaultRegion: string;
  /** Which hosts and web pages may send requests (access-policy.ts). */
  access: AccessPolicy;
  /** Overrides every service's own body limit (tests, constrained hosts). */
  maxBodyBytes?: number;
  faults?: FaultInjector;
  requestLog?: RequestLog;
  dataPlane: DataPlaneHandler;
  /** The sandbox's time (token times, expiry, dates); default the system clock. */
  clock?: () => Date;
  /** Called after a successful request that may have changed state. */
  onMutation(): void;
}

interface Outcome {
  service: string;
  operation: string;
  response: WireResponse;
}

const READ_ONLY = /^(Get|List|Describe|Download)/;
const WELL_KNOWN = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

function jsonResponse(status: number, body: unknown, errorType?: string): WireResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  return { status, headers, body: JSON.stringify(body) };
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Reads the body once, whoever asks first. Past the limit it keeps draining (so the client can finish
 * sending and read the answer) but keeps nothing, then rejects with the service's own error. */
function bodyReader(req: IncomingMessage, limit: number, tooLarge: ServiceProfile['requestTooLarge']): WireRequest['readBody'] {
  let body: Promise<Buffer> | undefined;
  return (operation) =>
    (body ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
      });
      req.on('end', () => (size > limit ? reject(tooLarge(limit, operation)) : resolve(Buffer.concat(chunks))));
      req.on('error', reject);
      req.on('close', () => req.complete || reject(new AwsError('IncompleteBody', 'The request body ended before its Content-Length.')));
    }));
}

/** A protocol with its binding applied, so the core can treat every service alike. */
interface BoundProtocol {
  prepare(request: WireRequest): Promise<PreparedCall>;
  serializeError(error: AwsError, requestId: string): WireResponse;
}

function bindProtocol<B>(protocol: Protocol<B>, binding: B): BoundProtocol {
  return {
    prepare: (request) => protocol.prepare(binding, request),
    serializeError: (error, requestId) => protocol.serializeError(binding, error, requestId),
  };
}

function protocolOf(binding: ServiceBinding): BoundProtocol {
  switch (binding.protocol) {
    case 'json':
      return bindProtocol(jsonProtocol, binding);
    case 'rest':
      return bindProtocol(restProtocol, binding);
    case 'query':
      return bindProtocol(queryProtocol, binding);
  }
}

export function createRequestListener(options: CoreOptions): RequestListener {
  const { bindings } = options;

  /** X-Amz-Target first (JSON-RPC), then the SigV4 service name, then, for unsigned calls, the REST path. */
  function resolveBinding(headers: Record<string, string>, url: URL, method: string, signingService: string | undefined): ServiceBinding | undefined {
    const target = headers['x-amz-target'];
    if (target) return bindings.find((b) => b.protocol === 'json' && targetOperation(b.service, target) !== undefined);
    if (signingService) {
      const signed = bindings.find((b) => b.profile.name === signingService);
      if (signed) return signed;
    }
    return bindings.find((b) => b.protocol === 'rest' && matchRoute(b.service.routes, method, url.pathname));
  }

  async function callService(binding: ServiceBinding, req: IncomingMessage, request: Omit<WireRequest, 'readBody'>, ctx: RequestContext): Promise<Outcome> {
    const protocol = protocolOf(binding);
    const { profile } = binding;
    const limit = options.maxBodyBytes ?? profile.maxBodyBytes;
    let operation = 'Unknown';
    try {
      const call = await protocol.prepare({ ...request, readBody: bodyReader(req, limit, profile.requestTooLarge) });
      operation = call.operation;
      await options.faults?.inject(profile);
      const response = await call.invoke(ctx);
      if (!READ_ONLY.test(operation)) options.onMutation();
      return { service: profile.name, operation, response };
    } catch (error) {
      return { service: profile.name, operation, response: protocol.serializeError(toAwsError(error), ctx.requestId) };
    }
  }

  async function route(req: IncomingMessage, request: Omit<WireRequest, 'readBody'>, ctx: RequestContext, signingService: string | undefined): Promise<Outcome> {
    const { url, headers, method } = request;
    const api = executeApiTarget(url, headers.host);
    if (api) {
      const readBody = bodyReader(req, options.maxBodyBytes ?? apiGatewayProfile.maxBodyBytes, apiGatewayProfile.requestTooLarge);
      const dataPlaneRequest = { ...request, readBody, rawHeaders: req.rawHeaders, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', protocol: `HTTP/${req.httpVersion}` };
      const response = await options.dataPlane(dataPlaneRequest, api, ctx);
      return { service: 'execute-api', operation: `${method} ${api.path}`, response };
    }
    const wellKnown = method === 'GET' ? WELL_KNOWN.exec(url.pathname) : null;
    if (wellKnown) {
      const [, poolId = '', doc] = wellKnown;
      const provider = bindings.map((b) => b.service).find(isWellKnownProvider);
      const region = poolId.slice(0, poolId.indexOf('_'));
      const document = provider?.wellKnown(poolId, doc as 'jwks.json' | 'openid-configuration', { ...ctx, region });
      const response = document === undefined ? jsonResponse(404, { message: `User pool ${poolId} does not exist.` }) : jsonResponse(200, document);
      return { service: 'cognito-idp', operation: `GET .well-known/${doc}`, response };
    }
    if (method === 'GET' && url.pathname === '/_sandbox/health') {
      return { service: 'sandbox', operation: 'Health', response: jsonResponse(200, { status: 'ok', services: bindings.map((b) => b.profile.name) }) };
    }
    const binding = resolveBinding(headers, url, method, signingService);
    if (binding) return callService(binding, req, request, ctx);
    const message = headers['x-amz-target']
      ? `Unknown operation ${headers['x-amz-target']}`
      : `This sandbox cannot tell which AWS service ${method} ${url.pathname} is for: sign the request (SigV4) or use a service path.`;
    return { service: 'unknown', operation: 'Unknown', response: jsonResponse(headers['x-amz-target'] ? 400 : 404, { __type: 'UnknownOperationException', message }, 'UnknownOperationException') };
  }

  /** A refused request, answered in the protocol of the service it addresses, before its body is read. */
  function refuse(request: Omit<WireRequest, 'readBody'>, reason: string, ctx: RequestContext, signingService: string | undefined): Outcome {
    const { url, headers, method } = request;
    const denied = (code: string, body: unknown): WireResponse => {
      const response = jsonResponse(403, body, code);
      return { ...response, headers: { ...response.headers, ...sandboxErrorHeader(reason) } };
    };
    if (executeApiTarget(url, headers.host)) {
      return { service: 'execute-api', operation: 'Refused', response: denied('ForbiddenException', { message: reason }) };
    }
    const binding = resolveBinding(headers, url, method, signingService);
    if (!binding) {
      return { service: 'unknown', operation: 'Refused', response: denied('AccessDeniedException', { __type: 'AccessDeniedException', message: reason }) };
    }
    const error = new AwsError(binding.protocol === 'query' ? 'AccessDenied' : 'AccessDeniedException', reason, 403, sandboxErrorHeader(reason));
    return { service: binding.profile.name, operation: 'Refused', response: protocolOf(binding).serializeError(error, ctx.requestId) };
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = parseUrl(req.url);
    const headers = flattenHeaders(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const scope = signingScope(headers.authorization, url.searchParams);
    const accessKeyId = scope?.accessKeyId ?? null;
    const ctx: RequestContext = {
      accountId: accountFor(accessKeyId, options.issuedKeys),
      region: scope?.region ?? options.defaultRegion,
      accessKeyId,
      requestId,
      now: options.clock?.() ?? new Date(),
      baseUrl: `http://${headers.host ?? 'localhost'}`,
    };
    const request = { method, url, headers };
    const refusal = refusalReason(headers, options.access);
    // Pages from an allowed origin get CORS answers from the control plane; an API's own CORS is its business.
    const origin = executeApiTarget(url, headers.host) ? undefined : allowedOrigin(headers, options.access);
    let outcome: Outcome;
    try {
      if (refusal) outcome = refuse(request, refusal, ctx, scope?.service);
      else if (origin && method === 'OPTIONS' && headers['access-control-request-method']) {
        outcome = { service: 'sandbox', operation: 'Preflight', response: { status: 204, headers: preflightHeaders(origin, headers), body: '' } };
      } else outcome = await route(req, request, ctx, scope?.service);
    } catch (error) {
      console.error(`sandbox: internal error on ${method} ${url.pathname}:`, error);
      outcome = { service: 'unknown', operation: 'Unknown', response: jsonResponse(500, { message: 'The sandbox failed on this request; see its console.' }, 'InternalFailure') };
    }
    const { response } = outcome;
    if (!res.destroyed) {
      res.writeHead(response.status, { ...response.headers, ...(origin ? corsHeaders(origin) : {}), 'x-amzn-RequestId': requestId });
      res.end(response.body);
    }
    options.requestLog?.write({
      time: ctx.now.toISOString(),
      service: outcome.service,
      operation: outcome.operation,
      account: ctx.accountId,
      region: ctx.region,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  }

  return (req, res) =>
    void serve(req, res).catch((error: unknown) => {
      // Only writing the response itself can fail here (a handler's bad header value, a closed socket).
      console.error('sandbox: could not answer:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
}

function parseUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://sandbox.invalid');
  } catch {
    return new URL('/', 'http://sandbox.invalid');
  }
}

/** Anything that is not an AwsError is the sandbox's own bug: answer like AWS would (500), say so on the console. */
function toAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  console.error('sandbox: handler failed:', error);
  return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
}
