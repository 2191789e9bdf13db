// Activity 10, live: the authorized answer is the lab's JSON body, greeting the test user.
import probeResponseBody from '../../checks/probe-response-body.js';
import { hello } from '../../fixtures/gateway-answers.js';
import { checkTester } from './check-tester.js';
import { answered, bodyAnswer, notMade } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeResponseBody, {
  valid: [
    { name: "the lab's handler (Python's json.dumps spacing)", snapshot: complete, messageId: 'matches' },
    { name: 'the same JSON, keys in another order', snapshot: answered('bearerIdToken', bodyAnswer(200, '{"user":"testuser","message":"Hello from secured API!"}')), messageId: 'matches' },
  ],
  invalid: [
    { name: 'no claims reached the function', snapshot: answered('bearerIdToken', hello('bearerIdToken', 'Unknown')), messageId: 'noClaims' },
    { name: 'another message', snapshot: answered('bearerIdToken', bodyAnswer(200, '{"message": "Hello from Lambda!"}')), messageId: 'differs' },
    { name: 'not JSON', snapshot: answered('bearerIdToken', bodyAnswer(200, 'Hello from Lambda!')), messageId: 'notJson' },
    ...notMade('bearerIdToken'),
  ],
});
