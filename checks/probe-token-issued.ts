import type { Check } from '../src/engine/types.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { PROBES_NOT_RUN_MESSAGES, probesNotRun } from './support/probes.js';
import { failed, passed } from './support/verdict.js';
import { PASSWORD_VARIABLE, SET_PERMANENT_PASSWORD } from './support/remediations.js';

/**
 * Cognito's answer to a wrong password (AWS-FACTS section 2). An unknown user can answer the same, but then
 * test-user-ready fails and this check is not evaluated.
 */
function isWrongPassword(outcome: { code: string; message: string }): boolean {
  return outcome.code === 'NotAuthorizedException' && /^Incorrect username or password\.?$/i.test(outcome.message);
}

const check: Check = {
  meta: {
    id: 'probe-token-issued',
    step: 10,
    title: 'Cognito issues tokens to the test user (USER_PASSWORD_AUTH)',
    dependsOn: ['app-client-password-auth', 'app-client-no-secret', 'test-user-ready'],
    severity: 'critical',
    kind: 'probe',
    messages: {
      issued: 'Cognito signed in {{names.username}} with USER_PASSWORD_AUTH and issued an ID token and an access token.',
      refused: 'Cognito refused to sign in {{names.username}} with USER_PASSWORD_AUTH, answering {{code}} "{{cognitoMessage}}".',
      wrongPassword:
        'Cognito refused the password of {{names.username}} ({{code}} "{{cognitoMessage}}"): the password the grader signs in with ' +
        "(the lab's permanent password from Activity 5, unless you gave --password) is not the user's.",
      challenge: 'Cognito answered the sign-in of {{names.username}} with the challenge {{challengeName}} instead of tokens.',
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: {
      text:
        "Sign in as the lab does (Activity 10); if Cognito says the password is wrong, set the lab's permanent password again " +
        '(or grade with --password if you chose another).',
      commands: [SET_PERMANENT_PASSWORD],
      needs: [PASSWORD_VARIABLE],
      byMessage: {
        wrongPassword: {
          text:
            "Set the test user's permanent password back to the lab's, as in Activity 5 (the command reads it from $PASSWORD); " +
            'if you chose another password on purpose, grade with --password instead.',
          commands: [SET_PERMANENT_PASSWORD],
          needs: [PASSWORD_VARIABLE],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html',
    permissions: [],
  },
  evaluate(snapshot) {
    const notRun = probesNotRun(snapshot);
    if (notRun) return notRun;
    const auth = snapshot.probes.auth;
    if (auth.state !== 'found') return unobserved(auth, 'the sign-in of the test user');
    const outcome = auth.value;
    switch (outcome.outcome) {
      case 'tokens':
        return passed('issued', {}, { tokenType: outcome.tokenType, expiresIn: outcome.expiresIn });
      case 'challenge':
        return failed('challenge', { challengeName: outcome.challengeName }, outcome);
      case 'refused': {
        const data = { code: outcome.code, cognitoMessage: outcome.message };
        return failed(isWrongPassword(outcome) ? 'wrongPassword' : 'refused', data, outcome);
      }
    }
  },
};

export default check;
