// The sign-in probe: InitiateAuth USER_PASSWORD_AUTH as the lab user, as Activity 10 does it.
// The snapshot keeps the outcome and the tokens' decoded header and claims; the token strings stay in memory
// (the HTTP probes send them) and never leave this process.
import { InitiateAuthCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { jwtDecode } from 'jwt-decode';
import { classifyError } from '../observation/classify-error.js';
import type { AuthOutcome, DecodedToken, Observed } from '../snapshot/types.js';

export const SIGN_IN_OPERATION = 'cognito-idp:InitiateAuth';

export interface SignInRequest {
  clientId: string;
  username: string;
  password: string;
}

/** The raw tokens Cognito issued, for the HTTP probes only. */
export interface IssuedTokens {
  idToken: string | null;
  accessToken: string | null;
  refreshToken: string | null;
}

export interface SignInResult {
  evidence: Observed<AuthOutcome>;
  /** null unless the outcome is 'tokens'. */
  tokens: IssuedTokens | null;
}

export async function signIn(cognito: CognitoIdentityProviderClient, request: SignInRequest): Promise<SignInResult> {
  try {
    const answer = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: request.clientId,
        AuthParameters: { USERNAME: request.username, PASSWORD: request.password },
      }),
    );
    const result = answer.AuthenticationResult;
    if (result === undefined) {
      return { evidence: { state: 'found', value: { outcome: 'challenge', challengeName: answer.ChallengeName ?? 'unnamed challenge' } }, tokens: null };
    }
    const tokens: IssuedTokens = {
      idToken: result.IdToken ?? null,
      accessToken: result.AccessToken ?? null,
      refreshToken: result.RefreshToken ?? null,
    };
    return {
      evidence: {
        state: 'found',
        value: {
          outcome: 'tokens',
          tokenType: result.TokenType ?? null,
          expiresIn: result.ExpiresIn ?? null,
          idToken: decodeToken(tokens.idToken),
          accessToken: decodeToken(tokens.accessToken),
        },
      },
      tokens,
    };
  } catch (error) {
    return { evidence: observedFailure(error), tokens: null };
  }
}

/** Header and claims; null for no token or one that is not a JWT. The signature is never kept. */
export function decodeToken(token: string | null): DecodedToken | null {
  if (token === null) return null;
  try {
    return {
      header: jwtDecode<Record<string, unknown>>(token, { header: true }),
      claims: jwtDecode<Record<string, unknown>>(token),
    };
  } catch {
    return null;
  }
}

/**
 * Cognito answering no (wrong password, flow not enabled, secret required, no such user) is a fact about the
 * account: 'refused'. Throttling, access denied, credentials or the network are about the grader: an error.
 */
function observedFailure(error: unknown): Observed<AuthOutcome> {
  const { kind, code, message } = classifyError(error);
  if (answeredByCognito(error) && (kind === 'absent' || kind === 'other')) {
    return { state: 'found', value: { outcome: 'refused', code, message } };
  }
  return { state: 'error', error: { kind: kind === 'absent' ? 'other' : kind, operation: SIGN_IN_OPERATION, code, message } };
}

/** A service exception: Cognito itself answered with a client error (4xx). */
function answeredByCognito(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { $fault?: unknown }).$fault === 'client';
}
