// PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration, with AWS's checks of the
// integration's type, HTTP method and URI.
import type { RestRoute } from '../service.js';
import { badRequest } from './errors.js';
import { apiGatewayInput, defined } from './input.js';
import { created, noContent, ok } from './output.js';
import {
  applyPatch,
  mapEntry,
  patchInteger,
  patchOperationsOf,
  type PatchRule,
  patchValue,
  replaceField,
  stringMember,
} from './patch.js';
import { type Integration, findIntegration, type ApiGatewayState } from './state.js';

const INTEGRATION_TYPES = ['HTTP', 'AWS', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY'];
const MIN_TIMEOUT = 50;
const MAX_TIMEOUT = 29000;
/** arn:aws:apigateway:<region>:<service>:<path|action>/<rest> */
const AWS_INTEGRATION_URI = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:([a-z0-9.-]+):(.*)$/;
/** The Lambda invocation path: 2015-03-31/functions/<function ARN, optionally qualified>/invocations. */
const LAMBDA_INVOCATION_PATH =
  /^path\/2015-03-31\/functions\/arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9_-]+(?::[a-zA-Z0-9$_-]+)?\/invocations$/;

/** The checks AWS makes of an integration as a whole, on put and after an update. */
function checkIntegration(integration: Integration): void {
  const { type, httpMethod, uri } = integration;
  if (!INTEGRATION_TYPES.includes(type)) {
    throw badRequest(`Invalid integration type specified. Valid options are ${INTEGRATION_TYPES.join(',')}`);
  }
  if (integration.timeoutInMillis < MIN_TIMEOUT || integration.timeoutInMillis > MAX_TIMEOUT) {
    throw badRequest(`Timeout should be between ${MIN_TIMEOUT} ms and ${MAX_TIMEOUT} ms`);
  }
  if (type === 'MOCK') return;
  if (!httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!uri || !URL.canParse(uri) || !/^https?:$/.test(new URL(uri).protocol)) {
      throw badRequest('Invalid HTTP endpoint specified for URI');
    }
    return;
  }
  const arn = uri === undefined ? null : AWS_INTEGRATION_URI.exec(uri);
  if (!arn) throw badRequest('Invalid ARN specified in the request');
  const [, service, action] = arn;
  if (!/^(path|action)\/./.test(action!)) throw badRequest('AWS ARN for integration must contain path or action');
  if (type === 'AWS_PROXY' && service !== 'lambda' && service !== 'firehose') {
    throw badRequest(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  }
  if (service === 'lambda' && !LAMBDA_INVOCATION_PATH.test(action!)) {
    throw badRequest('Invalid ARN specified in the request');
  }
}

const UPDATE_RULES: readonly PatchRule<Integration>[] = [
  replaceField('uri', patchValue),
  replaceField('httpMethod', patchValue),
  replaceField('passthroughBehavior', patchValue),
  replaceField('timeoutInMillis', patchInteger),
  replaceField('cacheNamespace', patchValue),
  stringMember('/credentials'),
  stringMember('/contentHandling'),
  stringMember('/connectionType'),
  stringMember('/connectionId'),
  mapEntry('/requestTemplates/{contentType}'),
  mapEntry('/requestParameters/{name}'),
  {
    path: '/cacheKeyParameters/{name}',
    ops: ['add', 'remove'],
    apply(integration, operation, name) {
      const others = integration.cacheKeyParameters.filter((parameter) => parameter !== name);
      integration.cacheKeyParameters = operation.op === 'add' ? [...others, name!] : others;
    },
  },
];

export function integrationRoutes(state: ApiGatewayState): RestRoute[] {
  const base = '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration';
  return [
    {
      method: 'PUT',
      path: base,
      operation: 'PutIntegration',
      handler(input, ctx) {
        const { resource, method } = state.method(ctx, input.params);
        const body = apiGatewayInput(input.body, 'putIntegrationInput');
        const integration: Integration = defined({
          type: body.requiredString('type'),
          // integrationHttpMethod travels as `httpMethod` in the body (its JSON name in the model).
          httpMethod: body.string('httpMethod'),
          uri: body.string('uri'),
          connectionType: body.string('connectionType'),
          connectionId: body.string('connectionId'),
          credentials: body.string('credentials'),
          requestParameters: body.stringMap('requestParameters'),
          requestTemplates: body.stringMap('requestTemplates'),
          passthroughBehavior: body.string('passthroughBehavior') ?? 'WHEN_NO_MATCH',
          contentHandling: body.string('contentHandling'),
          timeoutInMillis: body.integer('timeoutInMillis') ?? MAX_TIMEOUT,
          cacheNamespace: body.string('cacheNamespace') ?? resource.id,
          cacheKeyParameters: body.stringList('cacheKeyParameters') ?? [],
        });
        checkIntegration(integration);
        method.methodIntegration = integration;
        return created(integration);
      },
    },
    {
      method: 'GET',
      path: base,
      operation: 'GetIntegration',
      handler(input, ctx) {
        return ok(findIntegration(state.method(ctx, input.params).method));
      },
    },
    {
      method: 'PATCH',
      path: base,
      operation: 'UpdateIntegration',
      handler(input, ctx) {
        const { method } = state.method(ctx, input.params);
        const updated = applyPatch(findIntegration(method), patchOperationsOf(apiGatewayInput(input.body)), UPDATE_RULES);
        checkIntegration(updated);
        method.methodIntegration = updated;
        return ok(updated);
      },
    },
    {
      method: 'DELETE',
      path: base,
      operation: 'DeleteIntegration',
      handler(input, ctx) {
        const { method } = state.method(ctx, input.params);
        findIntegration(method);
        delete method.methodIntegration;
        return noContent();
      },
    },
  ];
}
