// The AWS_PROXY Lambda integration: find the function the integration URI names, check its resource policy
// lets API Gateway call it for this request, run it (through the Lambda runner, its timeout capped at the
// integration's), and turn its result into the response.

import { parseArn } from '../../aws/arn-like.js';
import type { Integration } from '../apigateway/index.js';
import { functionSpec } from '../lambda/function-spec.js';
import type { LambdaService } from '../lambda/index.js';
import type { LambdaRunner } from '../runner/types.js';
import { sandboxErrorHeader } from '../sandbox-error.js';
import { policyAllowsInvoke, type InvokeSource } from './permission.js';
import { gatewayError, proxyResponse, sandboxFailure } from './response.js';
import type { WireResponse } from '../protocols/types.js';
import type { RequestContext } from '../service.js';

export interface LambdaProxyCall {
  integration: Integration;
  source: InvokeSource;
  stageVariables: Readonly<Record<string, string>>;
  event: unknown;
  apigwId: string;
  requestId: string;
}

const LAMBDA_URI = /^arn:aws[\w-]*:apigateway:[\w-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const DEFAULT_TIMEOUT_MS = 29_000;

/** `${stageVariables.name}` in an integration URI, as API Gateway substitutes it. */
function withStageVariables(uri: string, variables: Readonly<Record<string, string>>): string {
  return uri.replace(/\$\{stageVariables\.(\w+)\}/g, (_, name: string) => (Object.hasOwn(variables, name) ? variables[name] : undefined) ?? '');
}

/** The function an integration URI names (unqualified or $LATEST: the only version the sandbox has). */
function functionOf(uri: string): { scope: Pick<RequestContext, 'accountId' | 'region'>; name: string } | undefined {
  const functionArn = LAMBDA_URI.exec(uri)?.[1] ?? '';
  const arn = parseArn(functionArn);
  const [, name, qualifier = '$LATEST'] = /^function:([\w-]+)(?::(.+))?$/.exec(arn?.resource ?? '') ?? [];
  if (!arn || !name || qualifier !== '$LATEST') return undefined;
  return { scope: { accountId: arn.account, region: arn.region }, name };
}

export async function callLambdaProxy(lambda: LambdaService, runner: LambdaRunner, call: LambdaProxyCall): Promise<WireResponse> {
  const { integration, apigwId } = call;
  if (integration.type !== 'AWS_PROXY') {
    const message = `The sandbox does not support ${integration.type} integrations: only AWS_PROXY (Lambda proxy) runs here.`;
    return sandboxFailure(message, apigwId, sandboxErrorHeader(message));
  }
  const target = functionOf(withStageVariables(integration.uri ?? '', call.stageVariables));
  const fn = target && lambda.getFunction(target.scope, target.name);
  // With integration credentials (a role) API Gateway calls as that role instead; its policies are not evaluated here.
  if (!fn || (!integration.credentials && !policyAllowsInvoke(fn.policy, call.source))) return gatewayError('internalServerError', apigwId);

  const integrationTimeoutMs = integration.timeoutInMillis || DEFAULT_TIMEOUT_MS;
  const spec = functionSpec(fn, { timeoutSeconds: integrationTimeoutMs / 1000 });
  let result;
  try {
    result = await runner.invoke(spec, call.event, { requestId: call.requestId });
  } catch {
    return gatewayError('internalServerError', apigwId); // an event over Lambda's 6 MB request limit
  }
  if (result.ok) return proxyResponse(result.payload, apigwId) ?? gatewayError('badGateway', apigwId);
  if (result.sandboxError) {
    console.error(`sandbox: ${fn.configuration.FunctionName} could not run: ${result.sandboxError}\n${result.logTail}`);
    return sandboxFailure('Internal server error', apigwId, sandboxErrorHeader(result.sandboxError));
  }
  const cutByIntegration = result.timedOut && spec.timeoutSeconds < fn.configuration.Timeout;
  return gatewayError(cutByIntegration ? 'integrationTimeout' : 'badGateway', apigwId);
}
