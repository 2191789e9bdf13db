// The documents Cognito publishes under <issuer>/.well-known/: the JWKS and the OpenID configuration.

import type { RequestContext } from '../service.js';
import { ALG, publicJwk } from './keys.js';
import type { StoredPool } from './state.js';

export function jwks(pool: StoredPool): { keys: unknown[] } {
  return { keys: [publicJwk(pool.keys.id), publicJwk(pool.keys.access)] };
}

/**
 * The discovery document. issuer is the AWS issuer the tokens carry; jwks_uri points at this sandbox so
 * that a client following it finds the keys. No hosted UI, so no authorization or token endpoints.
 */
export function openIdConfiguration(pool: StoredPool, issuer: string, ctx: RequestContext): Record<string, unknown> {
  return {
    id_token_signing_alg_values_supported: [ALG],
    issuer,
    jwks_uri: `${ctx.baseUrl}/${pool.id}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
  };
}
