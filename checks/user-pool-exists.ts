import type { Check, TemplateData } from '../src/engine/types.js';
import type { LabSpec } from '../src/lab/types.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { IN_OTHER_REGION, missingBecause } from './support/missing.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';

/** The authorizer (the lab's first) whose provider ARNs name the pool `poolId`, as template data. */
function authorizerUsing(snapshot: Snapshot, poolId: string, lab: LabSpec): TemplateData | null {
  const authorizers = snapshot.apigateway.authorizers;
  if (authorizers.state !== 'found') return null;
  const using = authorizers.value.filter((authorizer) => authorizer.providerARNs.some((arn) => arn.endsWith(`:userpool/${poolId}`)));
  const authorizer = using.find((candidate) => candidate.name === lab.names.authorizer) ?? using[0];
  return authorizer === undefined ? null : { authorizerName: authorizer.name };
}

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
      nearMiss: "The user pool {{nearName}} ({{nearId}}) exists; the lab's name is {{names.userPool}}.",
      nearMissInUse: "The user pool {{nearName}} ({{nearId}}) exists; the lab's name is {{names.userPool}}, and your authorizer {{authorizerName}} uses it.",
      inOtherRegion: `There is no user pool named {{names.userPool}} in {{region}}: ${IN_OTHER_REGION}`,
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the user pool as in Activity 3, in the lab region.',
      commands: ["USER_POOL_ID=$(aws cognito-idp create-user-pool --pool-name {{userPoolName}} --region {{region}} --query 'UserPool.Id' --output text)"],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools.html',
    permissions: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'],
  },
  evaluate(snapshot, lab) {
    const pool = snapshot.cognito.pool;
    if (!seen(pool)) return unobserved(pool, 'the user pool');
    if (pool.state === 'absent') {
      const elsewhere = { nearMisses: snapshot.cognito.poolNearMisses, inRegions: snapshot.cognito.poolInRegions };
      return (
        missingBecause(elsewhere, snapshot, lab, (nearMiss) => authorizerUsing(snapshot, nearMiss.id, lab)) ??
        failed('missing', { region: snapshot.target.region }, { detail: pool.detail })
      );
    }
    const data = { poolName: pool.value.name, poolId: pool.value.id };
    const chosen = choiceData(snapshot.cognito.poolChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.cognito.poolChoice) : passed('exists', data);
  },
};

export default check;
