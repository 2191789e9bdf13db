import type { Check } from '../src/engine/types.js';
import { allowsFlow } from './support/auth-flows.js';
import { listed } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'app-client-password-auth',
    step: 4,
    title: 'The app client allows USER_PASSWORD_AUTH',
    dependsOn: ['app-client-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      enabled: 'The app client {{clientId}} allows USER_PASSWORD_AUTH (its flows: {{flows}}).',
      notEnabled: 'The app client {{clientId}} allows {{flows}}, which does not include USER_PASSWORD_AUTH.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: "Enable USER_PASSWORD_AUTH on the app client; update-user-pool-client replaces the client's settings, so list every flow you need.",
      commands: ['aws cognito-idp update-user-pool-client --user-pool-id {{userPoolId}} --client-id {{clientId}} --explicit-auth-flows ADMIN_NO_SRP_AUTH USER_PASSWORD_AUTH --region {{region}}'],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html',
    permissions: ['cognito-idp:DescribeUserPoolClient'],
  },
  evaluate(snapshot) {
    const client = snapshot.cognito.client;
    if (client.state !== 'found') return unobserved(client, 'the app client');
    const { clientId, explicitAuthFlows } = client.value;
    const data = { clientId, flows: listed(explicitAuthFlows, 'no explicit auth flows') };
    const evidence = { explicitAuthFlows };
    // Legacy USER_PASSWORD_AUTH and ALLOW_USER_PASSWORD_AUTH are the same flow (Describe echoes whichever was set).
    return allowsFlow(explicitAuthFlows, 'ALLOW_USER_PASSWORD_AUTH') ? passed('enabled', data, evidence) : failed('notEnabled', data, evidence);
  },
};

export default check;
