// Activity 10, live: the test user signs in with the lab's password and gets tokens.
import probeTokenIssued from '../../checks/probe-token-issued.js';
import { checkTester } from './check-tester.js';
import { notMade, signIn } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeTokenIssued, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'issued' }],
  invalid: [
    { name: 'flow not enabled', snapshot: signIn({ outcome: 'refused', code: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' }), messageId: 'refused' },
    { name: 'wrong password', snapshot: signIn({ outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' }), messageId: 'refused' },
    { name: 'temporary password still set', snapshot: signIn({ outcome: 'challenge', challengeName: 'NEW_PASSWORD_REQUIRED' }), messageId: 'challenge' },
    ...notMade('auth'),
  ],
});
