// Activity 6: AWSLambdaBasicExecutionRole is attached to the role.
import executionRoleBasicPolicy from '../../checks/execution-role-basic-policy.js';
import { found } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor } from './snapshots.js';

checkTester(executionRoleBasicPolicy, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'attached' }],
  invalid: [
    { name: 'no policy attached', snapshot: mutate(complete, (s) => void (s.iam.attachedPolicies = found([]))), messageId: 'notAttached' },
    {
      name: 'another policy attached',
      snapshot: mutate(complete, (s) => void (s.iam.attachedPolicies = found([{ policyName: 'AWSLambdaRole', policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole' }]))),
      messageId: 'notAttached',
    },
    { name: 'ListAttachedRolePolicies denied', snapshot: mutate(complete, (s) => void (s.iam.attachedPolicies = denied('iam:ListAttachedRolePolicies'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.iam.attachedPolicies = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});
