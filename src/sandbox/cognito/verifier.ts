// Token verification for the API data plane (a COGNITO_USER_POOLS authorizer): is this a token of one of
// these pools, signed by it, unexpired, and of the right kind?

import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { ALG, type KeyRing } from './keys.js';
import type { PoolDirectory } from './state.js';

export type TokenRejection =
  /** Not a JWT, or no Cognito issuer: AWS answers 401 Unauthorized. */
  | 'malformed'
  /** Issued by a pool that is not among the allowed ones. */
  | 'other-pool'
  /** An allowed pool that no longer exists. */
  | 'unknown-pool'
  /** No key of the pool with this kid, or the signature does not verify. */
  | 'bad-signature'
  /** Signature good, exp passed: API Gateway says "The incoming token has expired". */
  | 'expired'
  /** An access token where an ID token is required, or the reverse. */
  | 'wrong-token-use';

export type TokenCheck =
  | { ok: true; poolId: string; tokenUse: 'id' | 'access'; claims: JWTPayload }
  | { ok: false; reason: TokenRejection };

export interface VerifyTokenOptions {
  /** Pool ids the authorizer trusts (see poolIdFromArn for its providerARNs). */
  allowedPoolIds: readonly string[];
  /** Require this token_use; omit to accept both. */
  tokenUse?: 'id' | 'access';
  /** Defaults to the service clock. */
  now?: Date;
}

// Both issuer forms the facts report: cognito-idp.<region>... and issuer-cognito-idp.<region>...
const ISSUER = /^https:\/\/(?:issuer-)?cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

export class TokenVerifier {
  constructor(
    private readonly pools: PoolDirectory,
    private readonly keys: KeyRing,
    private readonly clock: () => Date,
  ) {}

  async verifyToken(token: string, options: VerifyTokenOptions): Promise<TokenCheck> {
    let kid: string | undefined;
    let issuer: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
      issuer = decodeJwt(token).iss;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const match = typeof issuer === 'string' ? ISSUER.exec(issuer) : null;
    if (!match) return { ok: false, reason: 'malformed' };
    const [, region, poolId = ''] = match;
    if (!options.allowedPoolIds.includes(poolId)) return { ok: false, reason: 'other-pool' };
    const pool = this.pools.get(poolId);
    if (!pool || pool.region !== region) return { ok: false, reason: 'unknown-pool' };
    const signingKey = [pool.keys.id, pool.keys.access].find((k) => k.kid === kid);
    if (!signingKey) return { ok: false, reason: 'bad-signature' };

    let claims: JWTPayload;
    try {
      const verified = await jwtVerify(token, await this.keys.verificationKey(signingKey), {
        algorithms: [ALG],
        issuer: issuer as string,
        currentDate: options.now ?? this.clock(),
      });
      claims = verified.payload;
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (err instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad-signature' };
      return { ok: false, reason: 'malformed' };
    }
    const tokenUse = claims['token_use'];
    if (tokenUse !== 'id' && tokenUse !== 'access') return { ok: false, reason: 'malformed' };
    if (options.tokenUse && tokenUse !== options.tokenUse) return { ok: false, reason: 'wrong-token-use' };
    return { ok: true, poolId, tokenUse, claims };
  }
}
