// Activity 10, live: GET /hello without a token is refused with 401.
import probeUnauthenticated401 from '../../checks/probe-unauthenticated-401.js';
import { forbidden, hello, missingAuthenticationToken } from '../../fixtures/gateway-answers.js';
import { checkTester } from './check-tester.js';
import { answered, notMade } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeUnauthenticated401, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'the method is open on prod', snapshot: answered('noToken', hello('noToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('noToken', missingAuthenticationToken('noToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('noToken', forbidden('noToken')), messageId: 'unexpectedStatus' },
    ...notMade('noToken'),
  ],
});
