// Activity 10, live: the test user signs in with the lab's password and gets tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import probeTokenIssued from '../../checks/probe-token-issued.js';
import { checkTester } from './check-tester.js';
import { renderedFix } from './fix-commands.js';
import { notMade, signIn } from './probe-snapshots.js';
import { complete } from './snapshots.js';

checkTester(probeTokenIssued, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'issued' }],
  invalid: [
    { name: 'flow not enabled', snapshot: signIn({ outcome: 'refused', code: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' }), messageId: 'refused' },
    { name: 'wrong password', snapshot: signIn({ outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' }), messageId: 'wrongPassword' },
    { name: 'the user is disabled', snapshot: signIn({ outcome: 'refused', code: 'NotAuthorizedException', message: 'User is disabled.' }), messageId: 'refused' },
    { name: 'temporary password still set', snapshot: signIn({ outcome: 'challenge', challengeName: 'NEW_PASSWORD_REQUIRED' }), messageId: 'challenge' },
    ...notMade('auth'),
  ],
});

test("a wrong password: the fix sets the lab's permanent password from $PASSWORD, never printing it", () => {
  const fix = renderedFix(signIn({ outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' }), 'probe-token-issued');
  assert.deepEqual(fix?.commands, [
    'aws cognito-idp admin-set-user-password --user-pool-id us-east-1_AbCdEf123 --username testuser --password "$PASSWORD" --permanent --region us-east-1',
  ]);
  assert.match(fix?.text ?? '', /--password/);
  assert.match(fix?.needs.join('\n') ?? '', /^PASSWORD: /);
});
