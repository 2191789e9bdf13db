import type { Check } from '../src/engine/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'rest-api-exists',
    step: 7,
    title: 'The REST API exists',
    dependsOn: [],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      exists: 'The REST API {{apiName}} exists ({{apiId}}).',
      existsChosen: `The REST API {{apiName}} exists ({{apiId}}); ${CHOSEN_SUFFIX}`,
      missing: 'There is no REST API named {{names.api}} in {{region}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the REST API as in Activity 7.',
      commands: ["API_ID=$(aws apigateway create-rest-api --name {{apiName}} --region {{region}} --query 'id' --output text)"],
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-create-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot) {
    const api = snapshot.apigateway.api;
    if (!seen(api)) return unobserved(api, 'the REST API');
    if (api.state === 'absent') return failed('missing', { region: snapshot.target.region }, { detail: api.detail });
    const data = { apiName: api.value.name, apiId: api.value.id };
    const chosen = choiceData(snapshot.apigateway.apiChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.apigateway.apiChoice) : passed('exists', data);
  },
};

export default check;
