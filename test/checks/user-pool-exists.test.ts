// Activity 3: the user pool of the lab name.
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
