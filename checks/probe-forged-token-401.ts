import type { Check } from '../src/engine/types.js';
import { UNOBSERVED_MESSAGES } from './support/observed.js';
import { expectUnauthorized, PROBES_NOT_RUN_MESSAGES, sharedAnswerMessages } from './support/probes.js';
import { REQUIRE_AUTHORIZER_AND_REDEPLOY } from './support/remediations.js';

const CALL = '{{names.httpMethod}} {{names.resourcePath}} with a forged token';

const check: Check = {
  meta: {
    id: 'probe-forged-token-401',
    step: 10,
    title: 'GET /hello with a forged token answers 401',
    dependsOn: ['prod-stage-exists'],
    severity: 'high',
    kind: 'probe',
    messages: {
      rejected: `${CALL} answered 401 ({{gatewayMessage}}).`,
      accepted: `${CALL} answered 200, so the deployed method does not check tokens: it has no authorizer, or the authorizer was added after the last deployment.`,
      ...sharedAnswerMessages(CALL, 401),
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: REQUIRE_AUTHORIZER_AND_REDEPLOY,
    explainedBy: ['hello-get-authorized', 'cognito-authorizer', 'prod-deployment-current'],
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-invoke-api-integrated-with-cognito-user-pool.html',
    permissions: [],
  },
  evaluate(snapshot) {
    return expectUnauthorized(snapshot, 'forgedToken', 'the call with a forged token');
  },
};

export default check;
