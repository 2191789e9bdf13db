// The RSA signing keys of a pool (one for ID tokens, one for access tokens, as Cognito uses two) and
// their JWKS form. Keys are generated and used through jose only.

import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { PoolKeys, SigningKey } from './state.js';

export const ALG = 'RS256';

/** A fresh RS256 key; its kid is the base64 SHA-256 thumbprint, the form Cognito's kids take. */
export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const thumbprint = await calculateJwkThumbprint(privateJwk);
  return { kid: Buffer.from(thumbprint, 'base64url').toString('base64'), privateJwk };
}

/** How a new pool gets its keys: see CognitoServiceOptions.signingKeys. */
export type SigningKeys = 'per-pool' | 'shared';

/** A new pool's keys: two fresh ones, or the two this process shares between its pools. */
export function poolKeySource(mode: SigningKeys): () => Promise<PoolKeys> {
  const fresh = async (): Promise<PoolKeys> => {
    const [id, access] = await Promise.all([newSigningKey(), newSigningKey()]);
    return { id, access };
  };
  if (mode === 'per-pool') return fresh;
  let shared: Promise<PoolKeys> | undefined;
  return () => (shared ??= fresh());
}

/** The JWKS entry of a key, members as Cognito publishes them. */
export function publicJwk(key: SigningKey): JWK {
  return { alg: ALG, e: key.privateJwk.e, kid: key.kid, kty: 'RSA', n: key.privateJwk.n, use: 'sig' };
}

/** Imported CryptoKeys by kid: importing a JWK for every token would be wasted work. */
export class KeyRing {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  signingKey(key: SigningKey): Promise<CryptoKey> {
    return this.load(`private:${key.kid}`, key.privateJwk);
  }

  verificationKey(key: SigningKey): Promise<CryptoKey> {
    return this.load(`public:${key.kid}`, publicJwk(key));
  }

  private load(cacheKey: string, jwk: JWK): Promise<CryptoKey> {
    let key = this.imported.get(cacheKey);
    if (!key) {
      key = importJWK(jwk, ALG) as Promise<CryptoKey>;
      this.imported.set(cacheKey, key);
    }
    return key;
  }
}
