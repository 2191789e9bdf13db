// The one-sentence cause of a student not graded, from the texts the grader writes: the assume-role denial
// (which AWS does not split into a missing role and a wrong ExternalId), other credential failures, an account
// mismatch, a network failure, and anything else shortened to its first sentence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSE_MAX_CHARACTERS, causeOf } from '../../src/batch/cause.js';
import { credentialsFailureMessage } from '../../src/target/credential-help.js';
import type { CredentialSource } from '../../src/target/index.js';

const ROLE = 'arn:aws:iam::100000000006:role/LabGraderReadOnly';
const DENIED = { code: 'AccessDenied', message: `User: arn:aws:iam::999999999999:root is not authorized to perform: sts:AssumeRole on resource: ${ROLE}` };
const roleSource = (externalId: string | null): CredentialSource => ({ kind: 'role', roleArn: ROLE, externalId, base: { kind: 'default-chain' } });

describe('the cause of a student not graded', () => {
  test('an AssumeRole denial names what AWS cannot tell apart, and a missing ExternalId when the roster gives none', () => {
    const withId = credentialsFailureMessage(roleSource('ext-1'), DENIED);
    assert.equal(
      causeOf(withId, { kind: 'role', roleArn: ROLE, externalId: 'ext-1' }),
      `could not assume ${ROLE}: AccessDenied (the role does not exist, does not trust your account, or wants another ExternalId)`,
    );
    const withoutId = credentialsFailureMessage(roleSource(null), DENIED);
    assert.equal(
      causeOf(withoutId, { kind: 'role', roleArn: ROLE, externalId: null }),
      `could not assume ${ROLE}: AccessDenied (the role does not exist, does not trust your account, or wants an ExternalId (the roster gives none))`,
    );
  });

  test("the instructor's own credentials refused while assuming the role: the code, and what to check", () => {
    const message = credentialsFailureMessage(roleSource('e'), { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    assert.equal(
      causeOf(message, { kind: 'role', roleArn: ROLE, externalId: 'e' }),
      `could not assume ${ROLE}: InvalidClientTokenId (check your own credentials with aws sts get-caller-identity)`,
    );
  });

  test("a profile's credentials refused, an account mismatch, a network failure: the sentence without its details", () => {
    const profile = credentialsFailureMessage({ kind: 'profile', profile: 'ada' }, { code: 'ExpiredToken', message: 'The security token included in the request is expired' });
    assert.match(causeOf(profile, { kind: 'profile', profile: 'ada' }), /^AWS did not accept the credentials from .*ada.*: ExpiredToken$/);
    assert.equal(
      causeOf('the credentials reached account 100000000042, but the roster says 100000000008 (arn:aws:iam::100000000042:root); not graded, check the roster row'),
      'the credentials reached account 100000000042, but the roster says 100000000008',
    );
    assert.equal(
      causeOf('lab-grader could not reach http://127.0.0.1:9 (sts:GetCallerIdentity: connect ECONNREFUSED). Check the network connection. Nothing was graded.'),
      'could not reach http://127.0.0.1:9',
    );
    assert.equal(causeOf('timed out after 120 s'), 'timed out after 120 s');
  });

  test('anything else: its first sentence, at most a line long', () => {
    assert.equal(causeOf('internal error: x is undefined. More detail here.'), 'internal error: x is undefined.');
    assert.equal(causeOf('Cannot grade: lab-grader cannot grade: the spec is odd. Details.'), 'the spec is odd.');
    const long = causeOf(`lab-grader cannot grade: ${'word '.repeat(100)}`);
    assert.equal(Array.from(long).length, CAUSE_MAX_CHARACTERS);
    assert.match(long, /^word word .*…$/);
  });
});
