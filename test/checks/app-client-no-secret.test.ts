// Activity 4: the app client has no secret (the lab's sign-in sends no SECRET_HASH).
import appClientNoSecret from '../../checks/app-client-no-secret.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

checkTester(appClientNoSecret, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'noSecret' }],
  invalid: [
    { name: 'created with --generate-secret', snapshot: mutate(complete, (s) => void (value(s.cognito.client).hasSecret = true)), messageId: 'hasSecret' },
    { name: 'the client could not be read', snapshot: mutate(complete, (s) => void (s.cognito.client = denied('cognito-idp:DescribeUserPoolClient'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'the client was not looked for', snapshot: mutate(complete, (s) => void (s.cognito.client = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
