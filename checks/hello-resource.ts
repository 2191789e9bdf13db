import type { Check } from '../src/engine/types.js';
import { resourceAt } from './support/api.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
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
      text: 'Create the resource under the API root, as in Activity 7.',
      commands: ["RESOURCE_ID=$(aws apigateway create-resource --rest-api-id {{apiId}} --parent-id {{rootResourceId}} --path-part {{pathPart}} --region {{region}} --query 'id' --output text)"],
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
