import type { Check } from '../src/engine/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { CREATE_APP_CLIENT } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'app-client-exists',
    step: 4,
    title: 'The user pool has the app client',
    dependsOn: ['user-pool-exists'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      exists: 'The user pool {{poolId}} has the app client {{clientName}} ({{clientId}}).',
      existsChosen: `The user pool {{poolId}} has the app client {{clientName}} ({{clientId}}); ${CHOSEN_SUFFIX}`,
      missing: 'The user pool {{poolId}} has no app client named {{names.appClient}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the app client as in Activity 4.',
      commands: [CREATE_APP_CLIENT],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
    permissions: ['cognito-idp:ListUserPoolClients', 'cognito-idp:DescribeUserPoolClient'],
  },
  evaluate(snapshot) {
    const { pool, client } = snapshot.cognito;
    if (pool.state !== 'found') return unobserved(pool, 'the user pool');
    if (!seen(client)) return unobserved(client, 'the app client');
    if (client.state === 'absent') return failed('missing', { poolId: pool.value.id }, { detail: client.detail });
    const data = { poolId: pool.value.id, clientName: client.value.clientName, clientId: client.value.clientId };
    const chosen = choiceData(snapshot.cognito.clientChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.cognito.clientChoice) : passed('exists', data);
  },
};

export default check;
