import type { Check } from '../src/engine/types.js';
import { methodUnderTest } from './support/api.js';
import { shown } from './support/format.js';
import { invokedFunctionArn, sameFunction } from './support/integration.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';
import { PUT_INTEGRATION, REDEPLOY_CLI } from './support/remediations.js';

const check: Check = {
  meta: {
    id: 'hello-get-integration',
    step: 9,
    title: 'GET /hello invokes the Lambda function (AWS_PROXY)',
    dependsOn: ['hello-resource', 'function-exists'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      integrated: '{{names.httpMethod}} {{names.resourcePath}} invokes the function {{functionArn}} through an AWS_PROXY integration.',
      noMethod: 'The resource {{names.resourcePath}} has no {{names.httpMethod}} method, so it has no integration.',
      noIntegration: '{{names.httpMethod}} {{names.resourcePath}} has no integration.',
      wrongType: 'The {{names.httpMethod}} {{names.resourcePath}} integration is of type {{integrationType}}, not AWS_PROXY.',
      wrongMethod: 'The {{names.httpMethod}} {{names.resourcePath}} integration calls Lambda with {{integrationHttpMethod}}, but Lambda is only invoked with POST.',
      otherFunction: 'The {{names.httpMethod}} {{names.resourcePath}} integration calls {{target}}, not the function {{functionArn}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Set the Lambda proxy integration as in Activity 9 (put-integration replaces the existing one), then deploy again.',
      commands: [PUT_INTEGRATION],
      afterAll: REDEPLOY_CLI,
      byMessage: {
        noMethod: { text: 'Create GET /hello first (put-method, Activity 9), then its integration.' },
      },
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html',
    permissions: ['apigateway:GET', 'lambda:GetFunction'],
  },
  evaluate(snapshot, lab) {
    const resources = snapshot.apigateway.resources;
    const fn = snapshot.lambda.function;
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    if (fn.state !== 'found') return unobserved(fn, 'the Lambda function');
    const functionArn = fn.value.functionArn;
    const method = methodUnderTest(resources.value, lab);
    // The method's own check builds GET /hello with its integration.
    if (!method) return { ...failed('noMethod', { functionArn }), explainedBy: ['hello-get-authorized'] };
    const integration = method.integration;
    if (!integration) return failed('noIntegration', { functionArn });
    const evidence = { integration };
    if (integration.type !== 'AWS_PROXY') return failed('wrongType', { functionArn, integrationType: integration.type }, evidence);
    if (integration.httpMethod !== 'POST') {
      return failed('wrongMethod', { functionArn, integrationHttpMethod: shown(integration.httpMethod) }, evidence);
    }
    const invoked = invokedFunctionArn(integration.uri);
    if (invoked === null || !sameFunction(invoked, functionArn)) {
      return failed('otherFunction', { functionArn, target: shown(invoked ?? integration.uri, 'no URI') }, evidence);
    }
    return passed('integrated', { functionArn }, evidence);
  },
};

export default check;
