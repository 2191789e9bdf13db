// InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge, AdminRespondToAuthChallenge: the password and
// refresh flows and the NEW_PASSWORD_REQUIRED challenge, with every refusal worded as Cognito's.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { own, type RequestContext } from '../service.js';
import { flowEnabled } from './clients.js';
import { INCORRECT_CREDENTIALS, invalidParameter, notAuthorized, userNotFound } from './errors.js';
import type { CognitoDeps, Handler } from './handler.js';
import { enforcePolicy, hashPassword, passwordMatches } from './passwords.js';
import { passwordPolicy } from './pools.js';
import { userKey, type StoredClient, type StoredPool, type StoredUser } from './state.js';
import { accessToken, idToken, newAuthEvent, newRefreshToken, refreshTokenHash, tokenLifetimes, type AuthEvent } from './tokens.js';
import { CLIENT_ID, USER_POOL_ID } from './input.js';

type Endpoint = 'public' | 'admin';

const AUTH_FLOWS = [
  'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH',
];
// Each endpoint accepts only its own password flows.
const ENDPOINT_FLOWS: Record<Endpoint, string[]> = {
  public: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH'],
  admin: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'],
};
const CHALLENGES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP',
  'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
];
const SESSION = { min: 20, max: 2048, sensitive: true };

interface Attempt {
  pool: StoredPool;
  client: StoredClient;
  ctx: RequestContext;
  deps: CognitoDeps;
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/** SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
function checkSecretHash(client: StoredClient, given: string | undefined, usernames: string[]): void {
  if (client.secret === undefined) return;
  if (given === undefined) throw notAuthorized(`Client ${client.clientId} is configured for secret but secret was not received`);
  const secret = client.secret;
  const matches = usernames.some((name) => {
    const expected = createHmac('sha256', secret).update(name + client.clientId).digest();
    const actual = Buffer.from(given, 'base64');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
  if (!matches) throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}

function checkEnabled(user: StoredUser): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
}

async function authenticationResult(attempt: Attempt, user: StoredUser, event: AuthEvent, withRefreshToken: boolean) {
  const { pool, client, ctx, deps } = attempt;
  const nowMs = deps.now(ctx);
  const request = { pool, client, user, event, issuer: deps.issuer(pool), now: Math.floor(nowMs / 1000) };
  const [IdToken, AccessToken] = await Promise.all([idToken(request, deps.keys), accessToken(request, deps.keys)]);
  const lifetimes = tokenLifetimes(client);
  let RefreshToken: string | undefined;
  if (withRefreshToken) {
    const refresh = newRefreshToken();
    pool.refreshTokens[refresh.hash] = {
      clientId: client.clientId,
      userKey: userKey(pool, user.username),
      sub: user.sub,
      ...event,
      expiresAt: nowMs + lifetimes.refresh * 1000,
    };
    RefreshToken = refresh.token;
  }
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken, ExpiresIn: lifetimes.access, TokenType: 'Bearer', ...(RefreshToken && { RefreshToken }), IdToken },
  };
}

async function passwordAuth(attempt: Attempt, params: Record<string, string>) {
  const { pool, client, ctx, deps } = attempt;
  const username = required(params, 'USERNAME');
  const password = required(params, 'PASSWORD');
  checkSecretHash(client, params['SECRET_HASH'], [username]);
  const user = own(pool.users, userKey(pool, username));
  if (!user) {
    throw client.preventUserExistenceErrors === 'ENABLED' ? notAuthorized(INCORRECT_CREDENTIALS) : userNotFound();
  }
  checkEnabled(user);
  if (!(await passwordMatches(password, user.password))) throw notAuthorized(INCORRECT_CREDENTIALS);
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const minutes = (client.echoed['AuthSessionValidity'] as number | undefined) ?? 3;
    const session = deps.sessions.open({
      poolId: pool.id,
      clientId: client.clientId,
      userKey: userKey(pool, user.username),
      expiresAt: deps.now(ctx) + minutes * 60_000,
    });
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(user.attributes),
      },
    };
  }
  return authenticationResult(attempt, user, newAuthEvent(Math.floor(deps.now(ctx) / 1000)), true);
}

async function refreshAuth(attempt: Attempt, params: Record<string, string>) {
  const { pool, client, ctx, deps } = attempt;
  const record = pool.refreshTokens[refreshTokenHash(required(params, 'REFRESH_TOKEN'))];
  const user = record && pool.users[record.userKey];
  if (!record || record.clientId !== client.clientId || !user || user.sub !== record.sub) {
    throw notAuthorized('Invalid Refresh Token');
  }
  if (record.expiresAt <= deps.now(ctx)) throw notAuthorized('Refresh Token has expired');
  checkSecretHash(client, params['SECRET_HASH'], [user.username, user.sub]);
  checkEnabled(user);
  return authenticationResult(attempt, user, record, false);
}

function startAuth(attempt: Attempt, endpoint: Endpoint, authFlow: string, params: Record<string, string>) {
  if (!ENDPOINT_FLOWS[endpoint].includes(authFlow)) throw invalidParameter('Initiate Auth method not supported.');
  if (!flowEnabled(attempt.client, authFlow)) {
    throw invalidParameter(endpoint === 'admin' ? 'Auth flow not enabled for this client' : `${authFlow} flow not enabled for this client`);
  }
  switch (authFlow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      return passwordAuth(attempt, params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshAuth(attempt, params);
    default:
      // SRP, custom (Lambda) and choice-based flows need machinery the sandbox does not have.
      throw invalidParameter(`${authFlow} is not supported by the sandbox.`);
  }
}

const initiateAuth: Handler = (input, ctx, deps) => {
  input.check({ AuthFlow: { required: true, enum: AUTH_FLOWS }, ClientId: CLIENT_ID });
  const { pool, client } = deps.pools.client(input.requiredString('ClientId'));
  return startAuth({ pool, client, ctx, deps }, 'public', input.requiredString('AuthFlow'), input.stringMap('AuthParameters') ?? {});
};

const adminInitiateAuth: Handler = (input, ctx, deps) => {
  input.check({ UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: { required: true, enum: AUTH_FLOWS } });
  const { pool, client } = deps.pools.clientInScope(ctx, input.requiredString('UserPoolId'), input.requiredString('ClientId'));
  return startAuth({ pool, client, ctx, deps }, 'admin', input.requiredString('AuthFlow'), input.stringMap('AuthParameters') ?? {});
};

async function newPasswordChallenge(attempt: Attempt, challengeName: string, session: string | undefined, responses: Record<string, string>) {
  const { pool, client, ctx, deps } = attempt;
  if (challengeName !== 'NEW_PASSWORD_REQUIRED') throw invalidParameter(`The ${challengeName} challenge is not supported by the sandbox.`);
  const username = required(responses, 'USERNAME');
  const newPassword = required(responses, 'NEW_PASSWORD');
  const pending = session === undefined ? undefined : deps.sessions.get(session);
  const user = own(pool.users, userKey(pool, username)) ?? Object.values(pool.users).find((u) => u.sub === username);
  if (!pending || !user || pending.poolId !== pool.id || pending.clientId !== client.clientId || pending.userKey !== userKey(pool, user.username)) {
    throw notAuthorized('Invalid session for the user.');
  }
  if (pending.expiresAt <= deps.now(ctx)) throw notAuthorized('Invalid session for the user, session is expired.');
  checkSecretHash(client, responses['SECRET_HASH'], [username]);
  checkEnabled(user);
  enforcePolicy(passwordPolicy(pool), newPassword, 'does not conform to');

  user.password = await hashPassword(newPassword);
  user.status = 'CONFIRMED';
  for (const [name, value] of Object.entries(responses)) {
    if (name.startsWith('userAttributes.')) user.attributes[name.slice('userAttributes.'.length)] = value;
  }
  user.modified = deps.now(ctx);
  deps.sessions.close(session as string);
  return authenticationResult(attempt, user, newAuthEvent(Math.floor(deps.now(ctx) / 1000)), true);
}

const respondToAuthChallenge: Handler = (input, ctx, deps) => {
  input.check({ ClientId: CLIENT_ID, ChallengeName: { required: true, enum: CHALLENGES }, Session: SESSION });
  const { pool, client } = deps.pools.client(input.requiredString('ClientId'));
  return newPasswordChallenge({ pool, client, ctx, deps }, input.requiredString('ChallengeName'), input.string('Session'), input.stringMap('ChallengeResponses') ?? {});
};

const adminRespondToAuthChallenge: Handler = (input, ctx, deps) => {
  input.check({
    UserPoolId: USER_POOL_ID,
    ClientId: CLIENT_ID,
    ChallengeName: { required: true, enum: CHALLENGES },
    Session: SESSION,
  });
  const { pool, client } = deps.pools.clientInScope(ctx, input.requiredString('UserPoolId'), input.requiredString('ClientId'));
  return newPasswordChallenge({ pool, client, ctx, deps }, input.requiredString('ChallengeName'), input.string('Session'), input.stringMap('ChallengeResponses') ?? {});
};

export const authHandlers: Record<string, Handler> = {
  InitiateAuth: initiateAuth,
  AdminInitiateAuth: adminInitiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
};
