// The forged token: what a real ID token looks like (same header, kid and claims), signed RS256 with a key
// the grader makes up. An authorizer that checks signatures against the pool's JWKS must refuse it.
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { DecodedToken } from '../snapshot/types.js';

let forgeryKey: Promise<CryptoKey> | undefined;

/**
 * A throwaway signing key, made once per process: an RSA-2048 key takes a few hundred milliseconds of CPU, more
 * than the rest of a grade, and any key that is not the pool's serves. It never leaves the process.
 * takeSnapshot asks for it as it starts, so that it is made while the collectors wait for AWS.
 */
export function forgeryKeyOnce(): Promise<CryptoKey> {
  forgeryKey ??= generateKeyPair('RS256', { modulusLength: 2048 }).then(({ privateKey }) => privateKey);
  return forgeryKey;
}

/** Signs `template`'s claims under its header (alg forced to RS256) with `key`. */
export function forgeToken(template: DecodedToken, key: CryptoKey): Promise<string> {
  return new SignJWT(template.claims).setProtectedHeader({ ...template.header, alg: 'RS256' }).sign(key);
}

export interface ForgeryFacts {
  /** The issuer of the lab's user pool, when the pool was found. */
  issuer: string | null;
  clientId: string | null;
  username: string;
  now: Date;
}

/**
 * When Cognito issued no ID token to copy, a token with the claims it would have: the authorizer must still
 * refuse it, and only an authorizer that checks nothing (or no authorizer) lets it through.
 */
export function idTokenLookalike({ issuer, clientId, username, now }: ForgeryFacts): DecodedToken {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return {
    header: { kid: 'lab-grader-forged-key', alg: 'RS256' },
    claims: {
      sub: randomUUID(),
      ...(clientId === null ? {} : { aud: clientId }),
      ...(issuer === null ? {} : { iss: issuer }),
      token_use: 'id',
      'cognito:username': username,
      auth_time: issuedAt,
      iat: issuedAt,
      exp: issuedAt + 3600,
    },
  };
}
