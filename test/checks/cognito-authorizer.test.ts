// Activity 8: a COGNITO_USER_POOLS authorizer on the lab's pool, reading the Authorization header.
import cognitoAuthorizer from '../../checks/cognito-authorizer.js';
import { OLD_POOL_ARN } from '../../fixtures/account.js';
import { found } from '../../fixtures/observations.js';
import type { ApiAuthorizer } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

const withAuthorizers = (...authorizers: Partial<ApiAuthorizer>[]) =>
  mutate(complete, (s) => {
    const [lab] = value(s.apigateway.authorizers);
    s.apigateway.authorizers = found(authorizers.map((change, index) => ({ ...(lab as ApiAuthorizer), id: `auth0${index}`, ...change })));
  });

checkTester(cognitoAuthorizer, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'configured' },
    { name: 'an authorizer on two pools, the lab one among them', snapshot: withAuthorizers({ providerARNs: [OLD_POOL_ARN, value(complete.cognito.pool).arn] }), messageId: 'configured' },
    { name: 'a wrong authorizer beside the right one', snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }, {}), messageId: 'configured' },
  ],
  invalid: [
    { name: 'no authorizer', snapshot: mutate(complete, (s) => void (s.apigateway.authorizers = found([]))), messageId: 'missing' },
    { name: 'a Lambda TOKEN authorizer', snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }), messageId: 'wrongType' },
    { name: 'on another pool', snapshot: withAuthorizers({ providerARNs: [OLD_POOL_ARN] }), messageId: 'otherPool' },
    { name: 'reading another header', snapshot: withAuthorizers({ identitySource: 'method.request.header.X-Token' }), messageId: 'wrongIdentitySource' },
    {
      name: 'two wrong ones: the closest is reported',
      snapshot: withAuthorizers({ type: 'TOKEN', providerARNs: [] }, { identitySource: 'method.request.header.Token' }),
      messageId: 'wrongIdentitySource',
    },
    { name: 'GetAuthorizers denied', snapshot: mutate(complete, (s) => void (s.apigateway.authorizers = denied('apigateway:GetAuthorizers'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the pool was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.pool = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
