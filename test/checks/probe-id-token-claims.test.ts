// Activity 10, live: the ID token is for this user, app client and pool.
import probeIdTokenClaims from '../../checks/probe-id-token-claims.js';
import { checkTester } from './check-tester.js';
import { notMade, signIn } from './probe-snapshots.js';
import { complete, mutate, value } from './snapshots.js';

const withClaims = (claims: Record<string, unknown>) =>
  mutate(complete, (s) => {
    const outcome = value(s.probes.auth);
    if (outcome.outcome === 'tokens' && outcome.idToken) Object.assign(outcome.idToken.claims, claims);
  });

checkTester(probeIdTokenClaims, {
  valid: [
    { name: 'the complete lab', snapshot: complete, messageId: 'claimsMatch' },
    { name: 'the issuer-cognito-idp issuer of newer pools', snapshot: withClaims({ iss: 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123' }), messageId: 'claimsMatch' },
  ],
  invalid: [
    { name: 'an access token where the ID token should be', snapshot: withClaims({ token_use: 'access' }), messageId: 'claimMismatch' },
    { name: 'for another app client', snapshot: withClaims({ aud: '0000000000aaaaaaaaaaaaaaaa' }), messageId: 'claimMismatch' },
    { name: 'for another user', snapshot: withClaims({ 'cognito:username': 'admin' }), messageId: 'claimMismatch' },
    { name: 'from another pool', snapshot: withClaims({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Qr5StUv67' }), messageId: 'claimMismatch' },
    { name: 'no aud claim', snapshot: withClaims({ aud: undefined }), messageId: 'claimMismatch' },
    { name: 'tokens without an ID token', snapshot: signIn({ outcome: 'tokens', tokenType: 'Bearer', expiresIn: 3600, idToken: null, accessToken: null }), messageId: 'noIdToken' },
    ...notMade('auth'),
  ],
});
