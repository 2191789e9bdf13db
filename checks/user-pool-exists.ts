import type { Check } from '../src/engine/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
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
      text: 'Create the user pool as in Activity 3, in the lab region.',
      commands: ["USER_POOL_ID=$(aws cognito-idp create-user-pool --pool-name {{userPoolName}} --region {{region}} --query 'UserPool.Id' --output text)"],
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
