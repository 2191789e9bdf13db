import type { Check } from '../src/engine/types.js';
import { UNOBSERVED_MESSAGES } from './support/observed.js';
import { expectUnauthorized, PROBES_NOT_RUN_MESSAGES, sharedAnswerMessages } from './support/probes.js';
import { REDEPLOY_CLI, USE_AUTHORIZER_CLI } from './support/remediations.js';

const CALL = '{{names.httpMethod}} {{names.resourcePath}} with the access token';

const check: Check = {
  meta: {
    id: 'probe-access-token-rejected',
    step: 10,
    title: 'GET /hello with the access token answers 401',
    dependsOn: ['probe-token-issued', 'prod-stage-exists'],
    severity: 'low',
    kind: 'probe',
    messages: {
      rejected: `${CALL} answered 401 ({{gatewayMessage}}): without OAuth scopes on the method, only ID tokens are accepted.`,
      accepted: `${CALL} answered 200: the deployed method accepts tokens other than the ID token (it has OAuth scopes, or no authorizer).`,
      ...sharedAnswerMessages(CALL, 401),
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: {
      text: 'Require the Cognito authorizer on GET /hello without OAuth scopes, as in Activity 9, and deploy again.',
      commands: [USE_AUTHORIZER_CLI],
      afterAll: REDEPLOY_CLI,
    },
    explainedBy: ['hello-get-authorized', 'cognito-authorizer', 'prod-deployment-current'],
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html',
    permissions: [],
  },
  evaluate(snapshot) {
    return expectUnauthorized(snapshot, 'accessToken', 'the call with the access token');
  },
};

export default check;
