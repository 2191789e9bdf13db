// Activity 10, the live part: signing in, and the five calls to the prod stage.
import probeAccessTokenRejected from '../../checks/probe-access-token-rejected.js';
import probeAuthorized200 from '../../checks/probe-authorized-200.js';
import probeForgedToken401 from '../../checks/probe-forged-token-401.js';
import probeIdTokenClaims from '../../checks/probe-id-token-claims.js';
import probeResponseBody from '../../checks/probe-response-body.js';
import probeTokenIssued from '../../checks/probe-token-issued.js';
import probeUnauthenticated401 from '../../checks/probe-unauthenticated-401.js';
import { forbidden, hello, internalServerError, missingAuthenticationToken, unauthorized } from '../../fixtures/gateway-answers.js';
import { failedCall, found } from '../../fixtures/observations.js';
import type { AuthOutcome, HttpExchange, ProbeName } from '../../src/snapshot/types.js';
import { checkTester, type InvalidCase } from './check-tester.js';
import { complete, mutate, notLookedFor, value } from './snapshots.js';

const answered = (probe: ProbeName, exchange: HttpExchange) => mutate(complete, (s) => void (s.probes.http[probe] = found(exchange)));
const signIn = (outcome: AuthOutcome) => mutate(complete, (s) => void (s.probes.auth = found(outcome)));
const withClaims = (claims: Record<string, unknown>) =>
  mutate(complete, (s) => {
    const outcome = value(s.probes.auth);
    if (outcome.outcome === 'tokens' && outcome.idToken) Object.assign(outcome.idToken.claims, claims);
  });

/** Every probe check says so when the probes were not run, and when its own observation is missing. */
function notMade(probe: ProbeName | 'auth'): InvalidCase[] {
  const clear = (observed: ReturnType<typeof notLookedFor>) =>
    mutate(complete, (s) => {
      if (probe === 'auth') s.probes.auth = observed;
      else s.probes.http[probe] = observed;
    });
  return [
    { name: 'probes not run', snapshot: mutate(complete, (s) => Object.assign(s.probes, { state: 'not-run', reason: 'not built yet' })), status: 'ERROR', messageId: 'probesNotRun' },
    { name: 'the call timed out', snapshot: clear(failedCall('timeout', 'https:GET', 'TimeoutError', 'no answer in 10 s')), status: 'ERROR', messageId: 'observationError' },
    { name: 'the call was not made', snapshot: clear(notLookedFor('no tokens')), status: 'ERROR', messageId: 'notObserved' },
  ];
}

checkTester(probeTokenIssued, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'issued' }],
  invalid: [
    { name: 'flow not enabled', snapshot: signIn({ outcome: 'refused', code: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' }), messageId: 'refused' },
    { name: 'wrong password', snapshot: signIn({ outcome: 'refused', code: 'NotAuthorizedException', message: 'Incorrect username or password.' }), messageId: 'refused' },
    { name: 'temporary password still set', snapshot: signIn({ outcome: 'challenge', challengeName: 'NEW_PASSWORD_REQUIRED' }), messageId: 'challenge' },
    ...notMade('auth'),
  ],
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

checkTester(probeUnauthenticated401, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'the method is open on prod', snapshot: answered('noToken', hello('noToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('noToken', missingAuthenticationToken('noToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('noToken', forbidden('noToken')), messageId: 'unexpectedStatus' },
    ...notMade('noToken'),
  ],
});

checkTester(probeForgedToken401, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'the method is open on prod', snapshot: answered('forgedToken', hello('forgedToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('forgedToken', missingAuthenticationToken('forgedToken')), messageId: 'routeNotDeployed' },
    { name: 'the function is broken (the token passed!)', snapshot: answered('forgedToken', internalServerError('forgedToken')), messageId: 'unexpectedStatus' },
    ...notMade('forgedToken'),
  ],
});

const bodyAnswer = (status: number, body: string): HttpExchange => ({ ...hello('bearerIdToken', 'testuser'), status, body });

checkTester(probeAuthorized200, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'ok' }],
  invalid: [
    { name: 'no Lambda permission for this API', snapshot: answered('bearerIdToken', internalServerError('bearerIdToken')), messageId: 'invokeDenied' },
    { name: 'the handler fails', snapshot: answered('bearerIdToken', bodyAnswer(502, '{"message": "Internal server error"}')), messageId: 'handlerFailed' },
    { name: 'the authorizer is on another pool', snapshot: answered('bearerIdToken', unauthorized('bearerIdToken')), messageId: 'tokenRejected' },
    { name: 'GET /hello not deployed', snapshot: answered('bearerIdToken', missingAuthenticationToken('bearerIdToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('bearerIdToken', forbidden('bearerIdToken')), messageId: 'unexpectedStatus' },
    ...notMade('bearerIdToken'),
  ],
});

checkTester(probeResponseBody, {
  valid: [
    { name: "the lab's handler (Python's json.dumps spacing)", snapshot: complete, messageId: 'matches' },
    { name: 'the same JSON, keys in another order', snapshot: answered('bearerIdToken', bodyAnswer(200, '{"user":"testuser","message":"Hello from secured API!"}')), messageId: 'matches' },
  ],
  invalid: [
    { name: 'no claims reached the function', snapshot: answered('bearerIdToken', hello('bearerIdToken', 'Unknown')), messageId: 'noClaims' },
    { name: 'another message', snapshot: answered('bearerIdToken', bodyAnswer(200, '{"message": "Hello from Lambda!"}')), messageId: 'differs' },
    { name: 'not JSON', snapshot: answered('bearerIdToken', bodyAnswer(200, 'Hello from Lambda!')), messageId: 'notJson' },
    ...notMade('bearerIdToken'),
  ],
});

checkTester(probeAccessTokenRejected, {
  valid: [{ name: 'the complete lab', snapshot: complete, messageId: 'rejected' }],
  invalid: [
    { name: 'accepted (scopes on the method, or no authorizer)', snapshot: answered('accessToken', hello('accessToken', 'Unknown')), messageId: 'accepted' },
    { name: 'GET /hello not deployed', snapshot: answered('accessToken', missingAuthenticationToken('accessToken')), messageId: 'routeNotDeployed' },
    { name: 'no such stage', snapshot: answered('accessToken', forbidden('accessToken')), messageId: 'unexpectedStatus' },
    ...notMade('accessToken'),
  ],
});
