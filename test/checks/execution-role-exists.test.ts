// Activity 6: the execution role, found by the lab name or by following the function.
import executionRoleExists from '../../checks/execution-role-exists.js';
import { absent, found } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor } from './snapshots.js';

const noRole = (roleSource: 'function' | 'lab-spec') =>
  mutate(complete, (s) => {
    s.iam.roleSource = roleSource;
    s.iam.role = absent('NoSuchEntity');
  });

checkTester(executionRoleExists, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'exists' }],
  invalid: [
    { name: 'no role of the lab name (no function to follow)', snapshot: noRole('lab-spec'), messageId: 'missing' },
    { name: "the function's role was deleted", snapshot: noRole('function'), messageId: 'functionRoleMissing' },
    {
      name: "a near miss of the lab's role name",
      snapshot: mutate(noRole('lab-spec'), (s) => void (s.iam.roleNearMisses = found([{ name: 'Lambda-Execution-Role', id: 'arn:aws:iam::123456789012:role/Lambda-Execution-Role' }]))),
      messageId: 'nearMiss',
    },
    {
      name: "the function's role is gone: its name is the learner's, no near miss is named",
      snapshot: mutate(noRole('function'), (s) => void (s.iam.roleNearMisses = found([{ name: 'lambda-execution-roles', id: 'arn:aws:iam::123456789012:role/lambda-execution-roles' }]))),
      messageId: 'functionRoleMissing',
    },
    { name: 'GetRole denied', snapshot: mutate(complete, (s) => void (s.iam.role = denied('iam:GetRole'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.iam.role = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
