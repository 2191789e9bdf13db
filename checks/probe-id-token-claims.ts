import type { Check } from '../src/engine/types.js';
import { parseArn } from '../src/aws/arn-like.js';
import { UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { PROBES_NOT_RUN_MESSAGES, probesNotRun } from './support/probes.js';
import { failed, passed } from './support/verdict.js';
import { PASSWORD_VARIABLE } from './support/remediations.js';

/** Both issuer forms Cognito uses for a pool (newer pools may use the issuer-cognito-idp host). */
function issuers(region: string, poolId: string): string[] {
  return [`https://cognito-idp.${region}.amazonaws.com/${poolId}`, `https://issuer-cognito-idp.${region}.amazonaws.com/${poolId}`];
}

const check: Check = {
  meta: {
    id: 'probe-id-token-claims',
    step: 10,
    title: "The ID token is the test user's, for the app client, from the user pool",
    dependsOn: ['probe-token-issued'],
    severity: 'medium',
    kind: 'probe',
    messages: {
      claimsMatch: 'The ID token has token_use id, aud {{clientId}}, cognito:username {{names.username}} and the issuer of the user pool {{poolId}}.',
      noIdToken: 'Cognito issued tokens for {{names.username}}, but no ID token among them.',
      claimMismatch: 'The ID token has {{claim}} {{observed}}, not {{expectedValue}}.',
      ...UNOBSERVED_MESSAGES,
      ...PROBES_NOT_RUN_MESSAGES,
    },
    remediation: {
      text: 'Sign in with the app client of your user pool as in Activity 10, and keep the IdToken (not the AccessToken).',
      commands: [
        'ID_TOKEN=$(aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id {{clientId}} ' +
          "--auth-parameters \"USERNAME={{names.username}},PASSWORD=$PASSWORD\" --region {{region}} --query 'AuthenticationResult.IdToken' --output text)",
      ],
      needs: [PASSWORD_VARIABLE],
    },
    docs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
    permissions: [],
  },
  evaluate(snapshot, lab) {
    const notRun = probesNotRun(snapshot);
    if (notRun) return notRun;
    const { auth } = snapshot.probes;
    const { pool, client } = snapshot.cognito;
    if (auth.state !== 'found') return unobserved(auth, 'the sign-in of the test user');
    if (pool.state !== 'found') return unobserved(pool, 'the user pool');
    if (client.state !== 'found') return unobserved(client, 'the app client');
    if (auth.value.outcome !== 'tokens' || auth.value.idToken === null) return failed('noIdToken', {}, { outcome: auth.value.outcome });
    const claims = auth.value.idToken.claims;
    const poolId = pool.value.id;
    const clientId = client.value.clientId;
    const region = parseArn(pool.value.arn)?.region ?? snapshot.target.region;
    const wanted: [claim: string, accepted: string[]][] = [
      ['token_use', ['id']],
      ['aud', [clientId]],
      ['cognito:username', [lab.names.username]],
      ['iss', issuers(region, poolId)],
    ];
    const evidence = { claims: Object.fromEntries(wanted.map(([claim]) => [claim, claims[claim] ?? null])) };
    for (const [claim, accepted] of wanted) {
      const value = claims[claim];
      if (typeof value !== 'string' || !accepted.includes(value)) {
        const observed = value === undefined ? 'no value' : JSON.stringify(value);
        return failed('claimMismatch', { claim, observed, expectedValue: accepted.join(' or ') }, evidence);
      }
    }
    return passed('claimsMatch', { clientId, poolId }, evidence);
  },
};

export default check;
