import type { Check } from '../src/engine/types.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { CREATE_TEST_USER, PASSWORD_VARIABLE, SET_PERMANENT_PASSWORD } from './support/remediations.js';
import { failed, passed } from './support/verdict.js';

const check: Check = {
  meta: {
    id: 'test-user-ready',
    step: 5,
    title: 'The test user exists, is enabled and CONFIRMED',
    dependsOn: ['user-pool-exists'],
    severity: 'high',
    kind: 'inspect',
    messages: {
      ready: 'The user {{username}} is enabled and CONFIRMED.',
      missing: 'The user pool {{poolId}} has no user named {{names.username}}.',
      disabled: 'The user {{username}} is disabled.',
      forceChangePassword: 'The user {{username}} is in status FORCE_CHANGE_PASSWORD: it still has its temporary password.',
      otherStatus: 'The user {{username}} is in status {{userStatus}}, not CONFIRMED.',
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the user and give it a permanent password, as in Activity 5.',
      commands: [CREATE_TEST_USER, SET_PERMANENT_PASSWORD],
      needs: [PASSWORD_VARIABLE],
      byMessage: {
        disabled: {
          text: 'Enable the user.',
          commands: ['aws cognito-idp admin-enable-user --user-pool-id {{userPoolId}} --username {{names.username}} --region {{region}}'],
        },
        forceChangePassword: {
          text: 'Set the permanent password as the second command of Activity 5 does (--permanent); that makes the user CONFIRMED.',
          commands: [SET_PERMANENT_PASSWORD],
          needs: [PASSWORD_VARIABLE],
        },
        otherStatus: {
          text: 'Setting a permanent password makes the user CONFIRMED.',
          commands: [SET_PERMANENT_PASSWORD],
          needs: [PASSWORD_VARIABLE],
        },
      },
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-create-user-accounts.html',
    permissions: ['cognito-idp:AdminGetUser'],
  },
  evaluate(snapshot, lab) {
    const { pool, user } = snapshot.cognito;
    if (pool.state !== 'found') return unobserved(pool, 'the user pool');
    if (!seen(user)) return unobserved(user, `the user ${lab.names.username}`);
    if (user.state === 'absent') return failed('missing', { poolId: pool.value.id }, { detail: user.detail });
    const { username, enabled, userStatus } = user.value;
    const evidence = { enabled, userStatus };
    if (!enabled) return failed('disabled', { username }, evidence);
    if (userStatus === 'FORCE_CHANGE_PASSWORD') return failed('forceChangePassword', { username }, evidence);
    if (userStatus !== 'CONFIRMED') return failed('otherStatus', { username, userStatus }, evidence);
    return passed('ready', { username }, evidence);
  },
};

export default check;
