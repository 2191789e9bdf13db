// Activities 3 to 5: the user pool, the app client, the test user.
import appClientExists from '../../checks/app-client-exists.js';
import appClientNoSecret from '../../checks/app-client-no-secret.js';
import appClientPasswordAuth from '../../checks/app-client-password-auth.js';
import testUserReady from '../../checks/test-user-ready.js';
import userPoolExists from '../../checks/user-pool-exists.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

checkTester(userPoolExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'exists' },
    {
      name: 'two pools of that name, the choice is explained',
      snapshot: mutate(complete, (s) => {
        s.cognito.poolChoice = { candidates: ['us-east-1_Old000001', value(s.cognito.pool).id], chosen: value(s.cognito.pool).id, reason: 'newest' };
      }),
      messageId: 'existsChosen',
    },
  ],
  invalid: [
    { name: 'no pool of that name', snapshot: mutate(complete, (s) => void (s.cognito.pool = absent('no pool'))), messageId: 'missing' },
    { name: 'ListUserPools denied', snapshot: mutate(complete, (s) => void (s.cognito.pool = denied('cognito-idp:ListUserPools'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.cognito.pool = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

checkTester(appClientExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'exists' },
    {
      name: 'two clients of that name',
      snapshot: mutate(complete, (s) => {
        s.cognito.clientChoice = { candidates: ['1111111111aaaaaaaaaaaaaaaa', value(s.cognito.client).clientId], chosen: value(s.cognito.client).clientId, reason: 'newest' };
      }),
      messageId: 'existsChosen',
    },
  ],
  invalid: [
    { name: 'no client of that name', snapshot: mutate(complete, (s) => void (s.cognito.client = absent('no client'))), messageId: 'missing' },
    { name: 'DescribeUserPoolClient denied', snapshot: mutate(complete, (s) => void (s.cognito.client = denied('cognito-idp:DescribeUserPoolClient'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the pool was not observed', snapshot: mutate(complete, (s) => void (s.cognito.pool = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

const withFlows = (flows: string[]) => mutate(complete, (s) => void (value(s.cognito.client).explicitAuthFlows = flows));

checkTester(appClientPasswordAuth, {
  valid: [
    { name: "the lab's legacy names", snapshot: complete, messageId: 'enabled' },
    { name: 'the ALLOW_ name', snapshot: withFlows(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']), messageId: 'enabled' },
  ],
  invalid: [
    { name: 'the default flows only', snapshot: withFlows(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']), messageId: 'notEnabled' },
    { name: 'the admin flow only (ADMIN_NO_SRP_AUTH is not USER_PASSWORD_AUTH)', snapshot: withFlows(['ADMIN_NO_SRP_AUTH']), messageId: 'notEnabled' },
    { name: 'no flows at all', snapshot: withFlows([]), messageId: 'notEnabled' },
    { name: 'the client could not be read', snapshot: mutate(complete, (s) => void (s.cognito.client = denied('cognito-idp:DescribeUserPoolClient'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the client was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.client = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

checkTester(appClientNoSecret, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'noSecret' }],
  invalid: [
    { name: 'created with --generate-secret', snapshot: mutate(complete, (s) => void (value(s.cognito.client).hasSecret = true)), messageId: 'hasSecret' },
    { name: 'the client could not be read', snapshot: mutate(complete, (s) => void (s.cognito.client = denied('cognito-idp:DescribeUserPoolClient'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the client was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.client = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

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
