// Activity 6: the function runs as the lab's execution role.
import functionRole from '../../checks/function-role.js';
import { checkTester } from './check-tester.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete } from './snapshots.js';

checkTester(functionRole, {
  valid: [
    { name: "the lab's role", snapshot: complete, messageId: 'labRole' },
    { name: "the lab's role under a path", snapshot: withFunction({ role: 'arn:aws:iam::123456789012:role/service-role/lambda-execution-role' }), messageId: 'labRole' },
  ],
  invalid: [
    { name: 'a console-made role', snapshot: withFunction({ role: 'arn:aws:iam::123456789012:role/service-role/HelloWorldFunction-role-a1b2c3d4' }), messageId: 'otherRole' },
    ...functionUnreadable,
  ],
});
