// Method responses and integration responses: kept minimal (put, get, delete) because the CLI and the
// console create them beside non-proxy integrations; the lab's AWS_PROXY integration does not use them.
import type { RestRoute } from '../service.js';
import { badRequest, notFound } from './errors.js';
import { apiGatewayInput, defined } from './input.js';
import { created, noContent, ok } from './output.js';
import { findIntegration, type ApiGatewayState } from './state.js';

function statusCodeOf(params: Record<string, string>): string {
  const statusCode = params['statusCode']!;
  if (!/^[1-5]\d\d$/.test(statusCode)) throw badRequest(`Invalid status code specified: ${statusCode}`);
  return statusCode;
}

function found<T>(entry: T | undefined): T {
  if (entry === undefined) throw notFound('Invalid Response status code specified');
  return entry;
}

export function responseRoutes(state: ApiGatewayState): RestRoute[] {
  const methodBase = '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}';
  const integrationBase =
    '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}';
  return [
    {
      method: 'PUT',
      path: methodBase,
      operation: 'PutMethodResponse',
      handler(input, ctx) {
        const { method } = state.method(ctx, input.params);
        const statusCode = statusCodeOf(input.params);
        const body = apiGatewayInput(input.body);
        const response = defined({
          statusCode,
          responseParameters: body.booleanMap('responseParameters'),
          responseModels: body.stringMap('responseModels'),
        });
        method.methodResponses = { ...method.methodResponses, [statusCode]: response };
        return created(response);
      },
    },
    {
      method: 'GET',
      path: methodBase,
      operation: 'GetMethodResponse',
      handler(input, ctx) {
        const { method } = state.method(ctx, input.params);
        return ok(found(method.methodResponses?.[input.params['statusCode']!]));
      },
    },
    {
      method: 'DELETE',
      path: methodBase,
      operation: 'DeleteMethodResponse',
      handler(input, ctx) {
        const { method } = state.method(ctx, input.params);
        const statusCode = input.params['statusCode']!;
        found(method.methodResponses?.[statusCode]);
        delete method.methodResponses![statusCode];
        return noContent();
      },
    },
    {
      method: 'PUT',
      path: integrationBase,
      operation: 'PutIntegrationResponse',
      handler(input, ctx) {
        const integration = findIntegration(state.method(ctx, input.params).method);
        const statusCode = statusCodeOf(input.params);
        const body = apiGatewayInput(input.body);
        const response = defined({
          statusCode,
          selectionPattern: body.string('selectionPattern'),
          responseParameters: body.stringMap('responseParameters'),
          responseTemplates: body.stringMap('responseTemplates'),
          contentHandling: body.string('contentHandling'),
        });
        integration.integrationResponses = { ...integration.integrationResponses, [statusCode]: response };
        return created(response);
      },
    },
    {
      method: 'GET',
      path: integrationBase,
      operation: 'GetIntegrationResponse',
      handler(input, ctx) {
        const integration = findIntegration(state.method(ctx, input.params).method);
        return ok(found(integration.integrationResponses?.[input.params['statusCode']!]));
      },
    },
    {
      method: 'DELETE',
      path: integrationBase,
      operation: 'DeleteIntegrationResponse',
      handler(input, ctx) {
        const integration = findIntegration(state.method(ctx, input.params).method);
        const statusCode = input.params['statusCode']!;
        found(integration.integrationResponses?.[statusCode]);
        delete integration.integrationResponses![statusCode];
        return noContent();
      },
    },
  ];
}
