// The API Gateway data plane (execute-api) of the sandbox: serves a stage's deployed snapshot. Order as in
// AWS: body limit, API and stage, route (path + method), authorizer, then the Lambda proxy integration.

import type { ApiGatewayService } from '../apigateway/index.js';
import type { TokenVerifier } from '../cognito/index.js';
import type { DataPlaneHandler } from '../data-plane.js';
import type { LambdaService } from '../lambda/index.js';
import type { LambdaRunner } from '../runner/types.js';
import { AwsError } from '../service.js';
import { sandboxErrorHeader } from '../sandbox-error.js';
import { CognitoAuthorizer } from './authorizer.js';
import { stringClaims } from './claims.js';
import { proxyEvent } from './event.js';
import { callLambdaProxy } from './lambda-proxy.js';
import { gatewayError, newApigwId, sandboxFailure } from './response.js';
import { matchRoute } from './routing.js';

export interface DataPlaneOptions {
  /**
   * The answer for a stage (or API id) that does not exist. AWS-FACTS marks it UNCONFIRMED: 'forbidden'
   * (403 {"message":"Forbidden"}, the default) or 'missing-authentication-token' (403, as some report).
   */
  missingStage?: 'forbidden' | 'missing-authentication-token';
  /**
   * requestContext.authorizer for a method without an authorizer: 'absent' (default: the key is left out,
   * as real REST APIs send it; see README) or 'null'.
   */
  authorizerWhenNone?: 'absent' | 'null';
}

export interface DataPlaneDeps {
  apigateway: ApiGatewayService;
  lambda: LambdaService;
  verifier: TokenVerifier;
  runner: LambdaRunner;
}

/** API Gateway's limit on the combined size of the request line and headers (UNCONFIRMED answer: 413). */
const MAX_HEADER_BYTES = 10_240;

function headerBytes(method: string, url: URL, rawHeaders: readonly string[]): number {
  const requestLine = method.length + url.pathname.length + url.search.length + 10;
  return rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part), requestLine);
}

export function createDataPlane(deps: DataPlaneDeps, options: DataPlaneOptions = {}): DataPlaneHandler {
  const authorizer = new CognitoAuthorizer(deps.verifier);
  const missingStage = options.missingStage === 'missing-authentication-token' ? 'missingAuthenticationToken' : 'forbidden';

  return async (request, target, ctx) => {
    const apigwId = newApigwId();
    const tooLarge = () => gatewayError('requestTooLarge', apigwId);
    let body: Buffer;
    try {
      const headersTooLarge = headerBytes(request.method, request.url, request.rawHeaders) > MAX_HEADER_BYTES;
      // The body is read (drained past the limit) either way, so the client can finish sending and read the answer.
      body = await request.readBody(`${request.method} ${target.path}`);
      if (headersTooLarge) return tooLarge();
    } catch (error) {
      if (error instanceof AwsError && error.status === 413) return tooLarge();
      throw error;
    }

    const scope = deps.apigateway.locateRestApi(target.apiId);
    const stage = scope && deps.apigateway.deployedStage(scope, target.apiId, target.stage);
    if (!scope || !stage) return gatewayError(missingStage, apigwId);
    const route = matchRoute(stage, request.method, target.path);
    if (!route) return gatewayError('missingAuthenticationToken', apigwId);

    let claims: Record<string, string> | undefined;
    const { method } = route;
    if (method.authorizationType === 'COGNITO_USER_POOLS') {
      const deployedAuthorizer = stage.authorizers[method.authorizerId ?? ''];
      if (!deployedAuthorizer) return gatewayError('internalServerError', apigwId);
      const outcome = await authorizer.authorize({
        cacheScope: `${target.apiId}/${stage.deploymentId}/${deployedAuthorizer.id}`,
        authorizer: deployedAuthorizer,
        scopes: method.authorizationScopes,
        headers: request.headers,
        now: ctx.now,
      });
      if (!outcome.ok) return gatewayError(outcome.error, apigwId);
      claims = stringClaims(outcome.claims);
    } else if (method.authorizationType !== 'NONE') {
      const message = `The sandbox does not support ${method.authorizationType} authorization: only NONE and COGNITO_USER_POOLS run here.`;
      return sandboxFailure(message, apigwId, sandboxErrorHeader(message));
    }

    const integration = method.methodIntegration;
    if (!integration) return gatewayError('internalServerError', apigwId);
    const event = proxyEvent({
      request,
      target,
      stage,
      route,
      accountId: scope.accountId,
      region: scope.region,
      claims,
      authorizerWhenNone: options.authorizerWhenNone ?? 'absent',
      body,
      apigwId,
      requestId: ctx.requestId,
      now: ctx.now,
    });
    const sourceArn = `arn:aws:execute-api:${scope.region}:${scope.accountId}:${target.apiId}/${target.stage}/${request.method}/${target.path.slice(1)}`;
    return callLambdaProxy(deps.lambda, deps.runner, {
      integration,
      source: { sourceArn, sourceAccount: scope.accountId },
      stageVariables: stage.variables,
      event,
      apigwId,
      requestId: ctx.requestId,
    });
  };
}
