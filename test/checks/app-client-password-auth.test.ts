// Activity 4: the app client allows the USER_PASSWORD_AUTH sign-in, under either of its names.
import appClientPasswordAuth from '../../checks/app-client-password-auth.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

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
