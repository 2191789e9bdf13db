// The token issuer: ID and access tokens (RS256 JWTs signed with the pool's two keys, claims exactly as
// Cognito's) and opaque refresh tokens.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { ALG, type KeyRing } from './keys.js';
import type { SigningKey, StoredClient, StoredPool, StoredUser } from './state.js';

/** Which issuer URL tokens carry. The facts say newer pools may use the issuer-cognito-idp host. */
export type IssuerForm = 'cognito-idp' | 'issuer-cognito-idp';

export function issuerUrl(form: IssuerForm, region: string, poolId: string): string {
  return `https://${form}.${region}.amazonaws.com/${poolId}`;
}

/** One sign-in: what the tokens of it and of every refresh after it share. */
export interface AuthEvent {
  /** Epoch seconds. */
  authTime: number;
  originJti: string;
  eventId: string;
}

export function newAuthEvent(nowSeconds: number): AuthEvent {
  return { authTime: nowSeconds, originJti: randomUUID(), eventId: randomUUID() };
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** A client's token lifetimes in seconds; a validity given without a unit is in hours (ID, access) or days (refresh). */
export function tokenLifetimes(
  client: Pick<StoredClient, 'tokenValidityUnits' | 'idTokenValidity' | 'accessTokenValidity' | 'refreshTokenValidity'>,
): { id: number; access: number; refresh: number } {
  const units = client.tokenValidityUnits;
  const seconds = (value: number | undefined, unit: string | undefined, defaultUnit: string, fallback: number) =>
    value === undefined ? fallback : value * (UNIT_SECONDS[unit ?? defaultUnit] ?? 0);
  return {
    id: seconds(client.idTokenValidity, units.IdToken, 'hours', 3600),
    access: seconds(client.accessTokenValidity, units.AccessToken, 'hours', 3600),
    refresh: seconds(client.refreshTokenValidity, units.RefreshToken, 'days', 30 * 86400),
  };
}

// Cognito puts *_verified attributes into the ID token as JSON booleans.
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

function attributeClaims(user: StoredUser, client: StoredClient): JWTPayload {
  const claims: JWTPayload = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (client.readAttributes && !client.readAttributes.includes(name)) continue;
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  return claims;
}

export interface TokenRequest {
  pool: StoredPool;
  client: StoredClient;
  user: StoredUser;
  event: AuthEvent;
  issuer: string;
  /** Epoch seconds. */
  now: number;
}

async function sign(claims: JWTPayload, key: SigningKey, keys: KeyRing): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: ALG }).sign(await keys.signingKey(key));
}

export async function idToken(req: TokenRequest, keys: KeyRing): Promise<string> {
  const { user, client, event, now } = req;
  return sign(
    {
      sub: user.sub,
      ...attributeClaims(user, client),
      aud: client.clientId,
      iss: req.issuer,
      'cognito:username': user.username,
      token_use: 'id',
      auth_time: event.authTime,
      iat: now,
      exp: now + tokenLifetimes(client).id,
      jti: randomUUID(),
      origin_jti: event.originJti,
      event_id: event.eventId,
    },
    req.pool.keys.id,
    keys,
  );
}

export async function accessToken(req: TokenRequest, keys: KeyRing): Promise<string> {
  const { user, client, event, now } = req;
  return sign(
    {
      sub: user.sub,
      iss: req.issuer,
      client_id: client.clientId,
      username: user.username,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: event.authTime,
      iat: now,
      exp: now + tokenLifetimes(client).access,
      jti: randomUUID(),
      origin_jti: event.originJti,
      event_id: event.eventId,
    },
    req.pool.keys.access,
    keys,
  );
}

/** Refresh tokens are opaque to their holder; the pool keeps only their hash. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(96).toString('base64url');
  return { token, hash: refreshTokenHash(token) };
}

export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
