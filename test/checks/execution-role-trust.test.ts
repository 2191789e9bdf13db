// Activity 6: the role's trust policy lets Lambda assume it, in every way a policy can say so.
import executionRoleTrust from '../../checks/execution-role-trust.js';
import type { PolicyStatement } from '../../src/snapshot/types.js';
import { checkTester } from './check-tester.js';
import { complete, denied, mutate, notLookedFor, value } from './snapshots.js';

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
