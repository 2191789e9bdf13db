// Activity 6: the function exists and is Active.
import functionExists from '../../checks/function-exists.js';
import { FUNCTION_ARN, OTHER_FUNCTION_ARN } from '../../fixtures/account.js';
import { absent, found } from '../../fixtures/observations.js';
import type { LambdaEvidence } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { functionUnreadable, withFunction } from './function-snapshots.js';
import { complete, denied, mutate } from './snapshots.js';

/**
 * No function of the lab's name, and what the collector found instead. (The near misses' names are not checked
 * here: which function GET /hello invokes is decided by ARN.)
 */
const noFunction = (elsewhere: Pick<LambdaEvidence, 'functionNearMisses' | 'functionInRegions'>) =>
  mutate(complete, (s) => void Object.assign(s.lambda, { function: absent('ResourceNotFoundException'), ...elsewhere }));

checkTester(functionExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'active' },
    { name: 'a function from before Lambda reported states', snapshot: withFunction({ state: null }), messageId: 'active' },
  ],
  invalid: [
    { name: 'no such function, and the API is there to invoke it', snapshot: mutate(complete, (s) => void (s.lambda.function = absent('ResourceNotFoundException'))), messageId: 'missingForApi' },
    {
      name: 'no such function, nor an API',
      snapshot: mutate(complete, (s) => {
        s.lambda.function = absent('ResourceNotFoundException');
        s.apigateway.api = absent('no API');
      }),
      messageId: 'missing',
    },
    { name: 'a near miss GET /hello invokes', snapshot: noFunction({ functionNearMisses: found([{ name: 'HelloWorldFunction', id: FUNCTION_ARN }]) }), messageId: 'nearMissInUse' },
    { name: 'a near miss nothing invokes', snapshot: noFunction({ functionNearMisses: found([{ name: 'MyFirstFunction', id: OTHER_FUNCTION_ARN }]) }), messageId: 'nearMiss' },
    { name: "the lab's name in another region", snapshot: noFunction({ functionInRegions: ['us-west-2'] }), messageId: 'inOtherRegion' },
    { name: 'ListFunctions denied, no other region', snapshot: noFunction({ functionNearMisses: denied('lambda:ListFunctions'), functionInRegions: [] }), messageId: 'missingForApi' },
    { name: 'Failed', snapshot: withFunction({ state: 'Failed', stateReason: 'The role defined for the function cannot be assumed by Lambda.' }), messageId: 'notActive' },
    { name: 'Pending without a reason', snapshot: withFunction({ state: 'Pending', stateReason: null }), messageId: 'notActive' },
    ...functionUnreadable,
  ],
});
