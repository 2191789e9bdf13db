// Activity 6: the function runs a Python 3 runtime; a deprecated one passes with a note.
import functionRuntime from '../../checks/function-runtime.js';
import { checkTester } from './check-tester.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete, lab } from './snapshots.js';

checkTester(functionRuntime, {
  valid: [
    { name: 'python3.13', snapshot: complete, messageId: 'python' },
    { name: 'python3.14', snapshot: withFunction({ runtime: 'python3.14' }), messageId: 'python' },
    { name: "the lab's python3.9, deprecated", snapshot: withFunction({ runtime: 'python3.9' }), messageId: 'deprecated' },
    {
      name: "an instructor's spec that deprecates python3.13",
      snapshot: complete,
      lab: { ...lab, expected: { ...lab.expected, deprecatedRuntimes: { 'python3.13': '2029-06-30' } } },
      messageId: 'deprecated',
    },
  ],
  invalid: [
    { name: 'Node.js', snapshot: withFunction({ runtime: 'nodejs22.x' }), messageId: 'notPython' },
    { name: 'Python 2', snapshot: withFunction({ runtime: 'python2.7' }), messageId: 'notPython' },
    { name: 'a container image (no runtime)', snapshot: withFunction({ runtime: null, packageType: 'Image' }), messageId: 'notPython' },
    ...functionUnreadable,
  ],
});
