import type { Check } from '../src/engine/types.js';
import { closestAuthorizer, labAuthorizers } from './support/authorizer.js';
import { listed, shown } from './support/format.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { failed, passed } from './support/verdict.js';
import { CREATE_AUTHORIZER, REDEPLOY_CLI, trustPoolCli, USE_CREATED_AUTHORIZER_CLI } from './support/remediations.js';

const check: Check = {
  meta: {
    id: 'cognito-authorizer',
    step: 8,
    title: "The API has a Cognito authorizer on the lab's user pool",
    dependsOn: ['rest-api-exists', 'user-pool-exists'],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      configured: 'The authorizer {{authorizerName}} ({{authorizerId}}) accepts tokens of the user pool {{poolId}} from {{identitySource}}.',
      missing: 'The API {{apiId}} has no authorizer.',
      wrongType: 'The authorizer {{authorizerName}} is of type {{authorizerType}}, not COGNITO_USER_POOLS.',
      otherPool: 'The authorizer {{authorizerName}} accepts tokens of {{providerArns}}, not of the user pool {{poolArn}}.',
      wrongIdentitySource: 'The authorizer {{authorizerName}} reads the token from {{identitySource}}, not from {{expected.identitySource}}.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the Cognito authorizer on your user pool as in Activity 8, point GET /hello at it (Activity 9), and deploy again.',
      commands: [CREATE_AUTHORIZER, USE_CREATED_AUTHORIZER_CLI],
      afterAll: REDEPLOY_CLI,
      byMessage: {
        wrongType: {
          text:
            "Authorizer names are unique in an API: rename the {{authorizerType}} authorizer out of the way, create the Cognito authorizer as in Activity 8, " +
            'point GET /hello at it (Activity 9), and deploy again.',
          commands: [
            'aws apigateway update-authorizer --rest-api-id {{apiId}} --authorizer-id {{authorizerId}} ' +
              '--patch-operations op=replace,path=/name,value={{names.authorizer}}-{{authorizerId}} --region {{region}}',
            CREATE_AUTHORIZER,
            USE_CREATED_AUTHORIZER_CLI,
          ],
          afterAll: REDEPLOY_CLI,
        },
        otherPool: {
          text: "Make the authorizer accept your user pool's tokens instead of the other pool's, then deploy again.",
          commands: [trustPoolCli('{{otherPoolArn}}')],
          afterAll: REDEPLOY_CLI,
        },
        wrongIdentitySource: {
          text: 'Make the authorizer read the Authorization header, then deploy again.',
          commands: [
            'aws apigateway update-authorizer --rest-api-id {{apiId}} --authorizer-id {{authorizerId}} ' +
            '--patch-operations op=replace,path=/identitySource,value={{expected.identitySource}} --region {{region}}',
          ],
          afterAll: REDEPLOY_CLI,
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html',
    permissions: ['apigateway:GET', 'cognito-idp:DescribeUserPool'],
  },
  evaluate(snapshot, lab) {
    const { api, authorizers } = snapshot.apigateway;
    const pool = snapshot.cognito.pool;
    if (api.state !== 'found') return unobserved(api, 'the REST API');
    if (pool.state !== 'found') return unobserved(pool, 'the user pool');
    if (authorizers.state !== 'found') return unobserved(authorizers, "the API's authorizers");
    const poolArn = pool.value.arn;
    const evidence = { authorizers: authorizers.value, poolArn };
    const [ok] = labAuthorizers(authorizers.value, poolArn, lab);
    if (ok) {
      return passed('configured', { authorizerName: ok.name, authorizerId: ok.id, poolId: pool.value.id, identitySource: shown(ok.identitySource) }, evidence);
    }
    const closest = closestAuthorizer(authorizers.value, poolArn, lab);
    if (!closest) return failed('missing', { apiId: api.value.id }, evidence);
    const { authorizer, problem } = closest;
    return failed(
      problem,
      {
        authorizerName: authorizer.name,
        authorizerId: authorizer.id,
        authorizerType: authorizer.type,
        providerArns: listed(authorizer.providerARNs),
        otherPoolArn: authorizer.providerARNs[0] ?? null,
        poolArn,
        identitySource: shown(authorizer.identitySource),
        apiId: api.value.id,
      },
      evidence,
    );
  },
};

export default check;
