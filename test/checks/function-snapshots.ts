// Changes to the complete snapshot's Lambda function that the function check tests share.
import type { LambdaFunction } from '../../src/snapshot/types.js';
import type { InvalidCase } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

export const withFunction = (change: Partial<LambdaFunction>) => mutate(complete, (s) => void Object.assign(value(s.lambda.function), change));

/** Every check on the function says so when the function could not be read, or was not looked for. */
export const functionUnreadable: InvalidCase[] = [
  { name: 'GetFunction denied', snapshot: mutate(complete, (s) => void (s.lambda.function = denied('lambda:GetFunction'))), status: 'ERROR', messageId: 'observationError' },
  { name: 'function not looked for', snapshot: mutate(complete, (s) => void (s.lambda.function = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
];
