import type { Check } from '../src/engine/types.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'no-open-methods',
    step: 9,
    title: 'No method of the API is open to anyone',
    dependsOn: ['rest-api-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      noneOpen: 'Every method of the API {{apiId}} (OPTIONS aside) requires authorization.',
      openMethods: 'The API {{apiId}} has methods anyone can call without a token: {{openMethods}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Give each open method the Cognito authorizer (or delete the ones the lab does not need), then deploy again; the command fixes {{firstOpen}}.',
      cli:
        'aws apigateway update-method --rest-api-id {{apiId}} --resource-id {{firstOpenResourceId}} --http-method {{firstOpenHttpMethod}} ' +
        '--patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value={{authorizerId}} --region {{region}}',
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot) {
    const { api, resources } = snapshot.apigateway;
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    // OPTIONS answers CORS preflights, which browsers send without credentials.
    const open = resources.value.flatMap((resource) =>
      Object.values(resource.methods)
        .filter((method) => method.httpMethod !== 'OPTIONS' && method.authorizationType === 'NONE')
        .map((method) => ({ label: `${method.httpMethod} ${resource.path}`, resourceId: resource.id, httpMethod: method.httpMethod })),
    );
    const apiId = api.value.id;
    const [first] = open;
    if (!first) return passed('noneOpen', { apiId });
    return failed(
      'openMethods',
      { apiId, openMethods: listed(open.map((method) => method.label)), firstOpen: first.label, firstOpenResourceId: first.resourceId, firstOpenHttpMethod: first.httpMethod },
      { open },
    );
  },
};

export default check;
