// Activity 6: the function's handler is the lab's.
import functionHandler from '../../checks/function-handler.js';
import { checkTester } from './check-tester.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete } from './snapshots.js';

checkTester(functionHandler, {
  valid: [{ name: "the lab's handler", snapshot: complete, messageId: 'expected' }],
  invalid: [
    { name: 'the console default for another file name', snapshot: withFunction({ handler: 'index.handler' }), messageId: 'wrongHandler' },
    { name: 'no handler (container image)', snapshot: withFunction({ handler: null }), messageId: 'wrongHandler' },
    ...functionUnreadable,
  ],
});
