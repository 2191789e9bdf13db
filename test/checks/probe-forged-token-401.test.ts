// Activity 10, live: GET /hello with a forged token is refused with 401.
import probeForgedToken401 from '../../checks/probe-forged-token-401.js';
import { hello, internalServerError, missingAuthenticationToken } from '../../fixtures/gateway-answers.js';
import { checkTester } from './check-tester.js';
import { answered, notMade } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeForgedToken401, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'the method is open on prod', snapshot: answered('forgedToken', hello('forgedToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('forgedToken', missingAuthenticationToken('forgedToken')), messageId: 'routeNotDeployed' },
    { name: 'the function is broken (the token passed!)', snapshot: answered('forgedToken', internalServerError('forgedToken')), messageId: 'unexpectedStatus' },
    ...notMade('forgedToken'),
  ],
});
