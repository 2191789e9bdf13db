// Activity 10, live: GET /hello with the access token is refused: without OAuth scopes on the method, only ID tokens are accepted.
import probeAccessTokenRejected from '../../checks/probe-access-token-rejected.js';
import { forbidden, hello, missingAuthenticationToken } from '../../fixtures/gateway-answers.js';
import { checkTester } from './check-tester.js';
import { answered, notMade } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeAccessTokenRejected, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'accepted (scopes on the method, or no authorizer)', snapshot: answered('accessToken', hello('accessToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('accessToken', missingAuthenticationToken('accessToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('accessToken', forbidden('accessToken')), messageId: 'unexpectedStatus' },
    ...notMade('accessToken'),
  ],
});
