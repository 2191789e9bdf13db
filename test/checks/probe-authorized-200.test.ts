// Activity 10, live: GET /hello with the ID token answers 200, and when it does not, why.
import probeAuthorized200 from '../../checks/probe-authorized-200.js';
import { forbidden, internalServerError, missingAuthenticationToken, unauthorized } from '../../fixtures/gateway-answers.js';
import { checkTester } from './check-tester.js';
import { answered, bodyAnswer, notMade } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeAuthorized200, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'ok' }],
  invalid: [
    { name: 'no Lambda permission for this API', snapshot: answered('bearerIdToken', internalServerError('bearerIdToken')), messageId: 'invokeDenied' },
    { name: 'the handler fails', snapshot: answered('bearerIdToken', bodyAnswer(502, '{"message": "Internal server error"}')), messageId: 'handlerFailed' },
    { name: 'the authorizer is on another pool', snapshot: answered('bearerIdToken', unauthorized('bearerIdToken')), messageId: 'tokenRejected' },
    { name: 'GET /hello not deployed', snapshot: answered('bearerIdToken', missingAuthenticationToken('bearerIdToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('bearerIdToken', forbidden('bearerIdToken')), messageId: 'unexpectedStatus' },
    ...notMade('bearerIdToken'),
  ],
});
