import type { Check } from '../src/engine/types.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';
import { REDEPLOY_CLI } from './support/remediations.js';

const check: Check = {
  meta: {
    id: 'prod-stage-exists',
    step: 10,
    title: 'The API is deployed to the prod stage',
    dependsOn: ['rest-api-exists'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      exists: 'The API {{apiId}} has the stage {{names.stage}} (deployment {{deploymentId}}).',
      missing: 'The API {{apiId}} has no stage named {{names.stage}} (its stages: {{stages}}).',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Deploy the API to the prod stage, as in Activity 10.',
      afterAll: REDEPLOY_CLI,
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-deployments.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const { api, stages } = snapshot.apigateway;
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (stages.state !== 'found') return unobserved(stages, "the API's stages");
    const apiId = api.value.id;
    const stage = stages.value.find((candidate) => candidate.stageName === lab.names.stage);
    const names = stages.value.map((candidate) => candidate.stageName);
    if (!stage) return failed('missing', { apiId, stages: listed(names) }, { stages: names });
    return passed('exists', { apiId, deploymentId: stage.deploymentId ?? 'none' }, { stage });
  },
};

export default check;
