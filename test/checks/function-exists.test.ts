// Activity 6: the function exists and is Active.
import functionExists from '../../checks/function-exists.js';
import { absent } from '../../fixtures/observations.js';
import { checkTester } from './check-tester.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete, mutate } from './snapshots.js';

checkTester(functionExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'active' },
    { name: 'a function from before Lambda reported states', snapshot: withFunction({ state: null }), messageId: 'active' },
  ],
  invalid: [
    { name: 'no such function', snapshot: mutate(complete, (s) => void (s.lambda.function = absent('ResourceNotFoundException'))), messageId: 'missing' },
    { name: 'Failed', snapshot: withFunction({ state: 'Failed', stateReason: 'The role defined for the function cannot be assumed by Lambda.' }), messageId: 'notActive' },
    { name: 'Pending without a reason', snapshot: withFunction({ state: 'Pending', stateReason: null }), messageId: 'notActive' },
    ...functionUnreadable,
  ],
});
