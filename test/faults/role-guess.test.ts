// Lambda unreadable (throttled, timed out) sends the IAM collector to the lab's role name instead of the role
// the function runs as. That role may not be the function's: a FAIL about it would blame the learner for what
// the grader could not see, so it is ERROR; a PASS stays (fixtures/lambda-access-denied), and with no function
// at all (a fact) the lab's role is the one to judge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import executionRoleBasicPolicy from '../../checks/execution-role-basic-policy.js';
import executionRoleExists from '../../checks/execution-role-exists.js';
import executionRoleTrust from '../../checks/execution-role-trust.js';
import { absent, failedCall, found } from '../../fixtures/observations.js';
import type { Check } from '../../src/engine/types.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { complete, lab, mutate, value } from '../checks/snapshots.js';

const timedOut = failedCall('timeout', 'lambda:GetFunction', 'TimeoutError', 'a request has exceeded the configured 10000 ms requestTimeout');

/** The lab's role read by name, as the collector does when there is no function to follow. */
const labRoleRead = (fn: Snapshot['lambda']['function'], role: (s: Snapshot) => void) =>
  mutate(complete, (s) => {
    s.lambda.function = fn;
    s.iam.roleSource = 'lab-spec';
    role(s);
  });

const verdict = (check: Check, snapshot: Snapshot): string => {
  const { status, messageId } = check.evaluate(snapshot, lab);
  return `${status} ${messageId}`;
};

const roleMissing = (s: Snapshot) => void (s.iam.role = absent('NoSuchEntity'));
const trustsEc2 = (s: Snapshot) => void (value(s.iam.role).trustPolicy.Statement = [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
const noPolicies = (s: Snapshot) => void (s.iam.attachedPolicies = found([]));

test('function unreadable: what would FAIL about the lab-named role is ERROR', () => {
  assert.equal(verdict(executionRoleExists, labRoleRead(timedOut, roleMissing)), 'ERROR notObserved');
  assert.equal(verdict(executionRoleTrust, labRoleRead(timedOut, trustsEc2)), 'ERROR notObserved');
  assert.equal(verdict(executionRoleBasicPolicy, labRoleRead(timedOut, noPolicies)), 'ERROR notObserved');
});

test('function unreadable: the lab-named role that is right still PASSes', () => {
  const snapshot = labRoleRead(timedOut, () => {});
  assert.deepEqual([executionRoleExists, executionRoleTrust, executionRoleBasicPolicy].map((check) => verdict(check, snapshot)), ['PASS exists', 'PASS trusted', 'PASS attached']);
});

test('no function at all (a fact): the lab-named role is judged, FAIL included', () => {
  const noFunction = absent('ResourceNotFoundException');
  assert.equal(verdict(executionRoleExists, labRoleRead(noFunction, roleMissing)), 'FAIL missing');
  assert.equal(verdict(executionRoleTrust, labRoleRead(noFunction, trustsEc2)), 'FAIL notTrusted');
  assert.equal(verdict(executionRoleBasicPolicy, labRoleRead(noFunction, noPolicies)), 'FAIL notAttached');
});
