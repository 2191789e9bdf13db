// Activity 4: the app client of the lab name.
import appClientExists from '../../checks/app-client-exists.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

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
