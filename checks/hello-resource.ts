import type { Check } from '../src/engine/types.js';
import { resourceAt } from './support/api.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { buildMethod, CREATE_RESOURCE, REDEPLOY_CLI } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'hello-resource',
    step: 7,
    title: 'The API has the /hello resource',
    dependsOn: ['rest-api-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      exists: 'The API {{apiId}} has the resource {{names.resourcePath}} ({{resourceId}}).',
      missing: 'The API {{apiId}} has no {{names.resourcePath}} resource (its resources: {{paths}}).',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      // A new resource has no methods: GET /hello is made again too (the function's permission is not tied to it).
      text: 'Create the resource under the API root (Activity 7) and its GET method with the authorizer and the Lambda integration (Activity 9), then deploy again.',
      commands: [CREATE_RESOURCE, ...(buildMethod(null).commands ?? [])],
      afterAll: REDEPLOY_CLI,
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-create-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { api, resources } = snapshot.apigateway;
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (resources.state !== 'found') return unobserved(resources, 'the API resources');
    const apiId = api.value.id;
    const resource = resourceAt(resources.value, lab.names.resourcePath);
    if (resource) return passed('exists', { apiId, resourceId: resource.id });
    const paths = resources.value.map((candidate) => candidate.path);
    return failed('missing', { apiId, paths: listed(paths), pathPart: lab.names.resourcePath.slice(1) }, { paths });
  },
};

export default check;
