import type { Check, Remediation, TemplateData } from '../src/engine/types.js';
import type { LabSpec } from '../src/lab/types.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { IN_OTHER_REGION, missingBecause } from './support/missing.js';
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

/** Activities 3 to 5: the lab's pool, its app client and its test user (a new pool has none of them). */
const BUILD_POOL: Remediation = {
  text: "Create the lab's user pool with its app client and test user, as Activities 3 to 5 do, in the lab region.",
  commands: [CREATE_USER_POOL, CREATE_APP_CLIENT, CREATE_TEST_USER, SET_PERMANENT_PASSWORD],
  needs: [PASSWORD_VARIABLE],
};

/**
 * A user pool cannot be renamed: the lab's pool is built, and the authorizer that uses the near miss is moved
 * to it, in place (its index in providerARNs), and deployed.
 */
const REBUILD_POOL: Remediation = {
  text:
    "A user pool cannot be renamed: create the lab's pool with its app client and test user (Activities 3 to 5), " +
    'point your authorizer {{authorizerName}} at it instead of {{nearName}}, and deploy again.',
  commands: [
    ...(BUILD_POOL.commands ?? []),
    'aws apigateway update-authorizer --rest-api-id {{apiId}} --authorizer-id {{authorizerId}} ' +
      '--patch-operations "op=replace,path=/providerARNs/{{providerIndex}},value=arn:aws:cognito-idp:{{region}}:{{accountId}}:userpool/$USER_POOL_ID" --region {{region}}',
  ],
  needs: BUILD_POOL.needs,
  afterAll: REDEPLOY_CLI,
};

/** The authorizer (the lab's first) whose provider ARNs name the pool `poolId`, as template data. */
function authorizerUsing(snapshot: Snapshot, poolId: string, lab: LabSpec): TemplateData | null {
  const authorizers = snapshot.apigateway.authorizers;
  if (authorizers.state !== 'found') return null;
  const usesPool = (arn: string) => arn.endsWith(`:userpool/${poolId}`);
  const using = authorizers.value.filter((authorizer) => authorizer.providerARNs.some(usesPool));
  const authorizer = using.find((candidate) => candidate.name === lab.names.authorizer) ?? using[0];
  if (authorizer === undefined) return null;
  return { authorizerName: authorizer.name, authorizerId: authorizer.id, providerIndex: authorizer.providerARNs.findIndex(usesPool) };
}

/** The pool is gone but the lab's authorizer is still there, naming pools: it must be told about the new one. */
function orphanedAuthorizer(snapshot: Snapshot, lab: LabSpec) {
  const authorizers = snapshot.apigateway.authorizers;
  if (authorizers.state !== 'found') return undefined;
  const authorizer = authorizers.value.find((candidate) => candidate.name === lab.names.authorizer && candidate.type === 'COGNITO_USER_POOLS');
  if (authorizer === undefined) return undefined;
  return failed('missingForAuthorizer', { region: snapshot.target.region, authorizerName: authorizer.name }, { authorizerId: authorizer.id });
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
      missingForAuthorizer: 'There is no user pool named {{names.userPool}} in {{region}}: your authorizer {{authorizerName}} has no pool of that name to accept tokens from.',
      nearMiss: "The user pool {{nearName}} ({{nearId}}) exists; the lab's name is {{names.userPool}}.",
      nearMissInUse: "The user pool {{nearName}} ({{nearId}}) exists; the lab's name is {{names.userPool}}, and your authorizer {{authorizerName}} uses it.",
      inOtherRegion: `There is no user pool named {{names.userPool}} in {{region}}: ${IN_OTHER_REGION}`,
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      ...BUILD_POOL,
      byMessage: {
        // The authorizer still names the pool that is gone: it must accept the new pool's tokens, deployed.
        missingForAuthorizer: {
          text: `${BUILD_POOL.text} Then let your authorizer {{authorizerName}} accept the new pool's tokens, and deploy again.`,
          commands: [...(BUILD_POOL.commands ?? []), trustPoolCli()],
          needs: BUILD_POOL.needs,
          afterAll: REDEPLOY_CLI,
        },
        nearMiss: BUILD_POOL,
        nearMissInUse: REBUILD_POOL,
        inOtherRegion: {
          ...BUILD_POOL,
          text: "Grade with --region {{foundRegion}} to check the lab there, or create the lab's user pool with its app client and test user in {{region}}, as Activities 3 to 5 do.",
        },
      },
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
        orphanedAuthorizer(snapshot, lab) ??
        failed('missing', { region: snapshot.target.region }, { detail: pool.detail })
      );
    }
    const data = { poolName: pool.value.name, poolId: pool.value.id };
    const chosen = choiceData(snapshot.cognito.poolChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.cognito.poolChoice) : passed('exists', data);
  },
};

export default check;
