import type { Check } from '../src/engine/types.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { CREATE_APP_CLIENT } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'app-client-no-secret',
    step: 4,
    title: 'The app client has no client secret',
    dependsOn: ['app-client-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      noSecret: 'The app client {{clientId}} has no client secret.',
      hasSecret: "The app client {{clientId}} has a client secret, so Cognito refuses the lab's initiate-auth call, which sends no SECRET_HASH.",
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'A client secret cannot be removed: delete this app client and create it again without --generate-secret, as in Activity 4.',
      commands: [
        'aws cognito-idp delete-user-pool-client --user-pool-id {{userPoolId}} --client-id {{clientId}} --region {{region}}',
        CREATE_APP_CLIENT,
      ],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
    permissions: ['cognito-idp:DescribeUserPoolClient'],
  },
  evaluate(snapshot) {
    const client = snapshot.cognito.client;
    if (client.state !== 'found') return unobserved(client, 'the app client');
    const { clientId, hasSecret } = client.value;
    return hasSecret ? failed('hasSecret', { clientId }, { hasSecret }) : passed('noSecret', { clientId }, { hasSecret });
  },
};

export default check;
