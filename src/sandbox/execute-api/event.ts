// The event an AWS_PROXY integration hands the function: REST API payload format 1.0 (AWS-FACTS §1).

import { executeApiHost } from '../../aws/execute-api.js';
import type { DataPlaneRequest, ExecuteApiTarget } from '../data-plane.js';
import type { DeployedStage } from '../apigateway/index.js';
import type { RouteMatch } from './routing.js';

export interface ProxyEventInput {
  request: DataPlaneRequest;
  target: ExecuteApiTarget;
  stage: DeployedStage;
  route: RouteMatch;
  accountId: string;
  region: string;
  /** The authorizer's string-valued claims; undefined for a method without an authorizer. */
  claims: Record<string, string> | undefined;
  /** What requestContext.authorizer is for a method without an authorizer (see the data plane options). */
  authorizerWhenNone: 'absent' | 'null';
  body: Buffer;
  apigwId: string;
  /** The x-amzn-RequestId of the response. */
  requestId: string;
  now: Date;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** `04/Apr/2024:10:19:40 +0000` (CLF), as $context.requestTime reads. */
export function requestTime(now: Date): string {
  const time = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
  return `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${time} +0000`;
}

/** One value per name (the last one sent) and every value per name, names as sent; null when there are none. */
function singleAndMulti(pairs: Iterable<[string, string]>): { single: Record<string, string> | null; multi: Record<string, string[]> | null } {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return Object.keys(single).length ? { single, multi } : { single: null, multi: null };
}

function headerPairs(rawHeaders: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i] as string, rawHeaders[i + 1] as string]);
  return pairs;
}

export function proxyEvent(input: ProxyEventInput): Record<string, unknown> {
  const { request, target, stage, route, now } = input;
  const headers = singleAndMulti(headerPairs(request.rawHeaders));
  const query = singleAndMulti(request.url.searchParams.entries());
  const byLowerName = (name: string): string | null => request.headers[name] ?? null;
  const authorizer = input.claims ? { authorizer: { claims: input.claims } } : input.authorizerWhenNone === 'null' ? { authorizer: null } : {};
  return {
    resource: route.resource.path,
    path: target.path,
    httpMethod: request.method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: route.pathParameters,
    stageVariables: Object.keys(stage.variables).length ? stage.variables : null,
    requestContext: {
      resourceId: route.resource.id,
      resourcePath: route.resource.path,
      httpMethod: request.method,
      extendedRequestId: input.apigwId,
      requestTime: requestTime(now),
      path: `/${target.stage}${target.path}`,
      accountId: input.accountId,
      protocol: request.protocol,
      stage: target.stage,
      domainPrefix: target.apiId,
      requestTimeEpoch: now.getTime(),
      requestId: input.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: request.sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: byLowerName('user-agent'),
        user: null,
        apiKey: null,
        apiKeyId: null,
      },
      domainName: executeApiHost(target.apiId, input.region),
      ...authorizer,
      apiId: target.apiId,
    },
    body: input.body.length ? input.body.toString('utf8') : null,
    isBase64Encoded: false,
  };
}
