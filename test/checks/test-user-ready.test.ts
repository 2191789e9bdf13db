// Activity 5: the test user exists, is enabled, and has its permanent password.
import testUserReady from '../../checks/test-user-ready.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

const withUser = (change: Partial<{ enabled: boolean; userStatus: string }>) => mutate(complete, (s) => void Object.assign(value(s.cognito.user), change));

checkTester(testUserReady, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'ready' }],
  invalid: [
    { name: 'no such user', snapshot: mutate(complete, (s) => void (s.cognito.user = absent('UserNotFoundException'))), messageId: 'missing' },
    { name: 'disabled', snapshot: withUser({ enabled: false }), messageId: 'disabled' },
    { name: 'temporary password only (second command of Activity 5 skipped)', snapshot: withUser({ userStatus: 'FORCE_CHANGE_PASSWORD' }), messageId: 'forceChangePassword' },
    { name: 'RESET_REQUIRED', snapshot: withUser({ userStatus: 'RESET_REQUIRED' }), messageId: 'otherStatus' },
    { name: 'UNCONFIRMED', snapshot: withUser({ userStatus: 'UNCONFIRMED' }), messageId: 'otherStatus' },
    { name: 'AdminGetUser denied', snapshot: mutate(complete, (s) => void (s.cognito.user = denied('cognito-idp:AdminGetUser'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the user was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.user = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
