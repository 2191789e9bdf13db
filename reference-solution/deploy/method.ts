// Activity 9 (API Gateway): GET /hello behind the Cognito authorizer, and its AWS_PROXY integration with the function.
import { GetMethodCommand, PutIntegrationCommand, PutMethodCommand, UpdateMethodCommand } from '@aws-sdk/client-api-gateway';
import { unlessNotFound } from '../aws-errors.js';
import { logOutcome, type ReferenceContext, type Outcome } from '../context.js';

export interface MethodTarget {
  apiId: string;
  resourceId: string;
  authorizerId: string;
  functionArn: string;
}

/** The URI API Gateway invokes a Lambda function with (Lambda's Invoke API path). */
export function invocationUri(region: string, functionArn: string): string {
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** Returns whether anything changed (the stage then needs a new deployment). */
export async function deployMethod(ctx: ReferenceContext, target: MethodTarget): Promise<{ changed: boolean }> {
  const { apigateway } = ctx.clients;
  const ids = { restApiId: target.apiId, resourceId: target.resourceId, httpMethod: ctx.lab.names.httpMethod };
  const label = `${ids.httpMethod} ${ctx.lab.names.resourcePath}`;
  const method = await unlessNotFound(apigateway.send(new GetMethodCommand(ids)), 'NotFoundException');

  let methodOutcome: Outcome = 'reused';
  if (!method) {
    await apigateway.send(new PutMethodCommand({ ...ids, authorizationType: 'COGNITO_USER_POOLS', authorizerId: target.authorizerId }));
    methodOutcome = 'created';
  } else if (method.authorizationType !== 'COGNITO_USER_POOLS' || method.authorizerId !== target.authorizerId || (method.authorizationScopes ?? []).length > 0) {
    // The lab's method has no OAuth scopes (with them, ID tokens are refused); AWS removes scopes one at a time.
    const removeScopes = (method.authorizationScopes ?? []).map((scope) => ({ op: 'remove' as const, path: '/authorizationScopes', value: scope }));
    await apigateway.send(
      new UpdateMethodCommand({
        ...ids,
        patchOperations: [
          { op: 'replace', path: '/authorizationType', value: 'COGNITO_USER_POOLS' },
          { op: 'replace', path: '/authorizerId', value: target.authorizerId },
          ...removeScopes,
        ],
      }),
    );
    methodOutcome = 'updated';
  }
  logOutcome(ctx, `method ${label} (COGNITO_USER_POOLS)`, methodOutcome, target.authorizerId);

  const uri = invocationUri(ctx.region, target.functionArn);
  const integration = method?.methodIntegration;
  const integrated = integration?.type === 'AWS_PROXY' && integration.httpMethod === 'POST' && integration.uri === uri;
  if (!integrated) await apigateway.send(new PutIntegrationCommand({ ...ids, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri }));
  logOutcome(ctx, `integration ${label} (AWS_PROXY)`, integrated ? 'reused' : integration ? 'updated' : 'created', target.functionArn);
  return { changed: methodOutcome !== 'reused' || !integrated };
}
