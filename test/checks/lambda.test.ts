// Activity 6: the execution role and the function.
import executionRoleBasicPolicy from '../../checks/execution-role-basic-policy.js';
import executionRoleExists from '../../checks/execution-role-exists.js';
import executionRoleTrust from '../../checks/execution-role-trust.js';
import functionExists from '../../checks/function-exists.js';
import functionHandler from '../../checks/function-handler.js';
import functionRole from '../../checks/function-role.js';
import functionRuntime from '../../checks/function-runtime.js';
import { absent, found } from '../../fixtures/observations.js';
import type { LambdaFunction, PolicyStatement } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, lab, mutate, notLookedFor, value } from './snapshots.js';

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
    { name: 'GetRole denied', snapshot: mutate(complete, (s) => void (s.iam.role = denied('iam:GetRole'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'not looked for', snapshot: mutate(complete, (s) => void (s.iam.role = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

const withTrust = (...statements: PolicyStatement[]) => mutate(complete, (s) => void (value(s.iam.role).trustPolicy.Statement = statements));
const assume = { Effect: 'Allow', Action: 'sts:AssumeRole' };

checkTester(executionRoleTrust, {
  valid: [
    { name: "the lab's trust policy (Service as a string)", snapshot: complete, messageId: 'trusted' },
    { name: 'Service as a list', snapshot: withTrust({ ...assume, Principal: { Service: ['edgelambda.amazonaws.com', 'lambda.amazonaws.com'] } }), messageId: 'trusted' },
    { name: 'Action as a list', snapshot: withTrust({ Effect: 'Allow', Action: ['sts:TagSession', 'sts:AssumeRole'], Principal: { Service: 'lambda.amazonaws.com' } }) },
  ],
  invalid: [
    { name: 'trusted by EC2 only', snapshot: withTrust({ ...assume, Principal: { Service: 'ec2.amazonaws.com' } }), messageId: 'notTrusted' },
    { name: 'Lambda named, but denied', snapshot: withTrust({ ...assume, Effect: 'Deny', Principal: { Service: 'lambda.amazonaws.com' } }), messageId: 'notTrusted' },
    { name: 'Lambda named, but for another action', snapshot: withTrust({ Effect: 'Allow', Action: 'sts:TagSession', Principal: { Service: 'lambda.amazonaws.com' } }), messageId: 'notTrusted' },
    { name: 'no statement', snapshot: withTrust(), messageId: 'notTrusted' },
    { name: 'GetRole denied', snapshot: mutate(complete, (s) => void (s.iam.role = denied('iam:GetRole'))), status: 'ERROR', messageId: 'observationError' },
    { name: 'role not looked for', snapshot: mutate(complete, (s) => void (s.iam.role = notLookedFor())), status: 'ERROR', messageId: 'notObserved' },
  ],
});

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

const withFunction = (change: Partial<LambdaFunction>) => mutate(complete, (s) => void Object.assign(value(s.lambda.function), change));
const functionDenied = mutate(complete, (s) => void (s.lambda.function = denied('lambda:GetFunction')));
const functionSkipped = mutate(complete, (s) => void (s.lambda.function = notLookedFor()));
const unreadable = [
  { name: 'GetFunction denied', snapshot: functionDenied, status: 'ERROR' as const, messageId: 'observationError' },
  { name: 'function not looked for', snapshot: functionSkipped, status: 'ERROR' as const, messageId: 'notObserved' },
];

checkTester(functionExists, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'active' },
    { name: 'a function from before Lambda reported states', snapshot: withFunction({ state: null }), messageId: 'active' },
  ],
  invalid: [
    { name: 'no such function', snapshot: mutate(complete, (s) => void (s.lambda.function = absent('ResourceNotFoundException'))), messageId: 'missing' },
    { name: 'Failed', snapshot: withFunction({ state: 'Failed', stateReason: 'The role defined for the function cannot be assumed by Lambda.' }), messageId: 'notActive' },
    { name: 'Pending without a reason', snapshot: withFunction({ state: 'Pending', stateReason: null }), messageId: 'notActive' },
    ...unreadable,
  ],
});

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
    ...unreadable,
  ],
});

checkTester(functionHandler, {
  valid: [{ name: "the lab's handler", snapshot: complete, messageId: 'expected' }],
  invalid: [
    { name: 'the console default for another file name', snapshot: withFunction({ handler: 'index.handler' }), messageId: 'wrongHandler' },
    { name: 'no handler (container image)', snapshot: withFunction({ handler: null }), messageId: 'wrongHandler' },
    ...unreadable,
  ],
});

checkTester(functionRole, {
  valid: [
    { name: "the lab's role", snapshot: complete, messageId: 'labRole' },
    { name: "the lab's role under a path", snapshot: withFunction({ role: 'arn:aws:iam::123456789012:role/service-role/lambda-execution-role' }), messageId: 'labRole' },
  ],
  invalid: [
    { name: 'a console-made role', snapshot: withFunction({ role: 'arn:aws:iam::123456789012:role/service-role/HelloWorldFunction-role-a1b2c3d4' }), messageId: 'otherRole' },
    ...unreadable,
  ],
});
