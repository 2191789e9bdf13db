import type { Check } from '../src/engine/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import {
  CREATE_APP_CLIENT,
  CREATE_TEST_USER,
  CREATE_USER_POOL,
  PASSWORD_VARIABLE,
  REDEPLOY_CLI,
  SET_PERMANENT_PASSWORD,
  trustPoolCli,
} from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'user-pool-exists',
    step: 3,
    title: 'The Cognito user pool exists',
    dependsOn: [],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      exists: 'The user pool {{poolName}} exists ({{poolId}}).',
      existsChosen: `The user pool {{poolName}} exists ({{poolId}}); ${CHOSEN_SUFFIX}`,
      missing: 'There is no user pool named {{names.userPool}} in {{region}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      // Everything in the pool went with it, and the authorizer still names the old pool: the plan remakes the
      // pool's contents and adds the new pool to the authorizer.
      text:
        'Create the user pool, its app client and test user as in Activities 3 to 5, in the lab region; then let the authorizer accept ' +
        "the new pool's tokens and deploy again. If you have not made the API yet, run the first four commands and go on with the lab from Activity 6.",
      commands: [CREATE_USER_POOL, CREATE_APP_CLIENT, CREATE_TEST_USER, SET_PERMANENT_PASSWORD, trustPoolCli()],
      afterAll: REDEPLOY_CLI,
      needs: [PASSWORD_VARIABLE],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools.html',
    permissions: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'],
  },
  evaluate(snapshot) {
    const pool = snapshot.cognito.pool;
    if (!seen(pool)) return unobserved(pool, 'the user pool');
    if (pool.state === 'absent') return failed('missing', { region: snapshot.target.region }, { detail: pool.detail });
    const data = { poolName: pool.value.name, poolId: pool.value.id };
    const chosen = choiceData(snapshot.cognito.poolChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.cognito.poolChoice) : passed('exists', data);
  },
};

export default check;
