// A COGNITO_USER_POOLS authorizer as API Gateway runs it (AWS-FACTS §1): the token from the identity-source
// header (`Bearer <jwt>` or the raw jwt), verified against the pools of the authorizer's providerARNs; an ID
// token on a method without authorizationScopes, an access token carrying one of them on a method with some;
// the aud claim matched against identityValidationExpression. Verified tokens are cached per header value for
// authorizerResultTtlInSeconds (0: no cache).

import type { JWTPayload } from 'jose';
import type { Authorizer } from '../apigateway/index.js';
import { poolIdFromArn, type TokenVerifier } from '../cognito/index.js';

/** A denial names the gateway response: 401 Unauthorized, or 401 The incoming token has expired. */
export type AuthorizerOutcome = { ok: true; claims: JWTPayload } | { ok: false; error: 'unauthorized' | 'tokenExpired' };

export interface AuthorizeRequest {
  /** Separates caches: the API, the deployment and the authorizer id. */
  cacheScope: string;
  authorizer: Authorizer;
  /** The method's authorizationScopes. */
  scopes: readonly string[] | undefined;
  /** Lower-cased names. */
  headers: Readonly<Record<string, string>>;
  now: Date;
}

interface VerifiedToken {
  tokenUse: 'id' | 'access';
  claims: JWTPayload;
}

const HEADER_SOURCE = /^method\.request\.header\.(.+)$/i;
const DEFAULT_TTL_SECONDS = 300;
/** Bounds the cache's memory under a flood of distinct tokens; the oldest entries go first. */
const MAX_CACHED_TOKENS = 10_000;

type Denial = Extract<AuthorizerOutcome, { ok: false }>;

const denied = (error: Denial['error'] = 'unauthorized'): Denial => ({ ok: false, error });

/** The header value the identity source names, or undefined (a missing or blank header is a 401). */
function identityValue(authorizer: Authorizer, headers: Readonly<Record<string, string>>): string | undefined {
  const headerName = HEADER_SOURCE.exec(authorizer.identitySource ?? '')?.[1]?.toLowerCase();
  const value = headerName === undefined ? undefined : headers[headerName]?.trim();
  return value ? value : undefined;
}

function tokenOf(headerValue: string): string {
  return /^Bearer\s+(\S+)$/i.exec(headerValue)?.[1] ?? headerValue;
}

/** The scopes and token use the method demands of a verified token. */
function tokenFitsMethod(token: VerifiedToken, scopes: readonly string[]): boolean {
  if (scopes.length === 0) return token.tokenUse === 'id';
  if (token.tokenUse !== 'access') return false;
  const granted = typeof token.claims.scope === 'string' ? token.claims.scope.split(' ') : [];
  return scopes.some((scope) => granted.includes(scope));
}

/** identityValidationExpression is matched (whole) against aud; access tokens carry client_id instead. */
function audienceValid(expression: string | undefined, claims: JWTPayload): boolean {
  if (!expression) return true;
  const audience = claims.aud ?? claims.client_id;
  if (typeof audience !== 'string') return false;
  try {
    return new RegExp(`^(?:${expression})$`).test(audience);
  } catch {
    return false;
  }
}

export class CognitoAuthorizer {
  private readonly cache = new Map<string, { expiresAtMs: number; token: VerifiedToken }>();

  constructor(private readonly verifier: TokenVerifier) {}

  async authorize(request: AuthorizeRequest): Promise<AuthorizerOutcome> {
    const { authorizer } = request;
    const headerValue = identityValue(authorizer, request.headers);
    if (headerValue === undefined) return denied();
    const verified = await this.verified(request, headerValue);
    if (!verified.ok) return verified;
    if (!tokenFitsMethod(verified.token, request.scopes ?? [])) return denied();
    if (!audienceValid(authorizer.identityValidationExpression, verified.token.claims)) return denied();
    return { ok: true, claims: verified.token.claims };
  }

  private async verified(request: AuthorizeRequest, headerValue: string): Promise<{ ok: true; token: VerifiedToken } | Denial> {
    const { authorizer, now } = request;
    const key = `${request.cacheScope}\n${headerValue}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAtMs > now.getTime()) return { ok: true, token: cached.token };
    this.cache.delete(key);

    const allowedPoolIds = (authorizer.providerARNs ?? []).map(poolIdFromArn).filter((id): id is string => id !== undefined);
    const check = await this.verifier.verifyToken(tokenOf(headerValue), { allowedPoolIds, now });
    if (!check.ok) return denied(check.reason === 'expired' ? 'tokenExpired' : 'unauthorized');
    const token = { tokenUse: check.tokenUse, claims: check.claims };

    const ttlSeconds = authorizer.authorizerResultTtlInSeconds ?? DEFAULT_TTL_SECONDS;
    if (ttlSeconds > 0) {
      const expiresAtMs = Math.min(now.getTime() + ttlSeconds * 1000, (check.claims.exp ?? Infinity) * 1000);
      if (this.cache.size >= MAX_CACHED_TOKENS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, { expiresAtMs, token });
    }
    return { ok: true, token };
  }
}
