// Sessions of pending auth challenges (NEW_PASSWORD_REQUIRED). They live for minutes, so they are kept in
// memory only and do not survive a restart.

import { randomBytes } from 'node:crypto';

export interface AuthSession {
  poolId: string;
  clientId: string;
  userKey: string;
  expiresAt: number;
}

export class AuthSessions {
  private readonly sessions = new Map<string, AuthSession>();

  open(session: AuthSession): string {
    const token = randomBytes(192).toString('base64url');
    this.sessions.set(token, session);
    return token;
  }

  get(token: string): AuthSession | undefined {
    return this.sessions.get(token);
  }

  /** A session is spent once its challenge is answered. */
  close(token: string): void {
    this.sessions.delete(token);
  }

  clear(): void {
    this.sessions.clear();
  }
}
